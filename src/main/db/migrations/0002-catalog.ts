import { sql, type Kysely } from 'kysely'

// Frozen in time: later changes go in new migration files, never here.
/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('products')
    // AUTOINCREMENT: products are deleted, and a reused id could point an old reference at a
    // different product.
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('business_id', 'integer', (c) => c.notNull().references('businesses.id'))
    .addColumn('sku', 'text', (c) => c.notNull())
    // Trimmed and upper-cased: "abc-1" and "ABC-1 " are one product.
    .addColumn('sku_key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('category', 'text')
    .addColumn('brand', 'text')
    .addColumn('price_minor', 'integer', (c) => c.notNull().check(sql`price_minor >= 0`))
    .addColumn('on_sale', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('in_stock', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('products_by_sku')
    .on('products')
    .columns(['business_id', 'sku_key'])
    .unique()
    .execute()
  // The campaign editor's pickers list the distinct categories and brands of a business.
  await db.schema
    .createIndex('products_by_category')
    .on('products')
    .columns(['business_id', 'category'])
    .execute()
  await db.schema
    .createIndex('products_by_brand')
    .on('products')
    .columns(['business_id', 'brand'])
    .execute()
}
