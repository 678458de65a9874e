import { sql, type Kysely } from 'kysely'
import { DateTime } from 'luxon'

// Frozen once released: later changes go in new migration files.
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Daily totals per business, local day and channel, kept by the transaction that appends each
 * ledger entry, so a dashboard over a million sales reads a few hundred rows. Filled here from
 * the entries already recorded.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('daily_totals')
    .addColumn('business_id', 'integer', (c) => c.notNull().references('businesses.id'))
    // yyyy-MM-dd in the business's time zone.
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
    .execute()
  await db.schema
    .createIndex('customers_by_first_order')
    .on('customers')
    .columns(['business_id', 'first_order_at'])
    .execute()

  const zones = new Map<number, string>(
    (await db.selectFrom('businesses').select(['id', 'time_zone']).execute()).map((row: any) => [
      row.id,
      row.time_zone,
    ]),
  )
  const entries = await sql<any>`
    select e.business_id, e.kind, e.channel, e.occurred_at, e.total_minor, e.discount_minor,
      (select count(*) from redemptions r where r.entry_id = e.id) as codes,
      (select coalesce(sum(amount_minor), 0) from commissions c where c.entry_id = e.id) as commission
    from ledger_entries e order by e.id`.execute(db)
  const totals = new Map<string, any>()
  for (const entry of entries.rows) {
    const day = DateTime.fromMillis(entry.occurred_at, {
      zone: zones.get(entry.business_id) ?? 'UTC',
    }).toFormat('yyyy-MM-dd')
    const key = `${entry.business_id}|${day}|${entry.channel}`
    const row = totals.get(key) ?? {
      business_id: entry.business_id,
      day,
      channel: entry.channel,
      orders: 0,
      sales_minor: 0,
      reversals: 0,
      reversed_minor: 0,
      discount_minor: 0,
      redemptions: 0,
      commission_minor: 0,
    }
    const sale = entry.kind === 'sale'
    row.orders += sale ? 1 : 0
    row.sales_minor += sale ? entry.total_minor : 0
    row.reversals += sale ? 0 : 1
    row.reversed_minor += sale ? 0 : entry.total_minor
    row.discount_minor += entry.discount_minor
    row.redemptions += sale ? Number(entry.codes) : 0
    row.commission_minor += Number(entry.commission)
    totals.set(key, row)
  }
  for (const row of totals.values()) await db.insertInto('daily_totals').values(row).execute()
}
