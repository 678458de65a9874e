import { sql, type Kysely } from 'kysely'

// Frozen once released: later changes go in new migration files.
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Fraud review: what each order says about who placed it (normalized IP, device, address), the
 * business's signal thresholds, cases with the entries behind them, every decision (append-only),
 * and block lists that checkout refuses.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('fraud_settings')
    .addColumn('business_id', 'integer', (c) => c.primaryKey().references('businesses.id'))
    // JSON of FraudSettings (src/shared/fraud/settings.ts).
    .addColumn('settings_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('order_signals')
    .addColumn('entry_id', 'integer', (c) => c.primaryKey().references('ledger_entries.id'))
    .addColumn('business_id', 'integer', (c) => c.notNull().references('businesses.id'))
    .addColumn('customer_id', 'integer', (c) => c.references('customers.id'))
    .addColumn('ip_key', 'text')
    .addColumn('device_key', 'text')
    .addColumn('address_key', 'text')
    .addColumn('occurred_at', 'integer', (c) => c.notNull())
    .execute()
  for (const column of ['ip_key', 'device_key', 'address_key']) {
    await db.schema
      .createIndex(`order_signals_by_${column}`)
      .on('order_signals')
      .columns(['business_id', column, 'occurred_at'])
      .where(sql.ref(column), 'is not', null)
      .execute()
  }

  await db.schema
    .createTable('fraud_cases')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('business_id', 'integer', (c) => c.notNull().references('businesses.id'))
    .addColumn('signal', 'text', (c) => c.notNull())
    // What the case is about: "email:ana@example.com", "code:17", "promoter:3"…
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('promoter_id', 'integer', (c) => c.references('promoters.id'))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('open', 'dismissed', 'confirmed')`),
    )
    .addColumn('opened_at', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .execute()
  // One open case per signal and subject: a new hit extends it.
  await db.schema
    .createIndex('fraud_cases_open')
    .on('fraud_cases')
    .columns(['business_id', 'signal', 'subject'])
    .unique()
    .where(sql.ref('status'), '=', 'open')
    .execute()

  await db.schema
    .createTable('fraud_case_entries')
    .addColumn('case_id', 'integer', (c) => c.notNull().references('fraud_cases.id'))
    .addColumn('entry_id', 'integer', (c) => c.notNull().references('ledger_entries.id'))
    // JSON: the matching values, e.g. [{"field":"phone","value":"+33612345678"}].
    .addColumn('evidence_json', 'text', (c) => c.notNull())
    .addColumn('added_at', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('fraud_case_entries_pk', ['case_id', 'entry_id'])
    .execute()
  await db.schema
    .createIndex('fraud_case_entries_by_entry')
    .on('fraud_case_entries')
    .column('entry_id')
    .execute()

  await db.schema
    .createTable('fraud_decisions')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('case_id', 'integer', (c) => c.notNull().references('fraud_cases.id'))
    .addColumn('action', 'text', (c) =>
      c.notNull().check(sql`action in ('dismiss', 'confirm', 'block')`),
    )
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'integer', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('blocks')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('business_id', 'integer', (c) => c.notNull().references('businesses.id'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('email', 'phone', 'ip', 'device', 'code', 'customer')`),
    )
    // Normalized like the matching it guards: an email's key drops Gmail dots and +tags.
    .addColumn('value_key', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('case_id', 'integer', (c) => c.references('fraud_cases.id'))
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('blocks_by_value')
    .on('blocks')
    .columns(['business_id', 'kind', 'value_key'])
    .unique()
    .execute()

  for (const table of ['order_signals', 'fraud_case_entries', 'fraud_decisions']) {
    for (const action of ['update', 'delete']) {
      await sql
        .raw(
          `create trigger ${table}_no_${action} before ${action} on ${table}
           begin select raise(abort, '${table} is append-only'); end`,
        )
        .execute(db)
    }
  }
}
