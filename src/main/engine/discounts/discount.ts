import type { DiscountKind, DiscountSpec } from '../../../shared/promotions/discounts'

/** One kind of discount: given the eligible lines' gross amounts, the discount of each line. */
export interface DiscountDefinition<K extends DiscountKind> {
  kind: K
  /** Each result is an integer between 0 and that line's gross amount. */
  apply(spec: Extract<DiscountSpec, { kind: K }>, lineGrossMinor: readonly number[]): number[]
}
