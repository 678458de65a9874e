import { sql, type Kysely } from 'kysely'

// Frozen once released: later changes go in new migration files.
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Attribution and commissions. Engagement events (append-only) link promoters and customers;
 * commission rows (append-only, hashed with the ledger entry that wrote them) are booked into
 * payout periods. A period row exists once the period is closed: the database then refuses any
 * commission booked into it, statements are frozen, and a payout must equal its statement.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('commission_programs')
    .addColumn('business_id', 'integer', (c) => c.primaryKey().references('businesses.id'))
    .addColumn('attribution_model', 'text', (c) =>
      c.notNull().check(sql`attribution_model in ('newest', 'first', 'most_points')`),
    )
    .addColumn('engagement_lifetime_days', 'integer')
    .addColumn('points_coupon', 'integer', (c) => c.notNull())
    .addColumn('points_visit', 'integer', (c) => c.notNull())
    .addColumn('points_manual', 'integer', (c) => c.notNull())
    .addColumn('holding_days', 'integer', (c) => c.notNull().check(sql`holding_days >= 0`))
    .addColumn('period_length', 'text', (c) =>
      c.notNull().check(sql`period_length in ('monthly', 'weekly')`),
    )
    .addColumn('rule_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .execute()

  // A campaign's own commission rule; null = the business's. Not a term of the campaign: it may
  // change later (the campaign_terms_are_immutable trigger does not cover it).
  await db.schema.alterTable('campaigns').addColumn('commission_json', 'text').execute()

  await db.schema
    .createTable('engagement_events')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('business_id', 'integer', (c) => c.notNull().references('businesses.id'))
    .addColumn('promoter_id', 'integer', (c) => c.notNull().references('promoters.id'))
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('coupon', 'visit', 'manual')`))
    .addColumn('points', 'integer', (c) => c.notNull().check(sql`points >= 0`))
    .addColumn('occurred_at', 'integer', (c) => c.notNull())
    // The sale whose coupon made it; null for a visit or a manual entry.
    .addColumn('entry_id', 'integer', (c) => c.references('ledger_entries.id'))
    .addColumn('note', 'text')
    // Idempotency for imported and hand-entered events: the same key adds nothing.
    .addColumn('event_key', 'text')
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('engagement_events_by_customer')
    .on('engagement_events')
    .columns(['business_id', 'customer_id', 'occurred_at'])
    .execute()
  await db.schema
    .createIndex('engagement_events_by_promoter')
    .on('engagement_events')
    .columns(['business_id', 'promoter_id', 'occurred_at'])
    .execute()
  await db.schema
    .createIndex('engagement_events_by_key')
    .on('engagement_events')
    .columns(['business_id', 'event_key'])
    .unique()
    .where(sql.ref('event_key'), 'is not', null)
    .execute()

  await db.schema
    .createTable('commissions')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('business_id', 'integer', (c) => c.notNull().references('businesses.id'))
    // The ledger entry that wrote the row (a sale, or the refund or void of one).
    .addColumn('entry_id', 'integer', (c) => c.notNull().references('ledger_entries.id'))
    .addColumn('sale_entry_id', 'integer', (c) => c.notNull().references('ledger_entries.id'))
    .addColumn('promoter_id', 'integer', (c) => c.notNull().references('promoters.id'))
    .addColumn('campaign_id', 'integer', (c) => c.references('campaigns.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('accrual', 'reversal')`))
    // The period the row counts in, and the period its sale happened in: they differ when the
    // sale's period was already closed, which makes the row an adjustment on the statement.
    .addColumn('period_key', 'text', (c) => c.notNull())
    .addColumn('origin_period_key', 'text', (c) => c.notNull())
    .addColumn('base_minor', 'integer', (c) => c.notNull())
    .addColumn('amount_minor', 'integer', (c) => c.notNull())
    // From when the amount can be paid: the sale's time plus the holding period.
    .addColumn('payable_at', 'integer', (c) => c.notNull())
    .addColumn('occurred_at', 'integer', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('commissions_by_period')
    .on('commissions')
    .columns(['business_id', 'period_key', 'promoter_id'])
    .execute()
  await db.schema
    .createIndex('commissions_by_promoter')
    .on('commissions')
    .columns(['business_id', 'promoter_id', 'period_key'])
    .execute()
  await db.schema
    .createIndex('commissions_by_sale')
    .on('commissions')
    .column('sale_entry_id')
    .execute()

  await db.schema
    .createTable('payout_periods')
    .addColumn('business_id', 'integer', (c) => c.notNull().references('businesses.id'))
    .addColumn('period_key', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'integer', (c) => c.notNull())
    .addColumn('ends_at', 'integer', (c) => c.notNull())
    .addColumn('closed_at', 'integer', (c) => c.notNull())
    .addColumn('ledger_head', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('payout_periods_pk', ['business_id', 'period_key'])
    .execute()

  await db.schema
    .createTable('statements')
    .addColumn('business_id', 'integer', (c) => c.notNull())
    .addColumn('period_key', 'text', (c) => c.notNull())
    .addColumn('promoter_id', 'integer', (c) => c.notNull().references('promoters.id'))
    .addColumn('opening_minor', 'integer', (c) => c.notNull())
    .addColumn('accrued_minor', 'integer', (c) => c.notNull())
    .addColumn('reversed_minor', 'integer', (c) => c.notNull())
    .addColumn('adjustments_minor', 'integer', (c) => c.notNull())
    .addColumn('pending_minor', 'integer', (c) => c.notNull())
    .addColumn('payable_minor', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('statements_pk', ['business_id', 'period_key', 'promoter_id'])
    .addForeignKeyConstraint('statements_period', ['business_id', 'period_key'], 'payout_periods', [
      'business_id',
      'period_key',
    ])
    .execute()

  await db.schema
    .createTable('payouts')
    .addColumn('business_id', 'integer', (c) => c.notNull())
    .addColumn('period_key', 'text', (c) => c.notNull())
    .addColumn('promoter_id', 'integer', (c) => c.notNull())
    .addColumn('amount_minor', 'integer', (c) => c.notNull())
    .addColumn('paid_on', 'text', (c) => c.notNull())
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('payouts_pk', ['business_id', 'period_key', 'promoter_id'])
    .addForeignKeyConstraint(
      'payouts_statement',
      ['business_id', 'period_key', 'promoter_id'],
      'statements',
      ['business_id', 'period_key', 'promoter_id'],
    )
    .execute()

  for (const table of [
    'engagement_events',
    'commissions',
    'payout_periods',
    'statements',
    'payouts',
  ]) {
    for (const action of ['update', 'delete']) {
      await sql
        .raw(
          `create trigger ${table}_no_${action} before ${action} on ${table}
           begin select raise(abort, '${table} is append-only'); end`,
        )
        .execute(db)
    }
  }
  await sql`
    create trigger commissions_not_in_closed_period before insert on commissions
    when exists (
      select 1 from payout_periods
      where business_id = new.business_id and period_key = new.period_key
    )
    begin
      select raise(abort, 'the payout period is closed');
    end`.execute(db)
  await sql`
    create trigger payouts_pay_the_statement before insert on payouts
    when new.amount_minor != (
      select payable_minor from statements
      where business_id = new.business_id and period_key = new.period_key
        and promoter_id = new.promoter_id
    )
    begin
      select raise(abort, 'a payout must equal its statement''s payable amount');
    end`.execute(db)
}
