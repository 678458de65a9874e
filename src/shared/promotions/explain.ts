import type { Evaluation, PromotionOutcome, RuleCheck } from '../contract/checkout'
import { formatBasisPoints, formatMoney } from '../money'
import {
  describeRefusal,
  formatInstant,
  formatSchedule,
  formatWindowEnd,
  items,
  type DisplayContext,
} from '../refusals'
import { describeDiscount, describeTerms, type TermsInput } from './describe'
import type { CheckFact, PromotionResult, SaleResult } from './outcome'

/** What was checked, as a sentence for the breakdown. */
export function describeCheck(fact: CheckFact, context: DisplayContext): string {
  const money = (minor: number) => formatMoney(minor, context.currency)
  switch (fact.rule) {
    case 'active':
      return 'The code is active'
    case 'starts':
      return fact.startsAt === null
        ? 'No start date'
        : `Valid from ${formatInstant(fact.startsAt, context.timeZone)}`
    case 'ends':
      return fact.endsAt === null
        ? 'No end date'
        : `Valid until ${formatWindowEnd(fact.endsAt, context.timeZone)}`
    case 'total_uses':
      return fact.maxUses === null ? 'Unlimited uses' : `${fact.uses} of ${fact.maxUses} uses taken`
    case 'customer_known':
      return 'The customer is identified'
    case 'personal':
      return 'The code was issued to this customer'
    case 'customer_uses':
      return `This customer has used it ${fact.used} of ${fact.maxUsesPerCustomer} times`
    case 'daily_cap':
      return `${fact.usedToday} of ${fact.maxUsesPerDay} uses taken today`
    case 'eligible_items':
      return `${items(fact.items)} in the cart qualify`
    case 'min_spend':
      return `Minimum spend ${money(fact.minMinor)} (${fact.over === 'eligible' ? 'eligible items' : 'subtotal'} ${money(fact.actualMinor)})`
    case 'min_quantity':
      return `At least ${items(fact.minItems)} (${fact.over === 'eligible' ? 'eligible' : 'in cart'}: ${fact.actualItems})`
    case 'requires_products':
      return fact.missing.length === 0
        ? `The cart holds ${fact.skus.join(', ')}`
        : `Needs ${fact.skus.join(', ')} (missing ${fact.missing.join(', ')})`
    case 'schedule':
      return `Runs ${formatSchedule(fact.weekdays, fact.from, fact.to)}`
    case 'new_customer':
      return 'New customers only'
    case 'customer_segment':
      return `Customers tagged ${fact.tags.join(' or ')}`
    case 'specific_customers':
      return `Reserved for ${fact.count === 1 ? 'one named customer' : `${fact.count} named customers`}`
    case 'deal':
      return fact.applications > 0
        ? `Buy ${fact.buyQuantity} get ${fact.getQuantity}: applies ${fact.applications === 1 ? 'once' : `${fact.applications} times`}`
        : `Buy ${fact.buyQuantity} get ${fact.getQuantity}: ${fact.missingItems} more qualifying ${fact.missingItems === 1 ? 'item' : 'items'} needed`
    case 'tier': {
      const amount = (value: number) => (fact.basis === 'spend' ? money(value) : items(value))
      const reward = (value: number) =>
        fact.reward === 'percent' ? formatBasisPoints(value) : money(value)
      return fact.reached
        ? `Tier reached: ${reward(fact.reached.value)} off from ${amount(fact.reached.from)} (cart: ${amount(fact.actual)})`
        : `No tier reached (cart: ${amount(fact.actual)})`
    }
  }
}

function upsellHint(result: PromotionResult, context: DisplayContext): string | null {
  const next = result.upsell?.next
  if (!result.upsell || !next) return null
  const { basis, reward, actual } = result.upsell
  const missing = next.from - actual
  const more =
    basis === 'spend'
      ? `${formatMoney(missing, context.currency)} more`
      : missing === 1
        ? '1 more item'
        : `${missing} more items`
  const value =
    reward === 'percent' ? formatBasisPoints(next.value) : formatMoney(next.value, context.currency)
  return `Add ${more} to get ${value} off.`
}

/** What a promotion gives, for hints like "Add €12.50 more to unlock 10% off." */
function unlocksOf(terms: TermsInput | undefined, context: DisplayContext): string {
  return terms ? describeDiscount(terms.discount, context.currency) : 'it'
}

/**
 * Turns the engine's findings into the evaluation people read. `terms` holds each considered
 * campaign's terms by id (the engine's results name campaigns, not their rules).
 */
export function explainSale(
  result: SaleResult,
  terms: ReadonlyMap<number, TermsInput>,
  context: DisplayContext,
): Evaluation {
  const promotions = result.promotions.map((promotion): PromotionOutcome => {
    const promotionTerms = terms.get(promotion.campaignId)
    const checks: RuleCheck[] = promotion.checks.map((check) => ({
      rule: check.fact.rule,
      ok: check.ok,
      label: describeCheck(check.fact, context),
    }))
    return {
      campaignId: promotion.campaignId,
      campaignName: promotion.campaignName,
      code: promotion.code,
      automatic: promotion.code === null,
      promoter: promotion.promoter,
      status: promotion.status,
      terms: promotionTerms ? describeTerms(promotionTerms, context.currency) : '',
      checks,
      // What meeting the refused rule would give, phrased only for refused promotions.
      refusal: promotion.refusal
        ? describeRefusal(promotion.refusal, context, unlocksOf(promotionTerms, context))
        : null,
      hint: upsellHint(promotion, context),
      discountMinor: promotion.discountMinor,
      shippingDiscountMinor: promotion.shippingDiscountMinor,
    }
  })
  const codePromotion = promotions.find((promotion) => promotion.code !== null) ?? null
  const codeTerms = codePromotion ? terms.get(codePromotion.campaignId) : undefined
  return {
    code: codePromotion?.code ?? result.codeText,
    applies: result.codeText !== null && result.refusal === null,
    refusal: result.refusal
      ? describeRefusal(result.refusal, context, unlocksOf(codeTerms, context))
      : null,
    promoter: codePromotion?.status === 'applied' ? codePromotion.promoter : null,
    promotions,
    lines: result.lines,
    totals: result.totals,
  }
}
