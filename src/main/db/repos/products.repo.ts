import { sql, type Selectable } from 'kysely'
import type { Page } from '../../../shared/contract/common'
import {
  skuKey,
  type CatalogFacets,
  type Product,
  type ProductListArgs,
  type ProductSortField,
} from '../../../shared/contract/products'
import type { Workspace } from '../database'
import { contains, startsWith } from '../like'
import { preparedQuery } from '../prepared-query'
import type { ProductsTable } from '../schema'

/** What checkout and the rule engine know of a product; also the fields a save or import writes. */
export interface CatalogProduct {
  sku: string
  name: string
  category: string | null
  brand: string | null
  priceMinor: number
  onSale: boolean
  inStock: boolean
}

type ProductRow = Selectable<ProductsTable>

function toCatalogProduct(
  row: Omit<ProductRow, 'id' | 'business_id' | 'created_at' | 'updated_at'>,
): CatalogProduct {
  return {
    sku: row.sku,
    name: row.name,
    category: row.category,
    brand: row.brand,
    priceMinor: row.price_minor,
    onSale: row.on_sale === 1,
    inStock: row.in_stock === 1,
  }
}

export function toProduct(row: ProductRow): Product {
  return {
    id: row.id,
    businessId: row.business_id,
    ...toCatalogProduct(row),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

function fieldColumns(fields: CatalogProduct) {
  return {
    sku: fields.sku,
    sku_key: skuKey(fields.sku),
    name: fields.name,
    category: fields.category,
    brand: fields.brand,
    price_minor: fields.priceMinor,
    on_sale: fields.onSale ? 1 : 0,
    in_stock: fields.inStock ? 1 : 0,
  }
}

// Names sort the way people read them, whatever their case.
const SORT_EXPRESSIONS: Record<ProductSortField, ReturnType<typeof sql.raw>> = {
  sku: sql.raw('sku_key'),
  name: sql.raw('name collate nocase'),
  category: sql.raw('category collate nocase'),
  brand: sql.raw('brand collate nocase'),
  priceMinor: sql.raw('price_minor'),
  updatedAt: sql.raw('updated_at'),
}

/** One page of a catalog: SKUs starting with the search, or names containing it. */
export function listProducts(db: Workspace, args: ProductListArgs): Page<Product> {
  const { businessId, search, sort, page, pageSize } = args
  let query = db.qb.selectFrom('products').where('business_id', '=', businessId)
  if (search) {
    query = query.where((eb) =>
      eb.or([
        eb('sku_key', 'like', startsWith(skuKey(search))),
        eb('name', 'like', contains(search)),
      ]),
    )
  }
  const count = db.sql.first(query.select((eb) => eb.fn.countAll<number>().as('n')))
  const rows = db.sql.all(
    query
      .selectAll()
      .orderBy(SORT_EXPRESSIONS[sort.field], sort.direction)
      .orderBy('sku_key')
      .limit(pageSize)
      .offset(page * pageSize),
  )
  return { rows: rows.map(toProduct), total: Number(count?.n ?? 0) }
}

export function findProduct(
  db: Workspace,
  businessId: number,
  productId: number,
): Product | undefined {
  const row = db.sql.first(
    db.qb
      .selectFrom('products')
      .selectAll()
      .where('business_id', '=', businessId)
      .where('id', '=', productId),
  )
  return row && toProduct(row)
}

/** The product holding a SKU in a business, whatever the case it was typed in. */
export function findProductBySku(
  db: Workspace,
  businessId: number,
  sku: string,
): Product | undefined {
  const row = db.sql.first(
    db.qb
      .selectFrom('products')
      .selectAll()
      .where('business_id', '=', businessId)
      .where('sku_key', '=', skuKey(sku)),
  )
  return row && toProduct(row)
}

export function insertProduct(
  db: Workspace,
  businessId: number,
  fields: CatalogProduct,
  now: number,
): number {
  const row = db.sql.first(
    db.qb
      .insertInto('products')
      .values({
        business_id: businessId,
        ...fieldColumns(fields),
        created_at: now,
        updated_at: now,
      })
      .returning('id'),
  )
  if (!row) throw new Error('Inserting a product returned no id')
  return row.id
}

export function updateProduct(
  db: Workspace,
  businessId: number,
  productId: number,
  fields: CatalogProduct,
  now: number,
): boolean {
  const { changes } = db.sql.run(
    db.qb
      .updateTable('products')
      .set({ ...fieldColumns(fields), updated_at: now })
      .where('business_id', '=', businessId)
      .where('id', '=', productId),
  )
  return changes > 0
}

export function deleteProduct(db: Workspace, businessId: number, productId: number): boolean {
  const { changes } = db.sql.run(
    db.qb.deleteFrom('products').where('business_id', '=', businessId).where('id', '=', productId),
  )
  return changes > 0
}

/** Columns an import file may leave out: its products then keep what the catalog has. */
export type KeepableColumn = 'category' | 'brand' | 'on_sale' | 'in_stock'

/**
 * Prepares one insert-or-update by SKU to run for many rows; call it inside the import's
 * transaction. Columns listed in `keep` are not overwritten on products that already exist.
 */
export function productUpserter(
  db: Workspace,
  businessId: number,
  now: number,
  keep: ReadonlySet<KeepableColumn>,
): (fields: CatalogProduct) => void {
  const values = (fields: CatalogProduct) => ({
    business_id: businessId,
    ...fieldColumns(fields),
    created_at: now,
    updated_at: now,
  })
  const sample = values({
    sku: 'SAMPLE',
    name: 'Sample',
    category: null,
    brand: null,
    priceMinor: 0,
    onSale: false,
    inStock: true,
  })
  const statement = db.sql.repeatable(
    db.qb
      .insertInto('products')
      .values(sample)
      .onConflict((oc) =>
        oc.columns(['business_id', 'sku_key']).doUpdateSet((eb) => {
          const take = <C extends KeepableColumn>(column: C) =>
            keep.has(column) ? eb.ref(`products.${column}`) : eb.ref(`excluded.${column}`)
          return {
            sku: eb.ref('excluded.sku'),
            name: eb.ref('excluded.name'),
            price_minor: eb.ref('excluded.price_minor'),
            category: take('category'),
            brand: take('brand'),
            on_sale: take('on_sale'),
            in_stock: take('in_stock'),
            updated_at: eb.ref('excluded.updated_at'),
          }
        }),
      ),
  )
  // The statement's parameters are the inserted values in column order; run passes them so.
  if (statement.parameters.length !== Object.keys(sample).length) {
    throw new Error('Product upsert parameters are not in column order')
  }
  return (fields) => {
    statement.run(Object.values(values(fields)))
  }
}

/** SQLite accepts many more, but a bounded IN list keeps each statement small. */
const MAX_KEYS_PER_QUERY = 500

/**
 * Lookups are padded to a power of two (or 500) by repeating a key, so a handful of compiled
 * statements serve every cart size instead of one per size crowding the statement cache.
 */
function paddedSize(count: number): number {
  let size = 1
  while (size < count) size *= 2
  return Math.min(size, MAX_KEYS_PER_QUERY)
}

type SkuLookup = { businessId: number } & { [key: `k${number}`]: string }

/** Compiled once per padded size: the checkout calls it on every evaluation. */
const catalogBySkuKeys = preparedQuery((db, p: SkuLookup) => {
  const keys = Object.keys(p)
    .filter((key): key is `k${number}` => key !== 'businessId')
    .map((key) => p[key] as string)
  return db.qb
    .selectFrom('products')
    .select(['sku_key', 'sku', 'name', 'category', 'brand', 'price_minor', 'on_sale', 'in_stock'])
    .where('business_id', '=', p.businessId)
    .where('sku_key', 'in', keys)
})

/**
 * The catalog's products for these SKUs (any case, any padding), keyed by sku_key: the
 * trimmed, upper-cased SKU. SKUs the catalog does not have are simply absent. One query per
 * 500 distinct SKUs.
 */
export function productsBySku(
  db: Workspace,
  businessId: number,
  skus: readonly string[],
): Map<string, CatalogProduct> {
  const keys = [...new Set(skus.map(skuKey))].filter(Boolean)
  const found = new Map<string, CatalogProduct>()
  for (let start = 0; start < keys.length; start += MAX_KEYS_PER_QUERY) {
    const chunk = keys.slice(start, start + MAX_KEYS_PER_QUERY)
    const params: SkuLookup = { businessId }
    const size = paddedSize(chunk.length)
    for (let index = 0; index < size; index++) {
      params[`k${index}`] = chunk[Math.min(index, chunk.length - 1)] ?? ''
    }
    for (const row of db.sql.all(catalogBySkuKeys(db, params))) {
      found.set(row.sku_key, toCatalogProduct(row))
    }
  }
  return found
}

/** The distinct categories and brands of a catalog, sorted without regard to case. */
export function catalogFacets(db: Workspace, businessId: number): CatalogFacets {
  const distinct = (column: 'category' | 'brand') =>
    db.sql
      .all(
        db.qb
          .selectFrom('products')
          .select(sql<string>`${sql.ref(column)}`.as('value'))
          .distinct()
          .where('business_id', '=', businessId)
          .where(column, 'is not', null)
          .orderBy(sql`${sql.ref(column)} collate nocase`)
          .orderBy(sql.ref(column)),
      )
      .map((row) => row.value)
  return { categories: distinct('category'), brands: distinct('brand') }
}
