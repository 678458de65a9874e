import { sql, type Kysely } from 'kysely'

// Frozen in time: later changes go in new migration files, never here.
/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  const id = (column: any) => column.primaryKey().autoIncrement()
  // Rows of these tables are never deleted, so plain rowids never repeat; AUTOINCREMENT would
  // add a write to sqlite_sequence to every sale.
  const rowId = (column: any) => column.primaryKey()
  const businessFk = (column: any) => column.notNull().references('businesses.id')

  await db.schema
    .createTable('businesses')
    .addColumn('id', 'integer', id)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('policy_max_percent_bp', 'integer')
    .addColumn('policy_max_uses_per_code', 'integer')
    .addColumn('policy_max_uses_per_customer', 'integer')
    .addColumn('policy_max_window_months', 'integer')
    .addColumn('policy_max_codes_per_promoter', 'integer')
    .addColumn('policy_promoter_period_days', 'integer', (c) => c.notNull().defaultTo(30))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('promoters')
    .addColumn('id', 'integer', id)
    .addColumn('business_id', 'integer', businessFk)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('notes', 'text')
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('promoters_by_business')
    .on('promoters')
    .columns(['business_id', 'name'])
    .execute()

  await db.schema
    .createTable('customers')
    .addColumn('id', 'integer', rowId)
    .addColumn('business_id', 'integer', businessFk)
    .addColumn('external_id', 'text')
    .addColumn('email', 'text')
    .addColumn('email_key', 'text')
    .addColumn('phone', 'text')
    .addColumn('phone_key', 'text')
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('customers_by_external_id')
    .on('customers')
    .columns(['business_id', 'external_id'])
    .unique()
    .where(sql.ref('external_id'), 'is not', null)
    .execute()
  await db.schema
    .createIndex('customers_by_email')
    .on('customers')
    .columns(['business_id', 'email_key'])
    .execute()
  await db.schema
    .createIndex('customers_by_phone')
    .on('customers')
    .columns(['business_id', 'phone_key'])
    .execute()

  await db.schema
    .createTable('campaigns')
    .addColumn('id', 'integer', id)
    .addColumn('business_id', 'integer', businessFk)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('discount', 'tracking')`))
    .addColumn('discount_json', 'text', (c) => c.notNull())
    .addColumn('conditions_json', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'integer')
    .addColumn('ends_at', 'integer')
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('campaigns_by_business')
    .on('campaigns')
    .columns(['business_id', 'id'])
    .execute()

  await db.schema
    .createTable('code_batches')
    .addColumn('id', 'integer', id)
    .addColumn('business_id', 'integer', businessFk)
    .addColumn('campaign_id', 'integer', (c) => c.notNull().references('campaigns.id'))
    .addColumn('pattern', 'text', (c) => c.notNull())
    .addColumn('requested', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('running', 'done', 'cancelled')`),
    )
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('codes')
    .addColumn('id', 'integer', id)
    .addColumn('business_id', 'integer', businessFk)
    .addColumn('campaign_id', 'integer', (c) => c.notNull().references('campaigns.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('code_key', 'text', (c) => c.notNull())
    .addColumn('promoter_id', 'integer', (c) => c.references('promoters.id'))
    .addColumn('customer_id', 'integer', (c) => c.references('customers.id'))
    .addColumn('max_uses', 'integer', (c) => c.check(sql`max_uses is null or max_uses > 0`))
    .addColumn('max_uses_per_customer', 'integer', (c) =>
      c.check(sql`max_uses_per_customer is null or max_uses_per_customer > 0`),
    )
    .addColumn('starts_at', 'integer')
    .addColumn('ends_at', 'integer')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    // The database itself refuses a use beyond the limit, whatever the caller checked.
    .addColumn('uses_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('batch_id', 'integer', (c) => c.references('code_batches.id'))
    .addColumn('note', 'text')
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addCheckConstraint('codes_within_limit', sql`max_uses is null or uses_count <= max_uses`)
    .addCheckConstraint('codes_uses_not_negative', sql`uses_count >= 0`)
    .execute()
  await db.schema
    .createIndex('codes_by_key')
    .on('codes')
    .columns(['code_key', 'business_id'])
    .unique()
    .execute()
  await db.schema
    .createIndex('codes_one_per_promoter_per_campaign')
    .on('codes')
    .columns(['campaign_id', 'promoter_id'])
    .unique()
    .where(sql.ref('promoter_id'), 'is not', null)
    .execute()
  await db.schema
    .createIndex('codes_by_campaign')
    .on('codes')
    .columns(['campaign_id', 'id'])
    .execute()
  await db.schema
    .createIndex('codes_by_business')
    .on('codes')
    .columns(['business_id', 'id'])
    .execute()
  await db.schema
    .createIndex('codes_by_promoter')
    .on('codes')
    .columns(['promoter_id', 'created_at'])
    .execute()
  await db.schema.createIndex('codes_by_batch').on('codes').column('batch_id').execute()
  await sql`
    create trigger codes_are_immutable before update of
      business_id, campaign_id, code, code_key, promoter_id, customer_id,
      max_uses, max_uses_per_customer, starts_at, ends_at, created_at
    on codes
    begin
      select raise(abort, 'codes are immutable once created');
    end`.execute(db)

  await db.schema
    .createTable('code_customer_uses')
    .addColumn('code_id', 'integer', (c) => c.notNull().references('codes.id'))
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('uses', 'integer', (c) => c.notNull().check(sql`uses >= 0`))
    .addPrimaryKeyConstraint('code_customer_uses_pk', ['code_id', 'customer_id'])
    .execute()

  await db.schema
    .createTable('ledger_entries')
    .addColumn('id', 'integer', rowId)
    .addColumn('business_id', 'integer', businessFk)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('order_ref', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'integer', (c) => c.references('customers.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('location', 'text')
    .addColumn('occurred_at', 'integer', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('subtotal_minor', 'integer', (c) => c.notNull())
    .addColumn('discount_minor', 'integer', (c) => c.notNull())
    .addColumn('shipping_minor', 'integer', (c) => c.notNull())
    .addColumn('total_minor', 'integer', (c) => c.notNull())
    .addColumn('details_json', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('ledger_entries_idempotent')
    .on('ledger_entries')
    .columns(['business_id', 'idempotency_key'])
    .unique()
    .execute()
  await db.schema
    .createIndex('ledger_entries_by_business')
    .on('ledger_entries')
    .columns(['business_id', 'id'])
    .execute()

  await db.schema
    .createTable('redemptions')
    .addColumn('id', 'integer', rowId)
    .addColumn('entry_id', 'integer', (c) => c.notNull().references('ledger_entries.id'))
    .addColumn('business_id', 'integer', businessFk)
    .addColumn('code_id', 'integer', (c) => c.notNull().references('codes.id'))
    .addColumn('campaign_id', 'integer', (c) => c.notNull().references('campaigns.id'))
    .addColumn('promoter_id', 'integer', (c) => c.references('promoters.id'))
    .addColumn('customer_id', 'integer', (c) => c.references('customers.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('location', 'text')
    .addColumn('occurred_at', 'integer', (c) => c.notNull())
    .addColumn('subtotal_minor', 'integer', (c) => c.notNull())
    .addColumn('discount_minor', 'integer', (c) => c.notNull())
    .addColumn('total_minor', 'integer', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('redemptions_by_time')
    .on('redemptions')
    .columns(['business_id', 'occurred_at'])
    .execute()
  await db.schema
    .createIndex('redemptions_by_code')
    .on('redemptions')
    .columns(['code_id', 'occurred_at'])
    .execute()
  await db.schema
    .createIndex('redemptions_by_promoter')
    .on('redemptions')
    .columns(['promoter_id', 'occurred_at'])
    .execute()
  await db.schema.createIndex('redemptions_by_entry').on('redemptions').column('entry_id').execute()

  for (const table of ['ledger_entries', 'redemptions']) {
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
