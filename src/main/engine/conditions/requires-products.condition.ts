import type { ConditionDefinition } from './condition'

/** A product combination: every listed SKU must be in the cart. */
export const requiresProductsCondition: ConditionDefinition<'requires_products'> = {
  kind: 'requires_products',
  check: (spec, facts) => {
    const missing = spec.skus.filter((sku) => !facts.view.skus.has(sku.toUpperCase()))
    const fact = { rule: 'requires_products', skus: spec.skus, missing } as const
    if (missing.length === 0) return { ok: true, fact }
    return { ok: false, fact, refusal: { reason: 'missing_products', missing } }
  },
}
