import type { CheckFact, CheckResult, PromotionResult } from '../../shared/promotions/outcome'
import type { RefusalReason } from '../../shared/refusals'
import { eligibleLines, type CartView, type EligibleLines } from './cart-view'
import { effectiveWindow } from './code-state'
import { checkCondition, type ConditionFacts } from './conditions'
import { qualifyDiscount } from './discounts'
import type { EngineCode, EngineContext, EnginePromotion } from './types'

/** A promotion after its rules were checked. */
export interface Examined {
  promotion: EnginePromotion
  /** Ascending indexes of the lines it may discount. */
  eligible: readonly number[]
  checks: CheckResult[]
  refusal: RefusalReason | null
  upsell: PromotionResult['upsell']
}

/** What every promotion of one sale reads besides the cart: worked out once per evaluation. */
export interface SaleFacts {
  view: CartView
  context: EngineContext
  local: ConditionFacts['local']
  customerTags: ConditionFacts['customerTags']
}

type Findings = Pick<Examined, 'checks' | 'refusal'>

/**
 * Records a check; true when it is the first to fail, so the caller sets the promotion's
 * refusal. The refusal is built only then: most checks pass, and a hundred promotions per sale
 * would otherwise each build refusals nobody reads.
 */
function failsFirst(found: Findings, ok: boolean, fact: CheckFact): boolean {
  found.checks.push({ ok, fact })
  return !ok && found.refusal === null
}

/** Every rule of one promotion, in a fixed order; the first failure is its refusal. */
export function examine(promotion: EnginePromotion, sale: SaleFacts): Examined {
  const { code } = promotion
  const eligible = eligibleLines(promotion.eligible, sale.view)
  const examined: Examined = {
    promotion,
    eligible: eligible.indexes,
    checks: [],
    refusal: null,
    upsell: null,
  }
  if (code && failsFirst(examined, code.active, { rule: 'active' })) {
    examined.refusal = { reason: 'inactive' }
  }
  checkWindow(examined, code ? effectiveWindow(code, promotion) : promotion, sale.context.now)
  if (code) checkCodeLimits(examined, code, sale.context)
  const cap = promotion.maxUsesPerDay
  if (cap !== null) {
    const fact = { rule: 'daily_cap', usedToday: promotion.usesToday, maxUsesPerDay: cap } as const
    if (failsFirst(examined, promotion.usesToday < cap, fact)) {
      examined.refusal = { reason: 'daily_cap', maxUsesPerDay: cap }
    }
  }
  if (eligible.restricted) {
    const fact = { rule: 'eligible_items', items: eligible.items } as const
    if (failsFirst(examined, eligible.items > 0, fact)) {
      examined.refusal = { reason: 'no_eligible_items' }
    }
  }
  checkConditions(examined, sale, eligible)
  checkQualification(examined, sale.view)
  return examined
}

function checkConditions(examined: Examined, sale: SaleFacts, eligible: EligibleLines): void {
  const facts: ConditionFacts = {
    view: sale.view,
    eligibleGrossMinor: eligible.grossMinor,
    eligibleItems: eligible.items,
    context: sale.context,
    local: sale.local,
    customerTags: sale.customerTags,
  }
  for (const condition of examined.promotion.conditions) {
    const outcome = checkCondition(condition, facts)
    if (failsFirst(examined, outcome.ok, outcome.fact)) {
      examined.refusal = outcome.refusal ?? { reason: 'empty_cart' }
    }
  }
}

/** The rule the discount itself sets (a complete deal, a tier reached), on the cart as entered. */
function checkQualification(examined: Examined, view: CartView): void {
  const qualification = qualifyDiscount(examined.promotion.discount, {
    view,
    eligible: examined.eligible,
    remaining: view.grosses,
    shippingRemaining: view.shippingMinor,
  })
  if (!qualification) return
  if (failsFirst(examined, qualification.ok, qualification.fact)) {
    examined.refusal = qualification.refusal ?? { reason: 'empty_cart' }
  }
  if (qualification.fact.rule === 'tier' && qualification.fact.next) {
    examined.upsell = qualification.fact
  }
}

function checkWindow(
  found: Findings,
  window: { startsAt: number | null; endsAt: number | null },
  now: number,
): void {
  const { startsAt, endsAt } = window
  if (failsFirst(found, startsAt === null || now >= startsAt, { rule: 'starts', startsAt })) {
    found.refusal = { reason: 'not_started', startsAt: startsAt ?? 0 }
  }
  if (failsFirst(found, endsAt === null || now < endsAt, { rule: 'ends', endsAt })) {
    found.refusal = { reason: 'expired', endedAt: endsAt ?? 0 }
  }
}

/** A typed code's own limits: total uses, who may use it and how often. */
function checkCodeLimits(found: Findings, code: EngineCode, context: EngineContext): void {
  const { customer } = context
  const { maxUses, maxUsesPerCustomer } = code
  const totalUses = { rule: 'total_uses', uses: code.uses, maxUses } as const
  if (failsFirst(found, maxUses === null || code.uses < maxUses, totalUses)) {
    found.refusal = { reason: 'exhausted', maxUses: maxUses ?? 0 }
  }
  if (maxUsesPerCustomer !== null || code.customerId !== null) {
    const known = { rule: 'customer_known', maxUsesPerCustomer } as const
    if (failsFirst(found, customer !== null, known)) {
      found.refusal = { reason: 'customer_required', maxUsesPerCustomer: maxUsesPerCustomer ?? 1 }
    }
  }
  if (code.customerId !== null) {
    if (failsFirst(found, customer?.id === code.customerId, { rule: 'personal' })) {
      found.refusal = { reason: 'personal_code' }
    }
  }
  if (maxUsesPerCustomer !== null) {
    const used = customer ? code.customerUses : 0
    const fact = { rule: 'customer_uses', used, maxUsesPerCustomer } as const
    if (failsFirst(found, used < maxUsesPerCustomer, fact)) {
      found.refusal = { reason: 'customer_limit', maxUsesPerCustomer }
    }
  }
}
