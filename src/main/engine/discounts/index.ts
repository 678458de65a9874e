import type { DiscountKind, DiscountSpec } from '../../../shared/promotions/discounts'
import type { DiscountDefinition } from './discount'
import { percentDiscount } from './percent.discount'
import { fixedDiscount } from './fixed.discount'
import { noDiscount } from './none.discount'

/** The registry: one definition per discount kind. */
export const discountRegistry: { [K in DiscountKind]: DiscountDefinition<K> } = {
  percent: percentDiscount,
  fixed: fixedDiscount,
  none: noDiscount,
}

export function applyDiscount(spec: DiscountSpec, lineGrossMinor: readonly number[]): number[] {
  const definition = discountRegistry[spec.kind] as DiscountDefinition<DiscountKind>
  return definition.apply(spec as never, lineGrossMinor)
}
