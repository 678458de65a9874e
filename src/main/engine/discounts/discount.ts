import type { DiscountKind, DiscountSpec } from '../../../shared/promotions/discounts'
import type { CartView } from '../cart-view'
import type { ConditionOutcome } from '../conditions'

/** What a discount works on: the cart, its eligible lines, and what earlier promotions left. */
export interface DiscountState {
  view: CartView
  /** Indexes of the lines this promotion may discount, ascending. */
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

/**
 * A zero per cart line. Arrays of a known length are made at that length across the engine:
 * pushing fifty values one by one allocates the array three times over as it grows.
 */
export function noLines(state: DiscountState): number[] {
  const zeros = new Array<number>(state.remaining.length)
  for (let index = 0; index < zeros.length; index++) zeros[index] = 0
  return zeros
}

export function nothingTaken(state: DiscountState): DiscountTaken {
  return { lines: noLines(state), shipping: 0 }
}
