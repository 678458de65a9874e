import { sql, type Kysely } from 'kysely'

// Frozen once released: later changes go in new migration files.
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Refunds and voids as new entries that point at the sale they correct; code and promotion
 * rows carry how many uses they count (+1 for a sale, −1 when a reversal gives the use back,
 * 0 when it does not), so counters are always the sum of the ledger's rows. Business settings
 * for reversals, manager overrides and channels that require a code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('ledger_entries')
    .addColumn('reverses_entry_id', 'integer', (c) => c.references('ledger_entries.id'))
    .execute()
  await db.schema
    .createIndex('ledger_entries_reversals')
    .on('ledger_entries')
    .column('reverses_entry_id')
    .where(sql.ref('reverses_entry_id'), 'is not', null)
    .execute()
  for (const table of ['redemptions', 'promotion_uses']) {
    await db.schema
      .alterTable(table)
      .addColumn('uses', 'integer', (c) =>
        c
          .notNull()
          .defaultTo(1)
          .check(sql`uses between -1 and 1`),
      )
      .execute()
  }
  const businessColumns: [string, string, (c: any) => any][] = [
    ['refund_returns_use', 'integer', (c) => c.notNull().defaultTo(0)],
    ['override_required', 'integer', (c) => c.notNull().defaultTo(0)],
    ['manager_pin_hash', 'text', (c) => c],
    ['require_code_channels', 'text', (c) => c.notNull().defaultTo('[]')],
  ]
  for (const [name, type, build] of businessColumns) {
    await db.schema
      .alterTable('businesses')
      .addColumn(name, type as 'text', build)
      .execute()
  }
}
