import { z } from 'zod'
import { nonNegativeMinor } from '../contract/common'

/** Conditions a cart must meet. One definition per kind; the engine and the forms read this list. */
export const minSpendCondition = z.object({
  kind: z.literal('min_spend'),
  /** Merchandise subtotal before discounts, in minor units. */
  minMinor: nonNegativeMinor,
})

export const conditionSpec = z.discriminatedUnion('kind', [minSpendCondition])
export type ConditionSpec = z.infer<typeof conditionSpec>
export type ConditionKind = ConditionSpec['kind']
