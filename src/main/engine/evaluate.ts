import type {
  CheckResult,
  LineResult,
  PromotionResult,
  SaleResult,
} from '../../shared/promotions/outcome'
import { selectsEverything } from '../../shared/promotions/selectors'
import type { RefusalReason } from '../../shared/refusals'
import { eligibleLines, viewCart, type CartView } from './cart-view'
import { checkCondition, type ConditionFacts } from './conditions'
import { applyDiscount, qualifyDiscount, type DiscountState } from './discounts'
import { effectiveWindow } from './code-state'
import { localClock } from './local-clock'
import { percentOf, mulDivRoundHalfUp } from './money'
import type { EngineContext, EnginePromotion, SaleToEvaluate } from './types'

/** A promotion after its rules were checked. */
interface Examined {
  promotion: EnginePromotion
  eligible: readonly number[]
  checks: CheckResult[]
  refusal: RefusalReason | null
  upsell: PromotionResult['upsell']
}

/** What one set of promotions takes off, applied in order on what the previous ones left. */
interface Application {
  members: Examined[]
  lines: Map<number, number[]>
  shipping: Map<number, number>
  total: number
}

/**
 * Evaluates a sale: checks every promotion's rules (the typed code's and the automatic ones),
 * picks the combination the stacking rules allow that gives the customer the most, and applies
 * it in priority order on the already-discounted amounts. Pure: no I/O, no clock.
 */
export function evaluateSale(sale: SaleToEvaluate): SaleResult {
  const view = viewCart(sale.cart)
  const local = needsClock(sale.promotions)
    ? localClock(sale.context.now, sale.context.timeZone)
    : { weekday: 1, minutes: 0 }
  const examined = sale.promotions.map((promotion) => examine(promotion, view, local, sale.context))
  const emptyCart = view.lines.length === 0
  const qualified = emptyCart ? [] : examined.filter((candidate) => candidate.refusal === null)
  const { chosen, dropped } = choose(qualified, view)

  const promotions: PromotionResult[] = examined.map((candidate) => {
    const { promotion } = candidate
    const id = promotion.campaignId
    const droppedFor = dropped.get(id)
    const applied = chosen.members.includes(candidate)
    const lines = chosen.lines.get(id)
    return {
      campaignId: id,
      campaignName: promotion.name,
      code: promotion.code?.code ?? null,
      promoter: promotion.code?.promoter ?? null,
      status: applied ? 'applied' : droppedFor ? 'dropped' : 'refused',
      checks: candidate.checks,
      refusal: applied ? null : (candidate.refusal ?? droppedFor ?? { reason: 'empty_cart' }),
      discountMinor: lines ? lines.reduce((sum, part) => sum + part, 0) : 0,
      shippingDiscountMinor: chosen.shipping.get(id) ?? 0,
      upsell: candidate.upsell,
    }
  })

  const lines = lineResults(view, chosen, sale.context)
  const discountMinor = lines.reduce((sum, line) => sum + line.discountMinor, 0)
  const shippingDiscountMinor = [...chosen.shipping.values()].reduce((sum, part) => sum + part, 0)
  const taxMinor = lines.reduce((sum, line) => sum + line.taxMinor, 0)
  const netItems = view.subtotalMinor - discountMinor
  const shipping = view.shippingMinor - shippingDiscountMinor
  return {
    codeText: sale.codeText,
    refusal: codeRefusal(sale, promotions, emptyCart),
    promotions,
    lines,
    totals: {
      taxMode: sale.context.taxMode,
      subtotalMinor: view.subtotalMinor,
      discountMinor,
      shippingMinor: view.shippingMinor,
      shippingDiscountMinor,
      taxMinor,
      totalMinor: netItems + shipping + (sale.context.taxMode === 'exclusive' ? taxMinor : 0),
    },
  }
}

function needsClock(promotions: readonly EnginePromotion[]): boolean {
  return promotions.some((promotion) => promotion.conditions.some((c) => c.kind === 'schedule'))
}

function codeRefusal(
  sale: SaleToEvaluate,
  promotions: readonly PromotionResult[],
  emptyCart: boolean,
): RefusalReason | null {
  if (emptyCart) return { reason: 'empty_cart' }
  if (sale.codeText === null) return null
  const own = promotions.find((promotion) => promotion.code !== null)
  if (!own) {
    return sale.codeBelongsElsewhere
      ? { reason: 'wrong_business', code: sale.codeText }
      : { reason: 'unknown_code', code: sale.codeText }
  }
  return own.refusal
}

function check(ok: boolean, fact: CheckResult['fact']): CheckResult {
  return { ok, fact }
}

