import { sql } from 'kysely'
import { DateTime } from 'luxon'
import type { Dashboard, Metrics, SeriesPoint } from '../../shared/contract/analytics'
import type { Business } from '../../shared/contract/businesses'
import type { Workspace } from '../db/database'
import { endOfLocalDay, startOfLocalDay } from '../time/local-dates'

/** Ranges longer than this are charted by month. */
const DAILY_UP_TO_DAYS = 92

const num = (value: unknown) => Number(value ?? 0)

function totalsQuery(db: Workspace, businessId: number, from: string, to: string) {
  return db.qb
    .selectFrom('daily_totals')
    .select([
      sql<number>`sum(orders)`.as('orders'),
      sql<number>`sum(redemptions)`.as('redemptions'),
      sql<number>`sum(sales_minor)`.as('sales'),
      sql<number>`sum(reversed_minor)`.as('reversed'),
      sql<number>`sum(discount_minor)`.as('discount'),
      sql<number>`sum(commission_minor)`.as('commission'),
    ])
    .where('business_id', '=', businessId)
    .where('day', '>=', from)
    .where('day', '<=', to)
}

function metricsOf(db: Workspace, business: Business, from: string, to: string): Metrics {
  const row = db.sql.first(totalsQuery(db, business.id, from, to))
  const newCustomers = db.sql.first(
    db.qb
      .selectFrom('customers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('business_id', '=', business.id)
      .where('first_order_at', '>=', startOfLocalDay(from, business.timeZone))
      .where('first_order_at', '<', endOfLocalDay(to, business.timeZone)),
  )
  const orders = num(row?.orders)
  const sales = num(row?.sales)
  const reversed = num(row?.reversed)
  const commission = num(row?.commission)
  return {
    orders,
    redemptions: num(row?.redemptions),
    revenueMinor: sales + reversed,
    reversedMinor: reversed,
    averageOrderMinor: orders === 0 ? 0 : Math.round(sales / orders),
    discountMinor: num(row?.discount),
    commissionMinor: commission,
    netRevenueMinor: sales + reversed - commission,
    newCustomers: num(newCustomers?.n),
  }
}

function seriesOf(
  db: Workspace,
  businessId: number,
  from: string,
  to: string,
  by: 'day' | 'month',
): SeriesPoint[] {
  const bucket = by === 'day' ? sql<string>`day` : sql<string>`substr(day, 1, 7)`
  const rows = db.sql.all(
    db.qb
      .selectFrom('daily_totals')
      .select([
        bucket.as('bucket'),
        sql<number>`sum(orders)`.as('orders'),
        sql<number>`sum(redemptions)`.as('redemptions'),
        sql<number>`sum(sales_minor + reversed_minor)`.as('revenue'),
        sql<number>`sum(discount_minor)`.as('discount'),
        sql<number>`sum(commission_minor)`.as('commission'),
      ])
      .where('business_id', '=', businessId)
      .where('day', '>=', from)
      .where('day', '<=', to)
      .groupBy(bucket)
      .orderBy(bucket),
  )
  const found = new Map(rows.map((row) => [row.bucket, row]))
  // Every bucket of the range, empty ones included, so a chart's axis has no gaps.
  const buckets: string[] = []
  const last = DateTime.fromISO(to)
  for (
    let day = DateTime.fromISO(from);
    day <= last;
    day = day
      .plus(by === 'day' ? { days: 1 } : { months: 1 })
      .startOf(by === 'day' ? 'day' : 'month')
  )
    buckets.push(day.toFormat(by === 'day' ? 'yyyy-MM-dd' : 'yyyy-MM'))
  return buckets.map((bucketKey) => {
    const row = found.get(bucketKey)
    return {
      bucket: bucketKey,
      orders: num(row?.orders),
      redemptions: num(row?.redemptions),
      revenueMinor: num(row?.revenue),
      discountMinor: num(row?.discount),
      commissionMinor: num(row?.commission),
    }
  })
}

/** The dashboard for days `from`–`to` (inclusive, local), against the same length just before. */
export function dashboard(db: Workspace, business: Business, from: string, to: string): Dashboard {
  const start = DateTime.fromISO(from)
  const days = Math.round(DateTime.fromISO(to).diff(start, 'days').days) + 1
  const previousTo = start.minus({ days: 1 }).toFormat('yyyy-MM-dd')
  const previousFrom = start.minus({ days }).toFormat('yyyy-MM-dd')
  const by = days <= DAILY_UP_TO_DAYS ? 'day' : 'month'
  return {
    from,
    to,
    current: metricsOf(db, business, from, to),
    previous: metricsOf(db, business, previousFrom, previousTo),
    previousFrom,
    previousTo,
    by,
    series: seriesOf(db, business.id, from, to, by),
  }
}
