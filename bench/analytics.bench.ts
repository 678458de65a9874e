import Database from 'better-sqlite3'
import { join } from 'node:path'
import { DateTime } from 'luxon'
import { seedSales } from './seed'
import { createShop, openBenchWorkspace, saleArgs, workspaceFile } from './shop'
import { LatencyRecorder, lowerIsBetter, type Measurement } from './stats'

/** Dashboard requests measured, cycling through the ranges a user picks. */
const REQUESTS = 120

/**
 * `analytics.dashboard` over a ledger of `entries` sales spread over the past year, through the
 * app's handler (metrics, the period before, new customers and the series), for the last 7 and
 * 30 days, this month, the last 90 days and the whole year. The baseline is what the same
 * figures cost without the daily totals: raw better-sqlite3 summing the ledger's own rows over
 * the same ranges (count, revenue and discount only), with the ledger's index on
 * (business, id), the one the history pages use.
 */
export async function analyticsBench(
  dir: string,
  sizes: { entries: number },
): Promise<Measurement[]> {
  const file = workspaceFile(dir, 'analytics')
  const setup = await openBenchWorkspace(file, join(dir, 'exports'))
  const shop = await createShop(setup, 1_000)
  await setup.call('checkout.commit', saleArgs(shop, 'TEMPLATE-1', shop.codes[0] ?? '', 0))
  await setup.db.close()
  seedSales(file, shop, sizes.entries - 1)

  const zone = shop.business.timeZone
  const today = DateTime.now().setZone(zone)
  const day = (value: DateTime) => value.toFormat('yyyy-MM-dd')
  const ranges = [
    { from: day(today.minus({ days: 6 })), to: day(today) },
    { from: day(today.minus({ days: 29 })), to: day(today) },
    { from: day(today.startOf('month')), to: day(today) },
    { from: day(today.minus({ days: 89 })), to: day(today) },
    { from: day(today.minus({ days: 364 })), to: day(today) },
  ]

  const raw = new Database(file, { readonly: true })
  const rawSum = raw.prepare(
    `select count(*), sum(total_minor), sum(discount_minor) from ledger_entries
     where business_id = ? and occurred_at >= ? and occurred_at < ?`,
  )
  const rawTimes = new LatencyRecorder()
  for (let index = 0; index < REQUESTS / 4; index++) {
    const range = ranges[index % ranges.length]
    if (!range) continue
    const from = DateTime.fromISO(range.from, { zone }).toMillis()
    const to = DateTime.fromISO(range.to, { zone }).plus({ days: 1 }).toMillis()
    rawTimes.time(() => rawSum.get(shop.business.id, from, to))
  }
  raw.close()

  const app = await openBenchWorkspace(file, join(dir, 'exports'))
  try {
    const times = new LatencyRecorder()
    for (let index = 0; index < REQUESTS; index++) {
      const range = ranges[index % ranges.length]
      if (!range) continue
      await times.timeAsync(() =>
        app.call('analytics.dashboard', { businessId: shop.business.id, ...range }),
      )
    }
    const year = ranges[ranges.length - 1]
    const breakdown = new LatencyRecorder()
    for (const by of ['channel', 'code', 'promoter', 'campaign'] as const)
      if (year)
        await breakdown.timeAsync(() =>
          app.call('analytics.breakdown', { businessId: shop.business.id, ...year, by }),
        )
    return [
      lowerIsBetter(
        'analytics.dashboard_p99',
        times.percentileMs(99),
        'ms',
        rawTimes.percentileMs(99),
        `ratio = raw sum of the ledger's rows over the same ranges ÷ the app's dashboard (more figures, from the daily totals); p50 ${times.percentileMs(50).toFixed(1)} ms over ${REQUESTS} requests on ${sizes.entries.toLocaleString('en')} sales (target p99 < 200 ms)`,
      ),
      lowerIsBetter(
        'analytics.breakdown_year_max',
        breakdown.percentileMs(100),
        'ms',
        null,
        'the slowest of the channel, code, promoter and campaign breakdowns over the whole year (no target; breakdowns read the code rows)',
      ),
    ]
  } finally {
    await app.db.close()
  }
}
