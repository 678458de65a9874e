import type { ConditionKind, ConditionSpec } from '../../../shared/promotions/conditions'
import type { CheckFact } from '../../../shared/promotions/outcome'
import type { RefusalReason } from '../../../shared/refusals'
import type { CartView } from '../cart-view'
import type { EngineContext } from '../types'

/** What conditions read: the cart, the promotion's eligible lines, the customer and the local time. */
export interface ConditionFacts {
  view: CartView
  eligibleGrossMinor: number
  eligibleItems: number
  context: EngineContext
  /** ISO weekday (1 = Monday) and minutes since midnight, in the business's zone. */
  local: { weekday: number; minutes: number }
  /** The customer's tags in lower case, made once per sale (none for an anonymous sale). */
  customerTags: ReadonlySet<string>
}

export interface ConditionOutcome {
  ok: boolean
  fact: CheckFact
  /** Why it failed, with what is missing. */
  refusal?: RefusalReason
}

/** One kind of condition: a pure check of the cart and context. */
export interface ConditionDefinition<K extends ConditionKind> {
  kind: K
  check(spec: Extract<ConditionSpec, { kind: K }>, facts: ConditionFacts): ConditionOutcome
}
