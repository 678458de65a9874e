import { sql, type Kysely } from 'kysely'

// Frozen once released: later changes go in new migration files.
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Indexes for the fraud signals, measured on a million sales (bench/fraud.bench.ts):
 * - one customer's orders in time order: at a sale, the customer's velocity read every order
 *   signal of the business inside the sale's transaction; in a scan the window walks this
 *   index in its own order, covered (the entry id is the row id). The customer leads: a
 *   customer belongs to one business, and with the business first SQLite (which keeps no
 *   statistics here) would pick this index for any query saying "customer_id is not null";
 * - the IP, device and address indexes also carry the customer, so counting the customers
 *   behind each value reads the index alone instead of a million rows;
 * - sales by location, for the region check, instead of reading every ledger entry.
 * The order's phone joins the signals: checkout matches a customer by phone, so two records
 * rarely share one, but an order can carry a phone its customer (found by email) does not.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('order_signals').addColumn('phone_key', 'text').execute()
  await db.schema
    .createIndex('order_signals_by_customer')
    .on('order_signals')
    .columns(['customer_id', 'occurred_at', 'business_id'])
    .where(sql.ref('customer_id'), 'is not', null)
    .execute()
  for (const column of ['ip_key', 'device_key', 'address_key', 'phone_key']) {
    if (column !== 'phone_key') await db.schema.dropIndex(`order_signals_by_${column}`).execute()
    await db.schema
      .createIndex(`order_signals_by_${column}`)
      .on('order_signals')
      .columns(['business_id', column, 'occurred_at', 'customer_id'])
      .where(sql.ref(column), 'is not', null)
      .execute()
  }
  await db.schema
    .createIndex('ledger_entries_by_location')
    .on('ledger_entries')
    .columns(['business_id', 'location'])
    .where(sql.ref('location'), 'is not', null)
    .execute()
}