/** Every rule of one promotion, in a fixed order; the first failure is its refusal. */
function examine(
  promotion: EnginePromotion,
  view: CartView,
  local: ConditionFacts['local'],
  context: EngineContext,
): Examined {
  const { now, customer } = context
  const code = promotion.code
  const window = effectiveWindow(code ?? { startsAt: null, endsAt: null }, promotion)
  const found: Findings = { checks: [], refusal: null }
  const record = (result: CheckResult, reason: RefusalReason) => note(found, result, reason)

  if (code) record(check(code.active, { rule: 'active' }), { reason: 'inactive' })
  record(
    check(window.startsAt === null || now >= window.startsAt, {
      rule: 'starts',
      startsAt: window.startsAt,
    }),
    {
      reason: 'not_started',
      startsAt: window.startsAt ?? 0,
    },
  )
  record(
    check(window.endsAt === null || now < window.endsAt, { rule: 'ends', endsAt: window.endsAt }),
    {
      reason: 'expired',
      endedAt: window.endsAt ?? 0,
    },
  )
  if (code) {
    record(
      check(code.maxUses === null || code.uses < code.maxUses, {
        rule: 'total_uses',
        uses: code.uses,
        maxUses: code.maxUses,
      }),
      { reason: 'exhausted', maxUses: code.maxUses ?? 0 },
    )
    if (code.maxUsesPerCustomer !== null || code.customerId !== null) {
      record(
        check(customer !== null, {
          rule: 'customer_known',
          maxUsesPerCustomer: code.maxUsesPerCustomer,
        }),
        {
          reason: 'customer_required',
          maxUsesPerCustomer: code.maxUsesPerCustomer ?? 1,
        },
      )
    }
    if (code.customerId !== null) {
      record(check(customer?.id === code.customerId, { rule: 'personal' }), {
        reason: 'personal_code',
      })
    }
    if (code.maxUsesPerCustomer !== null) {
      const used = customer ? code.customerUses : 0
      record(
        check(used < code.maxUsesPerCustomer, {
          rule: 'customer_uses',
          used,
          maxUsesPerCustomer: code.maxUsesPerCustomer,
        }),
        { reason: 'customer_limit', maxUsesPerCustomer: code.maxUsesPerCustomer },
      )
    }
  }
  if (promotion.maxUsesPerDay !== null) {
    record(
      check(promotion.usesToday < promotion.maxUsesPerDay, {
        rule: 'daily_cap',
        usedToday: promotion.usesToday,
        maxUsesPerDay: promotion.maxUsesPerDay,
      }),
      { reason: 'daily_cap', maxUsesPerDay: promotion.maxUsesPerDay },
    )
  }

  const eligible = eligibleLines(promotion.eligible, view)
  const { eligible: spec } = promotion
  const restricted =
    !selectsEverything(spec.include) ||
    !selectsEverything(spec.exclude) ||
    spec.excludeSaleItems ||
    spec.excludeOutOfStock
  if (restricted) {
    const items = eligible.reduce((sum, index) => sum + (view.lines[index]?.quantity ?? 0), 0)
    record(check(items > 0, { rule: 'eligible_items', items }), { reason: 'no_eligible_items' })
  }

  const facts: ConditionFacts = {
    view,
    eligibleGrossMinor: eligible.reduce((sum, index) => sum + (view.grosses[index] ?? 0), 0),
    eligibleItems: eligible.reduce((sum, index) => sum + (view.lines[index]?.quantity ?? 0), 0),
    context,
    local,
  }
  for (const condition of promotion.conditions) {
    const outcome = checkCondition(condition, facts)
    record(check(outcome.ok, outcome.fact), outcome.refusal ?? { reason: 'empty_cart' })
  }

  let upsell: Examined['upsell'] = null
  const qualification = qualifyDiscount(promotion.discount, {
    view,
    eligible,
    remaining: view.grosses,
    shippingRemaining: view.shippingMinor,
  })
  if (qualification) {
    record(
      check(qualification.ok, qualification.fact),
      qualification.refusal ?? { reason: 'empty_cart' },
    )
    if (qualification.fact.rule === 'tier' && qualification.fact.next) upsell = qualification.fact
  }
  return { promotion, eligible, checks: found.checks, refusal: found.refusal, upsell }
}

interface Findings {
  checks: CheckResult[]
  refusal: RefusalReason | null
}

/** Records a check; the first failure becomes the refusal. */
function note(found: Findings, result: CheckResult, reason: RefusalReason): void {
  found.checks.push(result)
  if (!result.ok && found.refusal === null) found.refusal = reason
}

const byPriority = (a: Examined, b: Examined) =>
  a.promotion.stacking.priority - b.promotion.stacking.priority ||
  a.promotion.campaignId - b.promotion.campaignId

