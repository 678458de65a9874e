import { sql } from 'kysely'
import type { Breakdown, BreakdownDimension, BreakdownRow } from '../../shared/contract/analytics'
import type { Business } from '../../shared/contract/businesses'
import { CHANNEL_LABELS } from '../../shared/contract/checkout'
import type { Workspace } from '../db/database'
import { endOfLocalDay, startOfLocalDay } from '../time/local-dates'

const num = (value: unknown) => Number(value ?? 0)

type Figures = Omit<BreakdownRow, 'key' | 'label' | 'detail'>

interface Range {
  businessId: number
  from: string
  to: string
  startsAt: number
  endsAt: number
}

function empty(): Figures {
  return { orders: 0, redemptions: 0, revenueMinor: 0, discountMinor: 0, commissionMinor: 0 }
}

/** By channel: straight from the daily totals, so it adds up to the dashboard exactly. */
function byChannel(db: Workspace, range: Range): BreakdownRow[] {
  return db.sql
    .all(
      db.qb
        .selectFrom('daily_totals')
        .select([
          'channel',
          sql<number>`sum(orders)`.as('orders'),
          sql<number>`sum(redemptions)`.as('redemptions'),
          sql<number>`sum(sales_minor + reversed_minor)`.as('revenue'),
          sql<number>`sum(discount_minor)`.as('discount'),
          sql<number>`sum(commission_minor)`.as('commission'),
        ])
        .where('business_id', '=', range.businessId)
        .where('day', '>=', range.from)
        .where('day', '<=', range.to)
        .groupBy('channel'),
    )
    .map((row) => ({
      key: row.channel,
      label: (CHANNEL_LABELS as Record<string, string>)[row.channel] ?? row.channel,
      detail: null,
      orders: num(row.orders),
      redemptions: num(row.redemptions),
      revenueMinor: num(row.revenue),
      discountMinor: num(row.discount),
      commissionMinor: num(row.commission),
    }))
}

function byLocation(db: Workspace, range: Range): BreakdownRow[] {
  const rows = db.sql.all(
    db.qb
      .selectFrom('ledger_entries as e')
      .select([
        sql<string>`coalesce(e.location, '')`.as('location'),
        sql<number>`sum(case when e.kind = 'sale' then 1 else 0 end)`.as('orders'),
        sql<number>`sum(case when e.kind = 'sale' then (select count(*) from redemptions r where r.entry_id = e.id) else 0 end)`.as(
          'redemptions',
        ),
        sql<number>`sum(e.total_minor)`.as('revenue'),
        sql<number>`sum(e.discount_minor)`.as('discount'),
        sql<number>`sum((select coalesce(sum(c.amount_minor), 0) from commissions c where c.entry_id = e.id))`.as(
          'commission',
        ),
      ])
      .where('e.business_id', '=', range.businessId)
      .where('e.occurred_at', '>=', range.startsAt)
      .where('e.occurred_at', '<', range.endsAt)
      .groupBy(sql`coalesce(e.location, '')`),
  )
  return rows.map((row) => ({
    key: row.location,
    label: row.location || 'No location',
    detail: null,
    orders: num(row.orders),
    redemptions: num(row.redemptions),
    revenueMinor: num(row.revenue),
    discountMinor: num(row.discount),
    commissionMinor: num(row.commission),
  }))
}

/**
 * By code, promoter or campaign: from the code and promotion rows of the entries in the range.
 * An order's revenue counts once for each code it used, so revenue need not add up across
 * codes; redemptions, discount and commission do.
 */
