import { prorate } from '../money'
import type { DiscountDefinition } from './discount'

/** A fixed amount off the order, never more than the order, prorated onto lines by value. */
export const fixedDiscount: DiscountDefinition<'fixed'> = {
  kind: 'fixed',
  apply: (spec, grosses) => {
    const eligible = grosses.reduce((sum, gross) => sum + gross, 0)
    return prorate(Math.min(spec.amountMinor, eligible), grosses)
  },
}
