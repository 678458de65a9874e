import { z } from 'zod'
import { id, localDate, page, type Page } from './common'
import { method } from './define'

export const periodKey = z
  .string()
  .regex(/^\d{4}-(\d{2}|W\d{2})$/, 'Use a period like 2026-11 or 2026-W48.')

export type PeriodStatus = 'open' | 'closed'

export interface PayoutPeriod {
  periodKey: string
  /** "November 2026" */
  label: string
  startsAt: number
  endsAt: number
  status: PeriodStatus
  closedAt: number | null
  /** Whether it can be closed now (ended, and every earlier period with activity is closed). */
  closable: boolean
  promoters: number
  earnedMinor: number
  payableMinor: number
  paidMinor: number
}

/** One promoter's statement for one period. Money in minor units. */
export interface Statement {
  periodKey: string
  promoterId: number
  promoterName: string
  /** Owed and unpaid from earlier periods. */
  openingMinor: number
  accruedMinor: number
  /** Negative: reversals of this period's sales. */
  reversedMinor: number
  /** Late bookings: sales and reversals belonging to closed periods. */
  adjustmentsMinor: number
  /** Part of the balance still in its holding period at the period's end. */
  pendingMinor: number
  payableMinor: number
  paidMinor: number
  paid: { paidOn: string; reference: string } | null
  /** Opening plus this period's lines, less what was paid. */
  closingMinor: number
}

export interface StatementLine {
  commissionId: number
  saleEntryId: number
  orderRef: string
  occurredAt: number
  /** accrual / reversal as booked; adjustment when it belongs to an earlier, closed period. */
  type: 'sale' | 'reversal' | 'adjustment'
  baseMinor: number
  amountMinor: number
  note: string
}

export interface PeriodStatements {
  period: PayoutPeriod
  statements: Statement[]
  /** The business's ledger head hash (at closing, for a closed period). */
  ledgerHead: string
}

const scope = z.object({ businessId: id, periodKey })

export const payoutsContract = {
  'payouts.periods': method<PayoutPeriod[]>()(
    z.object({ businessId: id }),
    'Payout periods with activity, newest first, with their totals and whether they can close.',
  ),
  'payouts.statements': method<PeriodStatements>()(
    scope,
    'Every promoter’s statement for a period: live while it is open, frozen once closed.',
  ),
  'payouts.lines': method<Page<StatementLine>>()(
    scope.extend({ promoterId: id }).and(page),
    'The sales and adjustments behind one promoter’s statement.',
  ),
  'payouts.close': method<PayoutPeriod>()(
    scope,
    'Closes a period: freezes its statements; later reversals land in the next period.',
  ),
  'payouts.markPaid': method<Statement>()(
    scope.extend({
      promoterId: id,
      paidOn: localDate,
      reference: z.string().trim().min(1, 'Enter the payment reference.').max(200),
    }),
    'Records a closed statement as paid (its payable amount) with a date and a reference.',
  ),
  'exports.statements': method<{ jobId: string }>()(
    scope.extend({ format: z.enum(['xlsx', 'csv']).default('xlsx') }),
    'Writes a period’s statements (a summary and a sheet per promoter) in the background.',
  ),
}
