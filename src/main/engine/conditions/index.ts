import type { ConditionKind, ConditionSpec } from '../../../shared/promotions/conditions'
import type { ConditionDefinition, ConditionFacts, ConditionOutcome } from './condition'
import { minSpendCondition } from './min-spend.condition'
import { minQuantityCondition } from './min-quantity.condition'
import { requiresProductsCondition } from './requires-products.condition'
import { scheduleCondition } from './schedule.condition'
import {
  customerSegmentCondition,
  newCustomerCondition,
  specificCustomersCondition,
} from './customer.conditions'

/** The registry: one definition per condition kind (a missing kind fails to compile). */
export const conditionRegistry: { [K in ConditionKind]: ConditionDefinition<K> } = {
  min_spend: minSpendCondition,
  min_quantity: minQuantityCondition,
  requires_products: requiresProductsCondition,
  schedule: scheduleCondition,
  new_customer: newCustomerCondition,
  customer_segment: customerSegmentCondition,
  specific_customers: specificCustomersCondition,
}

export function checkCondition(spec: ConditionSpec, facts: ConditionFacts): ConditionOutcome {
  const definition = conditionRegistry[spec.kind] as ConditionDefinition<ConditionKind>
  return definition.check(spec as never, facts)
}

export type { ConditionFacts, ConditionOutcome }
