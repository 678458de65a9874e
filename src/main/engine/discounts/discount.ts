import type { DiscountKind, DiscountSpec } from '../../../shared/promotions/discounts'
import type { CartView } from '../cart-view'
import type { ConditionOutcome } from '../conditions'

/** What a discount works on: the cart, its eligible lines, and what earlier promotions left. */
export interface DiscountState {
  view: CartView
  /** Indexes of the lines this promotion may discount. */
  eligible: readonly number[]
  /** What is left of each line after the promotions applied before this one. */
  remaining: readonly number[]
  shippingRemaining: number
}

export interface DiscountTaken {
  /** Per cart line, each between 0 and what was left of that line. */
  lines: number[]
  /** Between 0 and what was left of shipping. */
  shipping: number
}

/** One kind of discount. */
export interface DiscountDefinition<K extends DiscountKind> {
  kind: K
  /** A rule the discount itself sets (a complete deal, a tier reached), on the cart as entered. */
  qualify?(spec: Extract<DiscountSpec, { kind: K }>, state: DiscountState): ConditionOutcome
  apply(spec: Extract<DiscountSpec, { kind: K }>, state: DiscountState): DiscountTaken
}

export function nothingTaken(state: DiscountState): DiscountTaken {
  return { lines: state.remaining.map(() => 0), shipping: 0 }
}
