import type { ConditionDefinition } from './condition'

/** At least so many items (all, or the eligible ones). */
export const minQuantityCondition: ConditionDefinition<'min_quantity'> = {
  kind: 'min_quantity',
  check: (spec, facts) => {
    const over = spec.over ?? 'cart'
    const actualItems = over === 'eligible' ? facts.eligibleItems : facts.view.itemCount
    const fact = { rule: 'min_quantity', minItems: spec.minItems, actualItems, over } as const
    const missingItems = spec.minItems - actualItems
    if (missingItems <= 0) return { ok: true, fact }
    return {
      ok: false,
      fact,
      refusal: { reason: 'min_quantity', minItems: spec.minItems, missingItems },
    }
  },
}
