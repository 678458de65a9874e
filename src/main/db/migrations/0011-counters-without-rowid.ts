import { sql, type Kysely } from 'kysely'

// Frozen once released: later changes go in new migration files.
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * The per-customer use counters and the daily totals, stored in their primary key's B-tree
 * (WITHOUT ROWID) like the daily caps. As rowid tables each had a second B-tree for the key,
 * so every sale wrote two pages per counter where one does: each page a sale touches is a WAL
 * frame to write, sync and checkpoint. Same columns, same rows.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('code_customer_uses_new')
    .addColumn('code_id', 'integer', (c) => c.notNull().references('codes.id'))
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('uses', 'integer', (c) => c.notNull().check(sql`uses >= 0`))
    .addPrimaryKeyConstraint('code_customer_uses_pk', ['code_id', 'customer_id'])
    .modifyEnd(sql`without rowid`)
    .execute()
  await sql`insert into code_customer_uses_new (code_id, customer_id, uses)
    select code_id, customer_id, uses from code_customer_uses`.execute(db)
  await db.schema.dropTable('code_customer_uses').execute()
  await db.schema.alterTable('code_customer_uses_new').renameTo('code_customer_uses').execute()

  await db.schema
    .createTable('daily_totals_new')
    .addColumn('business_id', 'integer', (c) => c.notNull().references('businesses.id'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('orders', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sales_minor', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reversals', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reversed_minor', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('discount_minor', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('redemptions', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('commission_minor', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('daily_totals_pk', ['business_id', 'day', 'channel'])
    .modifyEnd(sql`without rowid`)
    .execute()
  await sql`insert into daily_totals_new select business_id, day, channel, orders, sales_minor,
    reversals, reversed_minor, discount_minor, redemptions, commission_minor
    from daily_totals`.execute(db)
  await db.schema.dropTable('daily_totals').execute()
  await db.schema.alterTable('daily_totals_new').renameTo('daily_totals').execute()
}