/** Applies promotions in order, each on what the ones before it left. */
function applyInOrder(members: Examined[], view: CartView): Application {
  const remaining = [...view.grosses]
  let shippingRemaining = view.shippingMinor
  const lines = new Map<number, number[]>()
  const shipping = new Map<number, number>()
  let total = 0
  for (const member of members) {
    const state: DiscountState = { view, eligible: member.eligible, remaining, shippingRemaining }
    const taken = applyDiscount(member.promotion.discount, state)
    const parts = taken.lines
    for (let index = 0; index < parts.length; index++) {
      const left = remaining[index] ?? 0
      // Clamped again here, so no discount kind can take a line below zero.
      const part = Math.max(0, Math.min(parts[index] ?? 0, left))
      parts[index] = part
      remaining[index] = left - part
      total += part
    }
    const offShipping = Math.max(0, Math.min(taken.shipping, shippingRemaining))
    shippingRemaining -= offShipping
    total += offShipping
    lines.set(member.promotion.campaignId, parts)
    shipping.set(member.promotion.campaignId, offShipping)
  }
  return { members, lines, shipping, total }
}

/**
 * The stacking rules: combinable promotions go together, at most one per stacking group (the
 * first by priority); an exclusive promotion goes alone. Of the allowed options, the one giving
 * the most wins; ties go to the option holding the typed code, then to the combined one.
 */
function choose(
  qualified: Examined[],
  view: CartView,
): { chosen: Application; dropped: Map<number, RefusalReason> } {
  const dropped = new Map<number, RefusalReason>()
  const ordered = [...qualified].sort(byPriority)
  const combined: Examined[] = []
  const groupWinners = new Map<string, Examined>()
  for (const candidate of ordered) {
    const { mode, group } = candidate.promotion.stacking
    if (mode !== 'combinable') continue
    const winner = group === null ? undefined : groupWinners.get(group)
    if (winner) {
      dropped.set(candidate.promotion.campaignId, {
        reason: 'outranked',
        why: 'group',
        group: group ?? '',
        by: winner.promotion.name,
      })
      continue
    }
    if (group !== null) groupWinners.set(group, candidate)
    combined.push(candidate)
  }
  const options = [
    ...(combined.length > 0 ? [applyInOrder(combined, view)] : []),
    ...ordered
      .filter((candidate) => candidate.promotion.stacking.mode === 'exclusive')
      .map((candidate) => applyInOrder([candidate], view)),
  ]
  const holdsCode = (option: Application) =>
    option.members.some((member) => member.promotion.code !== null)
  let best: Application = { members: [], lines: new Map(), shipping: new Map(), total: 0 }
  for (const option of options) {
    if (
      best.members.length === 0 ||
      option.total > best.total ||
      (option.total === best.total && holdsCode(option) && !holdsCode(best))
    ) {
      best = option
    }
  }
  // An exclusive winner pushes out everything else; combined winners push out the exclusives.
  const bestIsExclusive = best.members[0]?.promotion.stacking.mode === 'exclusive'
  const by = best.members.map((member) => member.promotion.name).join(', ')
  for (const option of options) {
    if (option === best) continue
    for (const member of option.members) {
      dropped.set(member.promotion.campaignId, {
        reason: 'outranked',
        why: bestIsExclusive ? 'exclusive' : 'combined',
        by,
      })
    }
  }
  return { chosen: best, dropped }
}

/** Lines with their discounts and the tax recomputed from the discounted amounts. */
function lineResults(view: CartView, chosen: Application, context: EngineContext): LineResult[] {
  const shares: LineResult['allocations'][] = view.lines.map(() => [])
  for (const [campaignId, parts] of chosen.lines) {
    parts.forEach((part, index) => {
      if (part > 0) shares[index]?.push({ campaignId, discountMinor: part })
    })
  }
  return view.lines.map((line, index) => {
    const allocations = shares[index] ?? []
    const discountMinor = allocations.reduce((sum, share) => sum + share.discountMinor, 0)
    const grossMinor = view.grosses[index] ?? 0
    const netMinor = grossMinor - discountMinor
    const taxRateBp = line.taxRateBp ?? context.taxRateBp
    const taxMinor =
      context.taxMode === 'exclusive'
        ? percentOf(netMinor, taxRateBp)
        : netMinor - mulDivRoundHalfUp(netMinor, 10_000, 10_000 + taxRateBp)
    return {
      sku: line.sku,
      name: line.name ?? null,
      quantity: line.quantity,
      unitPriceMinor: line.unitPriceMinor,
      grossMinor,
      discountMinor,
      netMinor,
      taxRateBp,
      taxMinor,
      allocations,
    }
  })
}
