import { z } from 'zod'
import { basisPoints, nonNegativeMinor } from '../contract/common'

/** What a campaign takes off. One definition per kind; the engine and the forms read this list. */
export const percentDiscount = z.object({
  kind: z.literal('percent'),
  /** Basis points: 1000 = 10%. */
  percentBp: basisPoints.refine((bp) => bp > 0, 'The percentage must be above 0.'),
})

export const fixedDiscount = z.object({
  kind: z.literal('fixed'),
  amountMinor: nonNegativeMinor.refine((amount) => amount > 0, 'The amount must be above 0.'),
})

/** Tracking-only promo codes (source 003) attribute a sale without discounting it. */
export const noDiscount = z.object({ kind: z.literal('none') })

export const discountSpec = z.discriminatedUnion('kind', [
  percentDiscount,
  fixedDiscount,
  noDiscount,
])
export type DiscountSpec = z.infer<typeof discountSpec>
export type DiscountKind = DiscountSpec['kind']
