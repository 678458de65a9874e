import { prorate } from '../money'
import { noLines, nothingTaken, type DiscountDefinition, type DiscountState } from './discount'

/**
 * An amount off what is left of the eligible lines together, never more than that, prorated
 * onto them by largest remainder so the lines sum exactly to the amount.
 */
export function amountOffEligible(amountMinor: number, state: DiscountState): number[] {
  const { eligible, remaining } = state
  const weights = new Array<number>(eligible.length)
  let available = 0
  for (let position = 0; position < eligible.length; position++) {
    const weight = remaining[eligible[position] ?? 0] ?? 0
    weights[position] = weight
    available += weight
  }
  const parts = prorate(Math.min(amountMinor, available), weights)
  // Eligible indexes ascend without repeats: as many as the lines means every line, in order.
  if (eligible.length === remaining.length) return parts
  const taken = noLines(state)
  for (let position = 0; position < eligible.length; position++) {
    taken[eligible[position] ?? 0] = parts[position] ?? 0
  }
  return taken
}

/** A fixed amount off the order (prorated), or off every eligible item (capped per line). */
export const fixedDiscount: DiscountDefinition<'fixed'> = {
  kind: 'fixed',
  apply: (spec, state) => {
    if ((spec.per ?? 'order') === 'order') {
      return { lines: amountOffEligible(spec.amountMinor, state), shipping: 0 }
    }
    const { eligible, remaining, view } = state
    const taken = nothingTaken(state)
    for (let position = 0; position < eligible.length; position++) {
      const index = eligible[position] ?? 0
      const quantity = view.lines[index]?.quantity ?? 0
      taken.lines[index] = Math.min(spec.amountMinor * quantity, remaining[index] ?? 0)
    }
    return taken
  },
}
