import { z } from 'zod'
import { id, localDate, page, type Page } from './common'
import { method } from './define'
import type { Channel } from './checkout'

export interface RedemptionRow {
  id: number
  entryId: number
  /** A sale, or a refund or void of the sale with the same order reference (negative amounts). */
  kind: 'sale' | 'refund' | 'void'
  orderRef: string
  code: string
  campaignName: string
  promoterName: string | null
  customerLabel: string | null
  channel: Channel
  location: string | null
  occurredAt: number
  subtotalMinor: number
  discountMinor: number
  totalMinor: number
}

export interface RedemptionTotals {
  /** Net of reversals that gave uses back. */
  uses: number
  /** Order totals after discount, each order counted once. */
  revenueMinor: number
  discountMinor: number
}

export const redemptionFilter = z
  .object({
    businessId: id,
    /** Exact code, case-insensitive. */
    code: z
      .string()
      .trim()
      .max(64)
      .optional()
      .transform((text) => text || undefined),
    promoterId: id.optional(),
    /** First day, in the business's time zone. */
    from: localDate.optional(),
    /** Last day (inclusive), in the business's time zone. */
    to: localDate.optional(),
  })
  .refine((input) => !input.from || !input.to || input.from <= input.to, {
    message: 'The last day cannot be before the first day.',
    path: ['to'],
  })
export type RedemptionFilter = z.output<typeof redemptionFilter>

export const redemptionsContract = {
  'redemptions.list': method<Page<RedemptionRow> & { totals: RedemptionTotals }>()(
    z.intersection(redemptionFilter, page),
    'Pages through the redemption ledger, newest first, with totals over the whole filter.',
  ),
}
