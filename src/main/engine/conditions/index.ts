import type { ConditionKind, ConditionSpec } from '../../../shared/promotions/conditions'
import type { CartFacts, ConditionDefinition, ConditionOutcome } from './condition'
import type { EngineContext } from '../types'
import { minSpendCondition } from './min-spend.condition'

/** The registry: one definition per condition kind. */
export const conditionRegistry: { [K in ConditionKind]: ConditionDefinition<K> } = {
  min_spend: minSpendCondition,
}

export function checkCondition(
  spec: ConditionSpec,
  cart: CartFacts,
  context: EngineContext,
): ConditionOutcome {
  const definition = conditionRegistry[spec.kind] as ConditionDefinition<ConditionKind>
  return definition.check(spec as never, cart, context)
}

export type { CartFacts, ConditionOutcome }
