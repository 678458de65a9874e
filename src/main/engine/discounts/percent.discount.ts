import { percentOf } from '../money'
import { noLines, type DiscountDefinition, type DiscountState } from './discount'

/** Percent off what is left of each eligible line, rounded half up per line after quantity. */
export function percentOffEligible(percentBp: number, state: DiscountState): number[] {
  const { eligible, remaining } = state
  const taken = noLines(state)
  // Indexed, not for…of: the engine's hot loops stay free of iterator objects.
  for (let position = 0; position < eligible.length; position++) {
    const index = eligible[position] ?? 0
    taken[index] = percentOf(remaining[index] ?? 0, percentBp)
  }
  return taken
}

/** Percent off each eligible line. */
export const percentDiscount: DiscountDefinition<'percent'> = {
  kind: 'percent',
  apply: (spec, state) => ({ lines: percentOffEligible(spec.percentBp, state), shipping: 0 }),
}
