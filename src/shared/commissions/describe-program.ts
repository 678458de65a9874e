import { formatBasisPoints, formatMoney } from '../money'
import type {
  AttributionModel,
  CommissionBase,
  CommissionRule,
  CommissionTier,
  ProgramSettings,
} from './rules'

/** Plain-language sentences for the program settings, shown beside the forms that edit them. */

function describeBase(base: CommissionBase): string {
  const extras = [base.includeTax ? 'tax' : null, base.includeShipping ? 'shipping' : null].filter(
    (part): part is string => part !== null,
  )
  const what = 'merchandise after discount'
  if (extras.length === 0) return `${what}, without tax or shipping`
  if (extras.length === 2) return `${what}, with tax and shipping`
  return extras[0] === 'tax'
    ? `${what}, with tax but without shipping`
    : `${what}, with shipping but without tax`
}

function describeTier(
  tier: CommissionTier,
  next: CommissionTier | undefined,
  measure: 'sales' | 'revenue',
  currency: string,
): string {
  const rate = formatBasisPoints(tier.rateBp)
  if (measure === 'sales') {
    const first = tier.from + 1
    if (!next) return `${rate} from the ${ordinal(first)} sale`
    return next.from === first
      ? `${rate} on the ${ordinal(first)} sale`
      : `${rate} on sales ${first}–${next.from}`
  }
  if (!next) return `${rate} above ${formatMoney(tier.from, currency)}`
  return tier.from === 0
    ? `${rate} up to ${formatMoney(next.from, currency)}`
    : `${rate} from ${formatMoney(tier.from, currency)} to ${formatMoney(next.from, currency)}`
}

function ordinal(n: number): string {
  const tens = n % 100
  const suffix =
    tens >= 11 && tens <= 13
      ? 'th'
      : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th')
  return `${n}${suffix}`
}

export function describeCommissionRule(rule: CommissionRule, currency: string): string {
  switch (rule.kind) {
    case 'none':
      return 'No commission.'
    case 'flat':
      return `${formatMoney(rule.amountMinor, currency)} for every attributed sale.`
    case 'percent':
      return `${formatBasisPoints(rule.rateBp)} of each attributed sale’s ${describeBase(rule.base)}.`
    case 'split': {
      const business = formatBasisPoints(10_000 - rule.promoterShareBp)
      return `Revenue split: the promoter gets ${formatBasisPoints(rule.promoterShareBp)} and the business keeps ${business} of each attributed sale’s ${describeBase(rule.base)}.`
    }
    case 'tiered': {
      const tiers = rule.tiers
        .map((tier, index) => describeTier(tier, rule.tiers[index + 1], rule.measure, currency))
        .join(', ')
      const counted =
        rule.measure === 'sales' ? 'the promoter’s number of sales' : 'the promoter’s sales'
      const how =
        rule.mode === 'marginal'
          ? 'each part of the period at its own tier’s rate'
          : 'the whole period at the highest tier reached'
      return `Tiers by ${counted} in each payout period: ${tiers}; ${how}, on ${describeBase(rule.base)}.`
    }
  }
}

const MODEL_SENTENCES: Record<AttributionModel, string> = {
  newest: 'The newest engagement wins the sale (a coupon used at checkout is usually the newest).',
  first: 'The first engagement wins the sale: whoever brought the customer in keeps them.',
  most_points: 'The engagement with the most points wins the sale.',
}

export const ATTRIBUTION_MODEL_LABELS: Record<AttributionModel, string> = {
  newest: 'Newest engagement wins',
  first: 'First engagement wins',
  most_points: 'Most points wins',
}

export function describeAttribution(program: ProgramSettings): string {
  const lifetime =
    program.engagementLifetimeDays === null
      ? 'Engagements never expire.'
      : `An engagement stops counting ${program.engagementLifetimeDays} ${program.engagementLifetimeDays === 1 ? 'day' : 'days'} after its last event.`
  const { coupon, visit, manual } = program.points
  return `${MODEL_SENTENCES[program.attributionModel]} ${lifetime} Points: ${coupon} for a coupon used, ${visit} for a referral visit, ${manual} for a manual entry.`
}

export function describePayouts(program: ProgramSettings): string {
  const holding =
    program.holdingDays === 0
      ? 'Commissions are payable at once.'
      : `New commissions stay pending for ${program.holdingDays} ${program.holdingDays === 1 ? 'day' : 'days'} before they can be paid.`
  return `${program.periodLength === 'monthly' ? 'Monthly' : 'Weekly'} payout periods. ${holding}`
}
