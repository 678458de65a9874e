import {
  selectsEverything,
  type Eligibility,
  type LineSelector,
} from '../../shared/promotions/selectors'
import type { EngineCart } from './types'

/** The lines a promotion may discount, with the totals conditions "over eligible items" read. */
export interface EligibleLines {
  /** Ascending line indexes. */
  indexes: readonly number[]
  items: number
  grossMinor: number
  /** False when the promotion names no lines and excludes none: then every line is eligible. */
  restricted: boolean
}

type NameField = 'sku' | 'category' | 'brand'

/**
 * The cart's line indexes by lower-cased name ("Shoes" = "shoes"), so a selector looks up its
 * few names instead of testing every line of the cart.
 */
type NameIndex = ReadonlyMap<string, readonly number[]>

/** The cart as conditions and discounts read it: lines with their amounts, computed once. */
export interface CartView {
  lines: EngineCart['lines']
  /** quantity × unit price, per line. */
  grosses: readonly number[]
  subtotalMinor: number
  itemCount: number
  shippingMinor: number
  /** Upper-cased SKUs in the cart, for "requires products". */
  skus: ReadonlySet<string>
  /** Every line: what a promotion that restricts nothing may discount. */
  everyLine: EligibleLines
  /** Each built the first time a selector names lines by that field (see `nameIndex`). */
  byName: { [F in NameField]?: NameIndex }
  /** Which lines each selector names, filled as promotions ask (see `selection`). */
  selections: Map<SelectorKeys, readonly boolean[]>
}

export function viewCart(cart: EngineCart): CartView {
  const count = cart.lines.length
  const grosses = new Array<number>(count)
  const everyIndex = new Array<number>(count)
  const skus = new Set<string>()
  let subtotalMinor = 0
  let itemCount = 0
  cart.lines.forEach((line, index) => {
    const gross = line.quantity * line.unitPriceMinor
    grosses[index] = gross
    subtotalMinor += gross
    itemCount += line.quantity
    skus.add(line.sku.toUpperCase())
    everyIndex[index] = index
  })
  return {
    lines: cart.lines,
    grosses,
    subtotalMinor,
    itemCount,
    shippingMinor: cart.shippingMinor,
    skus,
    everyLine: {
      indexes: everyIndex,
      items: itemCount,
      grossMinor: subtotalMinor,
      restricted: false,
    },
    byName: {},
    selections: new Map(),
  }
}

/** Many sales have no promotion naming lines by SKU, category or brand: built when first asked. */
function nameIndex(view: CartView, field: NameField): NameIndex {
  let index = view.byName[field]
  if (!index) {
    const lines = new Map<string, number[]>()
    view.lines.forEach((line, position) => {
      const name = line[field]?.toLowerCase()
      if (name === undefined) return
      const named = lines.get(name)
      if (named) named.push(position)
      else lines.set(name, [position])
    })
    index = lines
    view.byName[field] = index
  }
  return index
}

/** A selector's names in lower case, made once per selector object (they never change). */
interface SelectorKeys {
  everything: boolean
  skus: ReadonlySet<string>
  categories: ReadonlySet<string>
  brands: ReadonlySet<string>
  /** Set when the selector names one thing only ("Shoes"), the usual case. */
  single: { field: NameField; name: string } | null
}
const selectorKeys = new WeakMap<LineSelector, SelectorKeys>()

/** Most selectors name nothing (every line): they share these keys, with nothing to cache. */
const EVERY_LINE_KEYS: SelectorKeys = {
  everything: true,
  skus: new Set(),
  categories: new Set(),
  brands: new Set(),
  single: null,
}

function lowerSet(names: readonly string[]): Set<string> {
  return new Set(names.map((name) => name.toLowerCase()))
}

