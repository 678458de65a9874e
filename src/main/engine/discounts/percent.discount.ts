import { percentOf } from '../money'
import { nothingTaken, type DiscountDefinition } from './discount'

/** Percent off each eligible line, rounded half up per line after quantity. */
export const percentDiscount: DiscountDefinition<'percent'> = {
  kind: 'percent',
  apply: (spec, state) => {
    const taken = nothingTaken(state)
    for (const index of state.eligible) {
      taken.lines[index] = percentOf(state.remaining[index] ?? 0, spec.percentBp)
    }
    return taken
  },
}
