import type { LineResult, PromotionResult, SaleResult } from '../../shared/promotions/outcome'
import type { RefusalReason } from '../../shared/refusals'
import { viewCart, type CartView } from './cart-view'
import { examine, type Examined, type SaleFacts } from './examine'
import { localClock } from './local-clock'
import { percentOf, mulDivRoundHalfUp } from './money'
import { choose, type Application } from './stacking'
import type { EngineContext, EnginePromotion, SaleToEvaluate } from './types'

/**
 * Evaluates a sale: checks every promotion's rules (the typed code's and the automatic ones),
 * picks the combination the stacking rules allow that gives the customer the most, and applies
 * it in priority order on the already-discounted amounts. Pure: no I/O, no clock.
 */
export function evaluateSale(sale: SaleToEvaluate): SaleResult {
  const view = viewCart(sale.cart)
  const facts = saleFacts(sale, view)
  const examined = sale.promotions.map((promotion) => examine(promotion, facts))
  const emptyCart = view.lines.length === 0
  const qualified = emptyCart ? [] : examined.filter((candidate) => candidate.refusal === null)
  const { chosen, dropped } = choose(qualified, view)
  const applied = new Set(chosen.members)
  const promotions = examined.map((candidate) =>
    promotionResult(candidate, chosen, applied.has(candidate), dropped),
  )

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

/** What every promotion reads besides its own lines, worked out once for the sale. */
function saleFacts(sale: SaleToEvaluate, view: CartView): SaleFacts {
  const { context } = sale
  return {
    view,
    context,
    local: needsClock(sale.promotions)
      ? localClock(context.now, context.timeZone)
      : { weekday: 1, minutes: 0 },
    customerTags: new Set(context.customer?.tags.map((tag) => tag.toLowerCase())),
  }
}

function promotionResult(
  candidate: Examined,
  chosen: Application,
  applied: boolean,
  dropped: ReadonlyMap<number, RefusalReason>,
): PromotionResult {
  const { promotion } = candidate
  const id = promotion.campaignId
  const droppedFor = dropped.get(id)
  const lines = chosen.lines.get(id)
  return {
    campaignId: id,
    campaignName: promotion.name,
    code: promotion.code?.code ?? null,
    promoter: promotion.code?.promoter ?? null,
    status: applied ? 'applied' : droppedFor ? 'dropped' : 'refused',
    checks: candidate.checks,
    refusal: applied ? null : (candidate.refusal ?? droppedFor ?? { reason: 'empty_cart' }),
    discountMinor: lines ? sum(lines) : 0,
    shippingDiscountMinor: chosen.shipping.get(id) ?? 0,
    upsell: candidate.upsell,
  }
}

function sum(values: readonly number[]): number {
  let total = 0
  for (let index = 0; index < values.length; index++) total += values[index] ?? 0
  return total
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

/**
 * Per line, what each applied campaign took off it, in the order they were applied. Counted
 * first so each line's list is made at its size: dozens of campaigns share fifty lines.
 */
function sharesByLine(view: CartView, chosen: Application): LineResult['allocations'][] {
  const lineCount = view.lines.length
  const counts = new Array<number>(lineCount).fill(0)
  for (const parts of chosen.lines.values()) {
    for (let index = 0; index < lineCount; index++) {
      if ((parts[index] ?? 0) > 0) counts[index] = (counts[index] ?? 0) + 1
    }
  }
  const shares = counts.map((count) => new Array<LineResult['allocations'][number]>(count))
  const filled = new Array<number>(lineCount).fill(0)
  for (const [campaignId, parts] of chosen.lines) {
    for (let index = 0; index < lineCount; index++) {
      const part = parts[index] ?? 0
      const lineShares = shares[index]
      if (part <= 0 || !lineShares) continue
      const slot = filled[index] ?? 0
      lineShares[slot] = { campaignId, discountMinor: part }
      filled[index] = slot + 1
    }
  }
  return shares
}

/** Lines with their discounts and the tax recomputed from the discounted amounts. */
function lineResults(view: CartView, chosen: Application, context: EngineContext): LineResult[] {
  const shares = sharesByLine(view, chosen)
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
