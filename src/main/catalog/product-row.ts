import { z } from 'zod'
import { productFields } from '../../shared/contract/products'
import { minorToDecimal, parseMoney } from '../../shared/money'
import type { ImportRowError } from '../../shared/contract/upload'
import type { CatalogProduct } from '../db/repos/products.repo'
import { parseFlag } from '../import/cells'

/** The columns of a catalog file; header names are matched without regard to case. */
export const REQUIRED_COLUMNS = ['sku', 'name', 'price'] as const
export const OPTIONAL_COLUMNS = ['category', 'brand', 'on_sale', 'in_stock'] as const
export type ProductColumn = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number]

/** The same rules as products.save, so a file and the form accept the same products. */
const rowSchema = z.object(productFields)

const COLUMN_OF_FIELD: Record<keyof typeof productFields, ProductColumn> = {
  sku: 'sku',
  name: 'name',
  category: 'category',
  brand: 'brand',
  priceMinor: 'price',
  onSale: 'on_sale',
  inStock: 'in_stock',
}

type RowIssue = Omit<ImportRowError, 'row'>

function parsePrice(text: string, currency: string): number | RowIssue {
  if (!text) return { field: 'price', message: 'Enter a price.' }
  const minor = parseMoney(text, currency)
  if (minor === null) {
    return {
      field: 'price',
      message: `“${text}” is not a price in ${currency}; write it like ${minorToDecimal(1250, currency)}.`,
    }
  }
  if (minor < 0) return { field: 'price', message: 'A price cannot be negative.' }
  return minor
}

function parseFlagCell(
  column: 'on_sale' | 'in_stock',
  text: string,
): boolean | undefined | RowIssue {
  const flag = parseFlag(text)
  if (flag === null)
    return { field: column, message: `“${text}” is not yes or no (or true/false, 1/0).` }
  return flag
}

const isIssue = (value: unknown): value is RowIssue =>
  typeof value === 'object' && value !== null && 'message' in value

/**
 * One row of a catalog file as a product, or everything wrong with it. `cell` gives a
 * column's text, or undefined when the file has no such column (blank = the default).
 */
export function parseProductRow(
  cell: (column: ProductColumn) => string | undefined,
  currency: string,
): { product: CatalogProduct } | { issues: RowIssue[] } {
  const price = parsePrice(cell('price') ?? '', currency)
  const onSale = parseFlagCell('on_sale', cell('on_sale') ?? '')
  const inStock = parseFlagCell('in_stock', cell('in_stock') ?? '')
  const issues = [price, onSale, inStock].filter(isIssue)
  const parsed = rowSchema.safeParse({
    sku: cell('sku') ?? '',
    name: cell('name') ?? '',
    category: cell('category'),
    brand: cell('brand'),
    priceMinor: isIssue(price) ? 0 : price,
    onSale: isIssue(onSale) ? undefined : onSale,
    inStock: isIssue(inStock) ? undefined : inStock,
  })
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = COLUMN_OF_FIELD[issue.path[0] as keyof typeof productFields] ?? 'sku'
      issues.push({ field, message: issue.message })
    }
  }
  if (issues.length > 0 || !parsed.success) return { issues }
  const { category, brand, ...rest } = parsed.data
  return { product: { ...rest, category: category ?? null, brand: brand ?? null } }
}
