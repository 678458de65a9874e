import type { ConditionDefinition } from './condition'

/** The items before discounts (all, or the eligible ones) must reach a minimum. */
export const minSpendCondition: ConditionDefinition<'min_spend'> = {
  kind: 'min_spend',
  check: (spec, facts) => {
    const over = spec.over ?? 'cart'
    const actualMinor = over === 'eligible' ? facts.eligibleGrossMinor : facts.view.subtotalMinor
    const fact = { rule: 'min_spend', minMinor: spec.minMinor, actualMinor, over } as const
    const missingMinor = spec.minMinor - actualMinor
    if (missingMinor <= 0) return { ok: true, fact }
    return {
      ok: false,
      fact,
      refusal: { reason: 'min_spend', minMinor: spec.minMinor, missingMinor },
    }
  },
}