function byCodeRows(db: Workspace, range: Range, dimension: 'code' | 'promoter' | 'campaign') {
  const column =
    dimension === 'code'
      ? 'r.code_id'
      : dimension === 'promoter'
        ? 'r.promoter_id'
        : 'r.campaign_id'
  const uses = db.sql.all(
    db.qb
      .selectFrom('redemptions as r')
      .innerJoin('ledger_entries as e', 'e.id', 'r.entry_id')
      .select([
        sql<number | null>`${sql.ref(column)}`.as('id'),
        sql<number>`sum(case when e.kind = 'sale' then 1 else 0 end)`.as('redemptions'),
        sql<number>`sum(r.total_minor)`.as('revenue'),
        sql<number>`sum(r.discount_minor)`.as('discount'),
      ])
      .where('r.business_id', '=', range.businessId)
      .where('r.occurred_at', '>=', range.startsAt)
      .where('r.occurred_at', '<', range.endsAt)
      .groupBy(sql.ref(column)),
  )
  const figures = new Map<number | null, Figures>()
  const figure = (id: number | null) => {
    const known = figures.get(id)
    if (known) return known
    const made = empty()
    figures.set(id, made)
    return made
  }
  for (const row of uses) {
    const target = figure(row.id)
    target.orders += num(row.redemptions)
    target.redemptions += num(row.redemptions)
    target.revenueMinor += num(row.revenue)
    target.discountMinor += num(row.discount)
  }
  if (dimension === 'campaign') {
    // Automatic promotions count under their campaign too.
    for (const row of db.sql.all(
      db.qb
        .selectFrom('promotion_uses as p')
        .innerJoin('ledger_entries as e', 'e.id', 'p.entry_id')
        .select([
          'p.campaign_id',
          sql<number>`sum(case when e.kind = 'sale' then 1 else 0 end)`.as('orders'),
          sql<number>`sum(e.total_minor)`.as('revenue'),
          sql<number>`sum(p.discount_minor)`.as('discount'),
        ])
        .where('p.business_id', '=', range.businessId)
        .where('p.occurred_at', '>=', range.startsAt)
        .where('p.occurred_at', '<', range.endsAt)
        .groupBy('p.campaign_id'),
    )) {
      const target = figure(row.campaign_id)
      target.orders += num(row.orders)
      target.revenueMinor += num(row.revenue)
      target.discountMinor += num(row.discount)
    }
  }
  const commissionColumn =
    dimension === 'promoter' ? 'c.promoter_id' : dimension === 'campaign' ? 'c.campaign_id' : null
  for (const row of db.sql.all(
    db.qb
      .selectFrom('commissions as c')
      .$if(dimension === 'code', (q) =>
        // A commission belongs to the winner's code on the sale: same entry, campaign, promoter.
        q.leftJoin('redemptions as r', (join) =>
          join
            .onRef('r.entry_id', '=', 'c.entry_id')
            .onRef('r.campaign_id', '=', 'c.campaign_id')
            .onRef('r.promoter_id', '=', 'c.promoter_id'),
        ),
      )
      .select([
        sql<number | null>`${sql.ref(commissionColumn ?? 'r.code_id')}`.as('id'),
        sql<number>`sum(c.amount_minor)`.as('commission'),
      ])
      .where('c.business_id', '=', range.businessId)
      .where('c.occurred_at', '>=', range.startsAt)
      .where('c.occurred_at', '<', range.endsAt)
      .groupBy(sql.ref(commissionColumn ?? 'r.code_id')),
  ))
    figure(row.id).commissionMinor += num(row.commission)
  return figures
}

function labels(db: Workspace, businessId: number, dimension: 'code' | 'promoter' | 'campaign') {
  const rows =
    dimension === 'code'
      ? db.sql
          .all(
            db.qb
              .selectFrom('codes')
              .select(['id', 'code as label'])
              .where('business_id', '=', businessId),
          )
          .map((row) => ({ ...row, detail: null as string | null }))
      : dimension === 'promoter'
        ? db.sql
            .all(
              db.qb
                .selectFrom('promoters')
                .select(['id', 'name as label'])
                .where('business_id', '=', businessId),
            )
            .map((row) => ({ ...row, detail: null as string | null }))
        : db.sql
            .all(
              db.qb
                .selectFrom('campaigns')
                .select(['id', 'name as label', 'kind', 'automatic'])
                .where('business_id', '=', businessId),
            )
            .map((row) => ({
              id: row.id,
              label: row.label,
              detail:
                row.kind === 'tracking' ? 'Tracking' : row.automatic ? 'Automatic' : 'Discount',
            }))
  return new Map(rows.map((row) => [row.id, row]))
}

const NOBODY: Record<'code' | 'promoter' | 'campaign', string> = {
  code: 'No code',
  promoter: 'No promoter',
  campaign: 'No campaign',
}

export function breakdown(
  db: Workspace,
  business: Business,
  args: { from: string; to: string; by: BreakdownDimension },
): Breakdown {
  const range: Range = {
    businessId: business.id,
    from: args.from,
    to: args.to,
    startsAt: startOfLocalDay(args.from, business.timeZone),
    endsAt: endOfLocalDay(args.to, business.timeZone),
  }
  let rows: BreakdownRow[]
  if (args.by === 'channel') rows = byChannel(db, range)
  else if (args.by === 'location') rows = byLocation(db, range)
  else {
    const names = labels(db, business.id, args.by)
    const nobody = NOBODY[args.by]
    rows = [...byCodeRows(db, range, args.by)].map(([id, figures]) => ({
      key: String(id ?? ''),
      label: id === null ? nobody : (names.get(id)?.label ?? `#${id}`),
      detail: id === null ? null : (names.get(id)?.detail ?? null),
      ...figures,
    }))
  }
  rows.sort((a, b) => b.revenueMinor - a.revenueMinor || a.label.localeCompare(b.label))
  const totals = rows.reduce<Figures>(
    (sum, row) => ({
      orders: sum.orders + row.orders,
      redemptions: sum.redemptions + row.redemptions,
      revenueMinor: sum.revenueMinor + row.revenueMinor,
      discountMinor: sum.discountMinor + row.discountMinor,
      commissionMinor: sum.commissionMinor + row.commissionMinor,
    }),
    empty(),
  )
  return { by: args.by, rows, totals }
}
