import { sql, type Kysely } from 'kysely'

// Frozen once released: later changes go in new migration files.
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Order import: column mappings saved per business, and import runs with the orders their
 * check read. An interrupted import resumes from its checkpoint (`processed`, written in the
 * same transaction as the orders), reading the orders' rows the check stored.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('order_mappings')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('business_id', 'integer', (c) => c.notNull().references('businesses.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    // Trimmed and lower-cased: "Shopify" and "shopify " are one mapping.
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('mapping_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('order_mappings_by_name')
    .on('order_mappings')
    .columns(['business_id', 'name_key'])
    .unique()
    .execute()

  await db.schema
    .createTable('order_imports')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('business_id', 'integer', (c) => c.notNull().references('businesses.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_size', 'integer', (c) => c.notNull())
    .addColumn('file_sha256', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`status in ('uploaded', 'checking', 'checked', 'importing', 'cancelled', 'done')`,
        ),
    )
    .addColumn('format_json', 'text')
    // JSON string[]: the file's header, for the error report once the file is gone.
    .addColumn('header_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('rows_total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('orders_total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('accepted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rejected', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('flagged', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('accepted_subtotal_minor', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('accepted_discount_minor', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('accepted_total_minor', 'integer', (c) => c.notNull().defaultTo(0))
    // Orders (by their place in the file) handled by the import: the resume checkpoint.
    .addColumn('processed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('imported', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('imported_total_minor', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('message', 'text')
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('checked_at', 'integer')
    .addColumn('finished_at', 'integer')
    .execute()
  // The file itself, apart from its run: the run's row is rewritten at every checkpoint, and
  // SQLite rewrites a whole row, blob included. Dropped once the import is done.
  await db.schema
    .createTable('order_import_files')
    .addColumn('import_id', 'integer', (c) =>
      c.primaryKey().references('order_imports.id').onDelete('cascade'),
    )
    .addColumn('content', 'blob', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('order_imports_by_business')
    .on('order_imports')
    .columns(['business_id', 'id'])
    .execute()

  // One row per order of a checked file: the preview, then the import's outcome where it
  // differs, and the order's rows as read: the import reads those again instead of the file,
  // and the error report shows them. The ledger entry of an accepted order is found by its
  // idempotency key.
  await db.schema
    .createTable('order_import_orders')
    .addColumn('import_id', 'integer', (c) =>
      c.notNull().references('order_imports.id').onDelete('cascade'),
    )
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('row', 'integer', (c) => c.notNull())
    .addColumn('last_row', 'integer', (c) => c.notNull())
    .addColumn('order_ref', 'text')
    .addColumn('occurred_at', 'integer')
    .addColumn('customer_label', 'text')
    .addColumn('lines', 'integer', (c) => c.notNull())
    .addColumn('codes_json', 'text', (c) => c.notNull())
    .addColumn('subtotal_minor', 'integer')
    .addColumn('discount_minor', 'integer')
    .addColumn('total_minor', 'integer')
    // What the engine would have given; kept beside the imported discount it is compared with.
    .addColumn('engine_discount_minor', 'integer')
    .addColumn('flagged', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('accepted', 'integer', (c) => c.notNull())
    // 0: the file's cells themselves were refused (a bad number, a duplicate within the file…);
    // that does not change, so the import does not look at the order again.
    .addColumn('readable', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('field', 'text')
    .addColumn('message', 'text')
    .addColumn('cells_json', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('order_import_orders_pk', ['import_id', 'seq'])
    .modifyEnd(sql`without rowid`)
    .execute()
  await db.schema
    .createIndex('order_import_orders_by_outcome')
    .on('order_import_orders')
    .columns(['import_id', 'accepted', 'seq'])
    .execute()
  await db.schema
    .createIndex('order_import_orders_flagged')
    .on('order_import_orders')
    .columns(['import_id', 'seq'])
    .where(sql.ref('flagged'), '=', 1)
    .execute()
}