function keysOf(selector: LineSelector): SelectorKeys {
  if (selectsEverything(selector)) return EVERY_LINE_KEYS
  let keys = selectorKeys.get(selector)
  if (!keys) {
    const skus = lowerSet(selector.skus)
    const categories = lowerSet(selector.categories)
    const brands = lowerSet(selector.brands)
    keys = {
      everything: false,
      skus,
      categories,
      brands,
      single: singleName(skus, categories, brands),
    }
    selectorKeys.set(selector, keys)
  }
  return keys
}

function singleName(
  skus: ReadonlySet<string>,
  categories: ReadonlySet<string>,
  brands: ReadonlySet<string>,
): SelectorKeys['single'] {
  if (skus.size + categories.size + brands.size !== 1) return null
  const [field, names]: [NameField, ReadonlySet<string>] =
    skus.size === 1
      ? ['sku', skus]
      : categories.size === 1
        ? ['category', categories]
        : ['brand', brands]
  const [name = ''] = names
  return { field, name }
}

const NO_LINES: readonly number[] = []

function markNamed(
  marks: boolean[],
  view: CartView,
  field: NameField,
  names: ReadonlySet<string>,
): void {
  if (names.size === 0) return
  const index = nameIndex(view, field)
  for (const name of names) for (const line of index.get(name) ?? NO_LINES) marks[line] = true
}

/**
 * Per line, whether the selector names it (SKU, category or brand, any case). Made once per
 * selector and cart: a buy X get Y deal reads its selectors when it qualifies and again in
 * every option it is applied in.
 */
function selection(keys: SelectorKeys, view: CartView): readonly boolean[] {
  const known = view.selections.get(keys)
  if (known) return known
  const marks = new Array<boolean>(view.lines.length).fill(false)
  markNamed(marks, view, 'sku', keys.skus)
  markNamed(marks, view, 'category', keys.categories)
  markNamed(marks, view, 'brand', keys.brands)
  view.selections.set(keys, marks)
  return marks
}

/** The lines among `indexes` a selector names (SKU, category or brand, any case); empty = all. */
export function selectedLines(
  selector: LineSelector,
  view: CartView,
  indexes: readonly number[],
): readonly number[] {
  const keys = keysOf(selector)
  if (keys.everything) return indexes
  const marks = selection(keys, view)
  const selected: number[] = []
  for (let position = 0; position < indexes.length; position++) {
    const index = indexes[position] ?? 0
    if (marks[index]) selected.push(index)
  }
  return selected
}

/**
 * The ascending indexes of the lines a selector names. For a single name (the usual case) that
 * is the cart index's own list: no pass over the cart and nothing allocated.
 */
function namedLines(keys: SelectorKeys, view: CartView): readonly number[] {
  if (keys.everything) return view.everyLine.indexes
  if (keys.single) return nameIndex(view, keys.single.field).get(keys.single.name) ?? NO_LINES
  const marks = selection(keys, view)
  return view.everyLine.indexes.filter((index) => marks[index])
}

/** The lines a promotion may discount, with their totals. */
export function eligibleLines(eligible: Eligibility, view: CartView): EligibleLines {
  const include = keysOf(eligible.include)
  const exclude = keysOf(eligible.exclude)
  if (
    include.everything &&
    exclude.everything &&
    !eligible.excludeSaleItems &&
    !eligible.excludeOutOfStock
  )
    return view.everyLine
  const candidates = namedLines(include, view)
  const excluded = exclude.everything ? null : selection(exclude, view)
  const indexes: number[] = []
  let items = 0
  let grossMinor = 0
  for (let position = 0; position < candidates.length; position++) {
    const index = candidates[position] ?? 0
    const line = view.lines[index]
    if (!line || excluded?.[index]) continue
    if (eligible.excludeSaleItems && line.onSale) continue
    if (eligible.excludeOutOfStock && !line.inStock) continue
    indexes.push(index)
    items += line.quantity
    grossMinor += view.grosses[index] ?? 0
  }
  return { indexes, items, grossMinor, restricted: true }
}
