import type { DiscountKind, DiscountSpec } from '../../../shared/promotions/discounts'
import type { ConditionOutcome } from '../conditions'
import type { DiscountDefinition, DiscountState, DiscountTaken } from './discount'
import { percentDiscount } from './percent.discount'
import { fixedDiscount } from './fixed.discount'
import { freeShippingDiscount } from './free-shipping.discount'
import { buyXGetYDiscount } from './buy-x-get-y.discount'
import { tieredDiscount } from './tiered.discount'
import { noDiscount } from './none.discount'

/** The registry: one definition per discount kind (a missing kind fails to compile). */
export const discountRegistry: { [K in DiscountKind]: DiscountDefinition<K> } = {
  percent: percentDiscount,
  fixed: fixedDiscount,
  free_shipping: freeShippingDiscount,
  buy_x_get_y: buyXGetYDiscount,
  tiered: tieredDiscount,
  none: noDiscount,
}

function definitionOf(spec: DiscountSpec): DiscountDefinition<DiscountKind> {
  return discountRegistry[spec.kind] as DiscountDefinition<DiscountKind>
}

export function qualifyDiscount(
  spec: DiscountSpec,
  state: DiscountState,
): ConditionOutcome | undefined {
  return definitionOf(spec).qualify?.(spec as never, state)
}

export function applyDiscount(spec: DiscountSpec, state: DiscountState): DiscountTaken {
  return definitionOf(spec).apply(spec as never, state)
}

export type { DiscountState, DiscountTaken }
