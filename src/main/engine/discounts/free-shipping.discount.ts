import { noLines, type DiscountDefinition } from './discount'

/** Shipping free, or up to a cap. */
export const freeShippingDiscount: DiscountDefinition<'free_shipping'> = {
  kind: 'free_shipping',
  apply: (spec, state) => ({
    lines: noLines(state),
    shipping: Math.min(spec.capMinor ?? state.shippingRemaining, state.shippingRemaining),
  }),
}
