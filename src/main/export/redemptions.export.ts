import type { Business } from '../../shared/contract/businesses'
import type { RedemptionFilter } from '../../shared/contract/redemptions'
import type { Workspace } from '../db/database'
import { filteredRedemptions, redemptionRows, toRedemptionRow } from '../db/repos/redemptions.repo'
import { headHash } from '../ledger/append-entry'
import { localDayOf } from '../time/local-dates'
import { DATE_TIME_FORMAT, localDateCell, moneyCell, moneyFormat } from './cells'
import type { SheetSpec } from './xlsx-writer'

/**
 * Rows per page. Small on purpose: a page stays alive while its rows are written, and pages
 * that outlive the garbage collector's young generation pile up as old garbage (tens of MB
 * more peak memory at 5,000 rows per page).
 */
const CHUNK = 1_000

function describeFilter(
  filter: Omit<RedemptionFilter, 'businessId'>,
  promoterName: string | null,
): string {
  const parts = [
    filter.code ? `code ${filter.code.toUpperCase()}` : null,
    promoterName ? `promoter ${promoterName}` : null,
    filter.from ? `from ${filter.from}` : null,
    filter.to ? `to ${filter.to}` : null,
  ].filter(Boolean)
  return parts.length > 0 ? `Filter: ${parts.join(', ')}.` : 'Filter: none (every redemption).'
}

/** The filtered redemption history, newest first, with the ledger head hash for tamper evidence. */
export function redemptionsSheet(
  db: Workspace,
  business: Business,
  filter: RedemptionFilter,
  now: number,
): SheetSpec {
  const query = filteredRedemptions(db, business, filter)
  // Only the row count is needed (for progress); the full totals would also read every ledger
  // entry once more, seconds at a million rows.
  const counted = db.sql.first(query.select((eb) => eb.fn.countAll<number>().as('uses')))
  const zone = business.timeZone
  const money = moneyFormat(business.currency)
  const promoter =
    filter.promoterId === undefined
      ? null
      : (db.sql.first(
          db.qb
            .selectFrom('promoters')
            .select('name')
            .where('id', '=', filter.promoterId)
            .where('business_id', '=', business.id),
        )?.name ?? null)
  return {
    name: 'Redemptions',
    preamble: [
      `Redemptions of ${business.name}`,
      describeFilter(filter, promoter),
      `Exported ${localDayOf(now, zone)} (${zone}); times are in that zone. Ledger head: ${headHash(db, business.id)}`,
    ],
    columns: [
      { header: 'Occurred', width: 17, numFmt: DATE_TIME_FORMAT },
      { header: 'Order', width: 18 },
      { header: 'Code', width: 16 },
      { header: 'Campaign', width: 22 },
      { header: 'Promoter', width: 20 },
      { header: 'Customer', width: 26 },
      { header: 'Channel', width: 10 },
      { header: 'Location', width: 14 },
      { header: 'Subtotal', width: 14, numFmt: money },
      { header: 'Discount', width: 14, numFmt: money },
      { header: 'Total', width: 14, numFmt: money },
    ],
    expectedRows: Number(counted?.uses ?? 0),
    rows: function* () {
      let cursor: { occurredAt: number; id: number } | null = null
      for (;;) {
        let page = redemptionRows(query)
        if (cursor) {
          const { occurredAt, id } = cursor
          // The first bound is implied by the second; it lets the database start each page in
          // the time index where the last one stopped, instead of skipping every row already
          // exported (quadratic over a large history).
          page = page
            .where('r.occurred_at', '<=', occurredAt)
            .where((eb) =>
              eb.or([
                eb('r.occurred_at', '<', occurredAt),
                eb.and([eb('r.occurred_at', '=', occurredAt), eb('r.id', '<', id)]),
              ]),
            )
        }
        const rows = db.sql.all(page.limit(CHUNK)).map(toRedemptionRow)
        const last = rows[rows.length - 1]
        if (!last) return
        cursor = { occurredAt: last.occurredAt, id: last.id }
        yield rows.map((row) => [
          localDateCell(row.occurredAt, zone),
          row.orderRef,
          row.code,
          row.campaignName,
          row.promoterName,
          row.customerLabel,
          row.channel,
          row.location,
          moneyCell(row.subtotalMinor, business.currency),
          moneyCell(row.discountMinor, business.currency),
          moneyCell(row.totalMinor, business.currency),
        ])
      }
    },
  }
}
