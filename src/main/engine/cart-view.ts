import type { Eligibility, LineSelector } from '../../shared/promotions/selectors'
import type { EngineCart, EngineCartLine } from './types'

/** A line's names in lower case, for matching selectors ("Shoes" = "shoes"). */
interface LineNames {
  sku: string
  category: string | null
  brand: string | null
}

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
  /** Per line, lower-cased once so a hundred promotions do not each lower-case fifty lines. */
  names: readonly LineNames[]
  /** 0 … n − 1: the eligible lines of a promotion that restricts nothing. */
  everyIndex: readonly number[]
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
    names: cart.lines.map((line) => ({
      sku: line.sku.toLowerCase(),
      category: line.category?.toLowerCase() ?? null,
      brand: line.brand?.toLowerCase() ?? null,
    })),
    everyIndex: cart.lines.map((_line, index) => index),
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

function named(keys: SelectorKeys, names: LineNames | undefined): boolean {
  if (!names) return false
  return (
    keys.skus.has(names.sku) ||
    (names.category !== null && keys.categories.has(names.category)) ||
    (names.brand !== null && keys.brands.has(names.brand))
  )
}

/** The lines among `indexes` a selector names (SKU, category or brand, any case); empty = all. */
export function selectedLines(
  selector: LineSelector,
  view: CartView,
  indexes: readonly number[],
): number[] {
  const keys = keysOf(selector)
  if (keys.everything) return [...indexes]
  return indexes.filter((index) => named(keys, view.names[index]))
}

/** The indexes of the lines a promotion may discount. */
export function eligibleLines(eligible: Eligibility, view: CartView): readonly number[] {
  const include = keysOf(eligible.include)
  const exclude = keysOf(eligible.exclude)
  if (
    include.everything &&
    exclude.everything &&
    !eligible.excludeSaleItems &&
    !eligible.excludeOutOfStock
  )
    return view.everyIndex
  const indexes: number[] = []
  view.lines.forEach((line, index) => {
    const names = view.names[index]
    if (!include.everything && !named(include, names)) return
    if (!exclude.everything && named(exclude, names)) return
    if (eligible.excludeSaleItems && line.onSale) return
    if (eligible.excludeOutOfStock && !line.inStock) return
    indexes.push(index)
  })
  return indexes
}
