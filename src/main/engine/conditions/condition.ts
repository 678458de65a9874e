import type { ConditionKind, ConditionSpec } from '../../../shared/promotions/conditions'
import type { RefusalReason } from '../../../shared/refusals'
import type { EngineContext } from '../types'

/** Facts about the cart that conditions read, computed once per evaluation. */
export interface CartFacts {
  subtotalMinor: number
  itemCount: number
}

export interface ConditionOutcome {
  ok: boolean
  /** What was checked, as a sentence. */
  label: string
  /** Why it failed, with what is missing. */
  refusal?: RefusalReason
}

/** One kind of condition: a pure check of the cart and context. */
export interface ConditionDefinition<K extends ConditionKind> {
  kind: K
  check(
    spec: Extract<ConditionSpec, { kind: K }>,
    cart: CartFacts,
    context: EngineContext,
  ): ConditionOutcome
}
