import { sql, type Kysely } from 'kysely'

// Frozen once released: later changes go in new migration files.
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * The full rule engine: tax settings per business, segments per customer, campaigns that apply
 * without a code, eligibility, stacking and daily caps, and the uses of automatic promotions.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('businesses')
    .addColumn('tax_mode', 'text', (c) =>
      c
        .notNull()
        .defaultTo('exclusive')
        .check(sql`tax_mode in ('exclusive', 'inclusive')`),
    )
    .execute()
  await db.schema
    .alterTable('businesses')
    .addColumn('tax_rate_bp', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`tax_rate_bp between 0 and 10000`),
    )
    .execute()

  await db.schema
    .alterTable('customers')
    .addColumn('tags_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute()
  // Set once, by the customer's first sale: "new customer" is then a column read, not a search.
  await db.schema.alterTable('customers').addColumn('first_order_at', 'integer').execute()
  await sql`
    update customers set first_order_at = (
      select min(occurred_at) from ledger_entries e where e.customer_id = customers.id
    )`.execute(db)

  // `kind` keeps its 0001 check (discount, tracking); an automatic campaign is a discount
  // campaign that needs no code. Adding a column avoids rebuilding a table codes point at.
  const campaignColumns: [string, string, (c: any) => any][] = [
    ['automatic', 'integer', (c) => c.notNull().defaultTo(0)],
    ['active', 'integer', (c) => c.notNull().defaultTo(1)],
    ['eligible_json', 'text', (c) => c],
    [
      'stacking_mode',
      'text',
      (c) =>
        c
          .notNull()
          .defaultTo('combinable')
          .check(sql`stacking_mode in ('exclusive', 'combinable')`),
    ],
    ['priority', 'integer', (c) => c.notNull().defaultTo(100)],
    ['stack_group', 'text', (c) => c],
    [
      'max_uses_per_day',
      'integer',
      (c) => c.check(sql`max_uses_per_day is null or max_uses_per_day > 0`),
    ],
  ]
  for (const [name, type, build] of campaignColumns) {
    await db.schema
      .alterTable('campaigns')
      .addColumn(name, type as 'text', build)
      .execute()
  }
  await db.schema
    .createIndex('campaigns_automatic')
    .on('campaigns')
    .columns(['business_id', 'automatic', 'active'])
    .execute()

  // Daily caps, counted by the database like the code counters: a conditional upsert per use.
  await db.schema
    .createTable('campaign_daily_uses')
    .addColumn('campaign_id', 'integer', (c) => c.notNull().references('campaigns.id'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('uses', 'integer', (c) => c.notNull().check(sql`uses >= 0`))
    .addPrimaryKeyConstraint('campaign_daily_uses_pk', ['campaign_id', 'day'])
    .modifyEnd(sql`without rowid`)
    .execute()

  // Automatic promotions applied to a sale (code uses stay in `redemptions`).
  await db.schema
    .createTable('promotion_uses')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('entry_id', 'integer', (c) => c.notNull().references('ledger_entries.id'))
    .addColumn('business_id', 'integer', (c) => c.notNull().references('businesses.id'))
    .addColumn('campaign_id', 'integer', (c) => c.notNull().references('campaigns.id'))
    .addColumn('customer_id', 'integer', (c) => c.references('customers.id'))
    .addColumn('occurred_at', 'integer', (c) => c.notNull())
    .addColumn('discount_minor', 'integer', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('promotion_uses_by_campaign')
    .on('promotion_uses')
    .columns(['campaign_id', 'occurred_at'])
    .execute()
  for (const action of ['update', 'delete']) {
    await sql
      .raw(
        `create trigger promotion_uses_no_${action} before ${action} on promotion_uses
         begin select raise(abort, 'promotion_uses is append-only'); end`,
      )
      .execute(db)
  }
  await sql`
    create trigger campaign_terms_are_immutable before update of
      business_id, kind, discount_json, conditions_json, starts_at, ends_at, automatic,
      eligible_json, stacking_mode, priority, stack_group, max_uses_per_day
    on campaigns
    begin
      select raise(abort, 'campaign terms are immutable once created');
    end`.execute(db)
}
