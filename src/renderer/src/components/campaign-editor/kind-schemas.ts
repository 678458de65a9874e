import type { z } from 'zod'
import { discountSpec, type DiscountKind } from '../../../../shared/promotions/discounts'
import { conditionSpec, type ConditionKind } from '../../../../shared/promotions/conditions'

type KindUnion = { options: readonly z.ZodObject[] }

function optionOf(union: KindUnion, kind: string): z.ZodObject | undefined {
  return union.options.find((option) => (option.shape.kind as z.ZodLiteral).value === kind)
}

/** The zod object of a discount kind, to learn which of its arguments may be left empty. */
export function discountSchema(kind: DiscountKind): z.ZodObject | undefined {
  return optionOf(discountSpec as unknown as KindUnion, kind)
}

export function conditionSchema(kind: ConditionKind): z.ZodObject | undefined {
  return optionOf(conditionSpec as unknown as KindUnion, kind)
}
