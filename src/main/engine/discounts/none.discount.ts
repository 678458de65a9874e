import { nothingTaken, type DiscountDefinition } from './discount'

/** Tracking-only codes attribute the sale and take nothing off. */
export const noDiscount: DiscountDefinition<'none'> = {
  kind: 'none',
  apply: (_spec, state) => nothingTaken(state),
}
