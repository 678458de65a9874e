import type { Business } from '../../shared/contract/businesses'
import { formatMoney } from '../../shared/money'
import type { Workspace } from '../db/database'
import { preparedQuery } from '../db/prepared-query'
import { lastClosedPeriod, type CommissionDraft } from './accrue'
import { reversedPart } from './commission-math'
import { bookingPeriod } from './periods'

const commissionsOfSale = preparedQuery((db, p: { saleEntryId: number }) =>
  db.qb
    .selectFrom('commissions')
    .select([
      'promoter_id',
      'campaign_id',
      'kind',
      'period_key',
      'base_minor',
      'amount_minor',
      'payable_at',
    ])
    .where('sale_entry_id', '=', p.saleEntryId)
    .orderBy('id'),
)

/**
 * The commission rows a refund or void of a sale writes: each accrual reversed in the same
 * proportion as the sale's total (all of it once the sale is fully reversed), less what earlier
 * reversals already took back. A row lands in its accrual's period while that is open, and
 * otherwise in the first open period, where the statement shows it as an adjustment.
 */
export function planCommissionReversal(
  db: Workspace,
  business: Business,
  sale: { id: number; totalMinor: number },
  returnedMinor: number,
  full: boolean,
): CommissionDraft[] {
  const rows = db.sql.all(commissionsOfSale(db, { saleEntryId: sale.id }))
  const accruals = rows.filter((row) => row.kind === 'accrual')
  if (accruals.length === 0) return []
  const lastClosed = lastClosedPeriod(db, business.id)
  return accruals.flatMap((accrual) => {
    const earlier = rows.filter(
      (row) =>
        row.kind === 'reversal' &&
        row.promoter_id === accrual.promoter_id &&
        row.campaign_id === accrual.campaign_id,
    )
    const taken = (pick: (row: (typeof rows)[number]) => number) =>
      -earlier.reduce((sum, row) => sum + pick(row), 0)
    const amount =
      reversedPart(accrual.amount_minor, returnedMinor, sale.totalMinor, full) -
      taken((row) => row.amount_minor)
    const base =
      reversedPart(accrual.base_minor, returnedMinor, sale.totalMinor, full) -
      taken((row) => row.base_minor)
    if (amount === 0 && base === 0) return []
    return [
      {
        promoterId: accrual.promoter_id,
        campaignId: accrual.campaign_id,
        kind: 'reversal' as const,
        periodKey: bookingPeriod(accrual.period_key, lastClosed, business.timeZone),
        originPeriodKey: accrual.period_key,
        baseMinor: -base,
        amountMinor: -amount,
        // The accrual's date: a reversal of a still-pending commission is pending with it.
        payableAt: accrual.payable_at,
        note: full
          ? 'Sale reversed in full'
          : `Refunded ${formatMoney(returnedMinor, business.currency)} of ${formatMoney(sale.totalMinor, business.currency)} so far`,
        saleEntryId: sale.id,
      },
    ]
  })
}
