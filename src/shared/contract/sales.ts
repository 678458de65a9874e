import { z } from 'zod'
import { id, nonNegativeMinor } from './common'
import { method } from './define'
import type { Channel } from './checkout'

export type ReversalKind = 'refund' | 'void'

export interface SaleReversal {
  entryId: number
  kind: ReversalKind
  /** What went back to the customer (positive). */
  amountMinor: number
  reason: string
  /** Whether it gave the code's use back to its limits. */
  usesReturned: boolean
  occurredAt: number
}

/** A recorded sale with every reversal that followed it. */
export interface SaleDetail {
  entryId: number
  orderRef: string
  channel: Channel
  occurredAt: number
  subtotalMinor: number
  discountMinor: number
  totalMinor: number
  codes: string[]
  customerLabel: string | null
  reversals: SaleReversal[]
  /** What can still be refunded. */
  refundableMinor: number
  voided: boolean
}

export interface ReversalReceipt {
  reversal: SaleReversal
  sale: SaleDetail
  /** True when this request id was already used: nothing new was written. */
  duplicate: boolean
}

export const reverseInput = z
  .object({
    businessId: id,
    entryId: id,
    kind: z.enum(['refund', 'void']),
    /** Refunds only; leave out to refund all that is left. */
    amountMinor: nonNegativeMinor
      .refine((amount) => amount > 0, 'A refund is more than 0.')
      .optional(),
    reason: z.string().trim().min(1, 'Say why.').max(500, 'At most 500 characters.'),
    /** Chosen by the client once per attempt: a retry with it returns the first result. */
    requestId: z.string().trim().min(8).max(100),
  })
  .refine((input) => input.kind === 'refund' || input.amountMinor === undefined, {
    message: 'A void cancels the whole sale; it takes no amount.',
    path: ['amountMinor'],
  })

export const salesContract = {
  'sales.get': method<SaleDetail>()(
    z.object({ businessId: id, entryId: id }),
    'Returns a recorded sale with its refunds and voids, and what can still be refunded.',
  ),
  'sales.reverse': method<ReversalReceipt>()(
    reverseInput,
    'Refunds part or all of a sale, or voids it, as a new ledger entry that points at it; the sale itself is never edited. Idempotent by request id.',
  ),
}
