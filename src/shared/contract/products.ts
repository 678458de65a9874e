import { z } from 'zod'
import { id, nonNegativeMinor, optionalText, page, type Page } from './common'
import { method } from './define'
import { uploadedFile, type ImportRowError } from './upload'

/** One product of a business's catalog; rule conditions match its SKU, category and brand. */
export interface Product {
  id: number
  businessId: number
  sku: string
  name: string
  category: string | null
  brand: string | null
  priceMinor: number
  onSale: boolean
  inStock: boolean
  createdAt: number
  updatedAt: number
}

/** The distinct categories and brands of a catalog, sorted, for the campaign editor's pickers. */
export interface CatalogFacets {
  categories: string[]
  brands: string[]
}

/** The key a SKU is unique and looked up by: "abc-1 " and "ABC-1" are one product. */
export function skuKey(sku: string): string {
  return sku.trim().toUpperCase()
}

/** A product's own fields; the import checks every row of a file with the same rules. */
export const productFields = {
  sku: z.string().trim().min(1, 'Enter a SKU.').max(64, 'At most 64 characters.'),
  name: z.string().trim().min(1, 'Enter a name.').max(200, 'At most 200 characters.'),
  category: optionalText(80),
  brand: optionalText(80),
  priceMinor: nonNegativeMinor,
  onSale: z.boolean().default(false),
  inStock: z.boolean().default(true),
}

export const PRODUCT_SORT_FIELDS = [
  'sku',
  'name',
  'category',
  'brand',
  'priceMinor',
  'updatedAt',
] as const
export type ProductSortField = (typeof PRODUCT_SORT_FIELDS)[number]

export const productListInput = z.object({
  businessId: id,
  /** Start of a SKU, or any part of a name; case does not matter. */
  search: z
    .string()
    .trim()
    .max(64, 'At most 64 characters.')
    .optional()
    .transform((text) => text || undefined),
  sort: z
    .object({
      field: z.enum(PRODUCT_SORT_FIELDS),
      direction: z.enum(['asc', 'desc']).default('asc'),
    })
    .default({ field: 'sku', direction: 'asc' }),
  ...page.shape,
})
export type ProductListArgs = z.output<typeof productListInput>

/** What an import would do, or did: counts over the whole file and the rows it refuses. */
export interface ProductImportReport {
  /** Data rows read; blank rows are skipped. */
  rows: number
  /** Rows whose SKU is new to the catalog. */
  added: number
  /** Rows whose SKU the catalog already has. */
  updated: number
  /** The first 200 row errors; `errorCount` counts them all. */
  errors: ImportRowError[]
  errorCount: number
}

/** A dry run answers at once with its report; a real import runs as a job (see jobs.get). */
export type ProductImportStart =
  { dryRun: true; report: ProductImportReport } | { dryRun: false; jobId: string }

const productRef = z.object({ businessId: id, productId: id })

export const productsContract = {
  'products.list': method<Page<Product>>()(
    productListInput,
    'Pages through the catalog of a business, searched by SKU prefix or name, sorted on the server.',
  ),
  'products.get': method<Product>()(productRef, 'Returns one product.'),
  'products.save': method<Product>()(
    z.object({
      businessId: id,
      /** Leave out to add a product; give it to replace that product's fields. */
      productId: id.optional(),
      ...productFields,
    }),
    'Adds a product, or replaces one; a SKU is unique within a business, whatever its case.',
  ),
  'products.delete': method<Product>()(
    productRef,
    'Removes a product from the catalog and returns what it was.',
  ),
  'products.facets': method<CatalogFacets>()(
    z.object({ businessId: id }),
    'Lists the distinct categories and brands of a catalog, sorted.',
  ),
  'products.import': method<ProductImportStart>()(
    z.object({
      businessId: id,
      /** A .csv (comma, semicolon or tab separated) or .xlsx file, at most 20 MB. */
      file: uploadedFile,
      /** Check the file and count what would change, without writing anything. */
      dryRun: z.boolean().default(false),
    }),
    'Adds or updates products from a CSV or Excel file (columns sku, name, price; optionally category, brand, on_sale, in_stock) in one transaction: a file with any bad row changes nothing. With dryRun, reports the counts and row errors at once; otherwise starts a job.',
  ),
}
