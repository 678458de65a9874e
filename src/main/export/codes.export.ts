import type { Business } from '../../shared/contract/businesses'
import { describeTerms } from '../../shared/promotions/describe'
import type { Workspace } from '../db/database'
import { findCampaignTerms, type PromotionTerms } from '../db/repos/campaigns.repo'
import { codeRowsQuery, selectCodeRows, toCodeRow } from '../db/repos/codes.repo'
import { localDayOf } from '../time/local-dates'
import { headHash } from '../ledger/append-entry'
import { DATE_TIME_FORMAT, localDateCell } from './cells'
import type { SheetSpec } from './xlsx-writer'

/**
 * Rows per page. Small on purpose: a page stays alive while its rows are written, and pages
 * that outlive the garbage collector's young generation pile up as old garbage (tens of MB
 * more peak memory at 5,000 rows per page).
 */
const CHUNK = 1_000

/** Every code with every parameter (source 004's export), one row per code, oldest first. */
export function codesSheet(
  db: Workspace,
  business: Business,
  campaignId: number | undefined,
  now: number,
): SheetSpec {
  const query = codeRowsQuery(db, { businessId: business.id, campaignId })
  const count = db.sql.first(query.select((eb) => eb.fn.countAll<number>().as('n')))
  const zone = business.timeZone
  const termsOf = new Map<number, PromotionTerms>()
  const campaignTerms = (campaignId: number) => {
    let found = termsOf.get(campaignId)
    if (!found) {
      found = findCampaignTerms(db, business.id, campaignId)
      termsOf.set(campaignId, found)
    }
    return found
  }
  return {
    name: 'Codes',
    preamble: [
      `Codes of ${business.name}`,
      `Exported ${localDayOf(now, zone)} (${zone}); times are in that zone. Ledger head: ${headHash(db, business.id)}`,
    ],
    columns: [
      { header: 'Code', width: 18 },
      { header: 'Campaign', width: 24 },
      { header: 'Terms', width: 48 },
      { header: 'Promoter', width: 20 },
      { header: 'Customer', width: 26 },
      { header: 'Max uses', width: 10 },
      { header: 'Max uses per customer', width: 12 },
      { header: 'Starts', width: 17, numFmt: DATE_TIME_FORMAT },
      { header: 'Ends', width: 17, numFmt: DATE_TIME_FORMAT },
      { header: 'State', width: 11 },
      { header: 'Uses', width: 8 },
      { header: 'Note', width: 30 },
      { header: 'Created', width: 17, numFmt: DATE_TIME_FORMAT },
    ],
    expectedRows: Number(count?.n ?? 0),
    rows: function* () {
      let afterId = 0
      for (;;) {
        const rows = db.sql.all(
          selectCodeRows(query).where('c.id', '>', afterId).orderBy('c.id').limit(CHUNK),
        )
        if (rows.length === 0) return
        afterId = rows[rows.length - 1]?.id ?? afterId
        yield rows.map((raw) => {
          const code = toCodeRow(raw, now)
          const campaign = campaignTerms(code.campaignId)
          const terms = describeTerms(
            {
              ...campaign,
              exclusive: campaign.stacking.mode === 'exclusive',
              maxUses: code.maxUses,
              maxUsesPerCustomer: code.maxUsesPerCustomer,
            },
            business.currency,
          )
          return [
            code.code,
            code.campaignName,
            terms,
            code.promoterName,
            code.customerLabel,
            code.maxUses ?? 'unlimited',
            code.maxUsesPerCustomer ?? 'unlimited',
            localDateCell(code.startsAt, zone),
            // Stored ends are exclusive; the sheet shows the last minute the code works.
            localDateCell(code.endsAt === null ? null : code.endsAt - 60_000, zone),
            code.state,
            code.uses,
            code.note,
            localDateCell(code.createdAt, zone),
          ]
        })
      }
    },
  }
}
