import { prorate } from '../money'
import { nothingTaken, type DiscountDefinition, type DiscountState } from './discount'

/**
 * An amount off what is left of the eligible lines together, never more than that, prorated
 * onto them by largest remainder so the lines sum exactly to the amount.
 */
export function amountOffEligible(amountMinor: number, state: DiscountState): number[] {
  const taken = nothingTaken(state).lines
  const weights = state.eligible.map((index) => state.remaining[index] ?? 0)
  const available = weights.reduce((sum, weight) => sum + weight, 0)
  const parts = prorate(Math.min(amountMinor, available), weights)
  state.eligible.forEach((index, position) => {
    taken[index] = parts[position] ?? 0
  })
  return taken
}

/** A fixed amount off the order (prorated), or off every eligible item (capped per line). */
export const fixedDiscount: DiscountDefinition<'fixed'> = {
  kind: 'fixed',
  apply: (spec, state) => {
    if ((spec.per ?? 'order') === 'order') {
      return { lines: amountOffEligible(spec.amountMinor, state), shipping: 0 }
    }
    const taken = nothingTaken(state)
    for (const index of state.eligible) {
      const quantity = state.view.lines[index]?.quantity ?? 0
      taken.lines[index] = Math.min(spec.amountMinor * quantity, state.remaining[index] ?? 0)
    }
    return taken
  },
}
