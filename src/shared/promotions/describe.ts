import { formatBasisPoints, formatMoney } from '../money'
import type { DiscountSpec } from './discounts'
import type { ConditionSpec } from './conditions'

export interface TermsInput {
  discount: DiscountSpec
  conditions: readonly ConditionSpec[]
  maxUses?: number | null
  maxUsesPerCustomer?: number | null
}

function describeDiscount(discount: DiscountSpec, currency: string): string {
  switch (discount.kind) {
    case 'percent':
      return `${formatBasisPoints(discount.percentBp)} off`
    case 'fixed':
      return `${formatMoney(discount.amountMinor, currency)} off`
    case 'none':
      return 'Tracking only, no discount'
  }
}

function describeCondition(condition: ConditionSpec, currency: string): string {
  switch (condition.kind) {
    case 'min_spend':
      return `on orders of ${formatMoney(condition.minMinor, currency)} or more`
  }
}

function uses(count: number): string {
  return count === 1 ? '1 use' : `${count.toLocaleString('en')} uses`
}

/** One readable sentence of a promotion's terms: "10% off on orders of €50.00 or more, at most 2 uses per customer." */
export function describeTerms(terms: TermsInput, currency: string): string {
  const parts = [describeDiscount(terms.discount, currency)]
  const conditions = terms.conditions.map((condition) => describeCondition(condition, currency))
  if (conditions.length > 0) parts[0] += ` ${conditions.join(' and ')}`
  if (terms.maxUses != null) parts.push(`at most ${uses(terms.maxUses)} in all`)
  if (terms.maxUsesPerCustomer != null)
    parts.push(`at most ${uses(terms.maxUsesPerCustomer)} per customer`)
  return `${parts.join(', ')}.`
}
