import { percentOf } from '../money'
import type { DiscountDefinition } from './discount'

/** Percent off each line, rounded half up per line after quantity. */
export const percentDiscount: DiscountDefinition<'percent'> = {
  kind: 'percent',
  apply: (spec, grosses) => grosses.map((gross) => percentOf(gross, spec.percentBp)),
}
