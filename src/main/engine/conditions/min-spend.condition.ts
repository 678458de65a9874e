import { formatMoney } from '../../../shared/money'
import type { ConditionDefinition } from './condition'

/** The merchandise subtotal before discounts must reach a minimum. */
export const minSpendCondition: ConditionDefinition<'min_spend'> = {
  kind: 'min_spend',
  check: (spec, cart, context) => {
    const money = (minor: number) => formatMoney(minor, context.currency)
    const missing = spec.minMinor - cart.subtotalMinor
    const label = `Minimum spend ${money(spec.minMinor)} (subtotal ${money(cart.subtotalMinor)})`
    if (missing <= 0) return { ok: true, label }
    return {
      ok: false,
      label,
      refusal: { reason: 'min_spend', minMinor: spec.minMinor, missingMinor: missing },
    }
  },
}
