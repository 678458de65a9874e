import type { Eligibility, LineSelector } from '../../shared/promotions/selectors'
import type { EngineCart, EngineCartLine } from './types'

/** The cart as conditions and discounts read it: lines with their amounts, computed once. */
export interface CartView {
  lines: readonly EngineCartLine[]
  /** quantity × unit price, per line. */
  grosses: readonly number[]
  subtotalMinor: number
  itemCount: number
  shippingMinor: number
  /** Upper-cased SKUs in the cart, for "requires products". */
  skus: ReadonlySet<string>
}

export function viewCart(cart: EngineCart): CartView {
  const grosses = cart.lines.map((line) => line.quantity * line.unitPriceMinor)
  return {
    lines: cart.lines,
    grosses,
    subtotalMinor: grosses.reduce((sum, gross) => sum + gross, 0),
    itemCount: cart.lines.reduce((sum, line) => sum + line.quantity, 0),
    shippingMinor: cart.shippingMinor,
    skus: new Set(cart.lines.map((line) => line.sku.toUpperCase())),
  }
}

/** A selector's names in lower case, made once per selector object (they never change). */
interface SelectorKeys {
  everything: boolean
  skus: ReadonlySet<string>
  categories: ReadonlySet<string>
  brands: ReadonlySet<string>
}
const selectorKeys = new WeakMap<LineSelector, SelectorKeys>()

function keysOf(selector: LineSelector): SelectorKeys {
  let keys = selectorKeys.get(selector)
  if (!keys) {
    const lower = (names: readonly string[]) => new Set(names.map((name) => name.toLowerCase()))
    keys = {
      everything:
        selector.skus.length === 0 &&
        selector.categories.length === 0 &&
        selector.brands.length === 0,
      skus: lower(selector.skus),
      categories: lower(selector.categories),
      brands: lower(selector.brands),
    }
    selectorKeys.set(selector, keys)
  }
  return keys
}

/** A line's names in lower case, for matching selectors ("Shoes" = "shoes"). */
interface LineKeys {
  sku: string
  category: string | null
  brand: string | null
}
const lineKeys = new WeakMap<EngineCartLine, LineKeys>()

function lineKeysOf(line: EngineCartLine): LineKeys {
  let keys = lineKeys.get(line)
  if (!keys) {
    keys = {
      sku: line.sku.toLowerCase(),
      category: line.category?.toLowerCase() ?? null,
      brand: line.brand?.toLowerCase() ?? null,
    }
    lineKeys.set(line, keys)
  }
  return keys
}

function named(keys: SelectorKeys, line: EngineCartLine): boolean {
  const names = lineKeysOf(line)
  return (
    keys.skus.has(names.sku) ||
    (names.category !== null && keys.categories.has(names.category)) ||
    (names.brand !== null && keys.brands.has(names.brand))
  )
}

/** Whether a line is named by a selector (SKU, category or brand, any case); empty = all. */
export function selects(selector: LineSelector, line: EngineCartLine): boolean {
  const keys = keysOf(selector)
  return keys.everything || named(keys, line)
}

function excludes(selector: LineSelector, line: EngineCartLine): boolean {
  const keys = keysOf(selector)
  return !keys.everything && named(keys, line)
}

/** The indexes of the lines a promotion may discount. */
export function eligibleLines(eligible: Eligibility, view: CartView): number[] {
  const unrestricted =
    keysOf(eligible.include).everything &&
    keysOf(eligible.exclude).everything &&
    !eligible.excludeSaleItems &&
    !eligible.excludeOutOfStock
  if (unrestricted) return view.lines.map((_line, index) => index)
  const indexes: number[] = []
  view.lines.forEach((line, index) => {
    if (!selects(eligible.include, line)) return
    if (excludes(eligible.exclude, line)) return
    if (eligible.excludeSaleItems && line.onSale) return
    if (eligible.excludeOutOfStock && !line.inStock) return
    indexes.push(index)
  })
  return indexes
}
