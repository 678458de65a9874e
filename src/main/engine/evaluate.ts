import type { Evaluation, EvaluatedLine, RuleCheck } from '../../shared/contract/checkout'
import { describeRefusal, formatInstant, formatWindowEnd, type RefusalReason } from '../../shared/refusals'
import { describeTerms } from '../../shared/promotions/describe'
import { applyDiscount } from './discounts'
import { checkCondition, type CartFacts } from './conditions'
import { effectiveWindow } from './code-state'
import type { EngineCart, EngineCode, EngineContext } from './types'

export interface SaleToEvaluate {
  /** What the clerk typed; null for a sale without a code. */
  codeText: string | null
  /** The code found in this business, if any. */
  code: EngineCode | null
  /** True when the typed code exists, but in another business. */
  codeBelongsElsewhere: boolean
  cart: EngineCart
  context: EngineContext
}

interface CheckOutcome {
  check: RuleCheck
  refusal?: RefusalReason
}

/**
 * Evaluates a sale and its code. Pure: no I/O, no clock. Every rule is checked and reported;
 * the refusal is the first failed rule in a fixed order (state, window, limits, conditions).
 */
export function evaluateSale(sale: SaleToEvaluate): Evaluation {
  const grosses = sale.cart.lines.map((line) => line.quantity * line.unitPriceMinor)
  const facts: CartFacts = {
    subtotalMinor: grosses.reduce((sum, gross) => sum + gross, 0),
    itemCount: sale.cart.lines.reduce((sum, line) => sum + line.quantity, 0),
  }
  const { code, context } = sale
  const outcomes = code ? codeChecks(code, facts, context) : []
  const failed = outcomes.find((outcome) => !outcome.ok)
  let refusal: RefusalReason | undefined = failed?.refusal
  if (sale.codeText !== null && !code) {
    refusal = sale.codeBelongsElsewhere
      ? { reason: 'wrong_business', code: sale.codeText }
      : { reason: 'unknown_code', code: sale.codeText }
  }
  if (sale.cart.lines.length === 0) refusal = { reason: 'empty_cart' }

  const applies = code !== null && refusal === undefined
  const discounts = applies ? applyDiscount(code.campaign.discount, grosses) : grosses.map(() => 0)
  const lines: EvaluatedLine[] = sale.cart.lines.map((line, index) => {
    const gross = grosses[index] ?? 0
    const discount = discounts[index] ?? 0
    return {
      sku: line.sku,
      name: line.name ?? null,
      quantity: line.quantity,
      unitPriceMinor: line.unitPriceMinor,
      grossMinor: gross,
      discountMinor: discount,
      netMinor: gross - discount,
    }
  })
  const discountMinor = discounts.reduce((sum, discount) => sum + discount, 0)
  return {
    code: code?.code ?? sale.codeText,
    applies,
    refusal: refusal ? describeRefusal(refusal, context) : null,
    checks: outcomes.map((outcome) => outcome.check),
    campaign: code ? { id: code.campaign.id, name: code.campaign.name } : null,
    promoter: code?.promoter ?? null,
    terms: code
      ? describeTerms(
          {
            discount: code.campaign.discount,
            conditions: code.campaign.conditions,
            maxUses: code.maxUses,
            maxUsesPerCustomer: code.maxUsesPerCustomer,
          },
          context.currency,
        )
      : null,
    lines,
    totals: {
      subtotalMinor: facts.subtotalMinor,
      discountMinor,
      shippingMinor: sale.cart.shippingMinor,
      totalMinor: facts.subtotalMinor - discountMinor + sale.cart.shippingMinor,
    },
  }
}

function outcome(
  rule: string,
  ok: boolean,
  label: string,
  refusal?: RefusalReason,
): CheckOutcome & { ok: boolean } {
  return { ok, check: { rule, ok, label }, ...(ok || !refusal ? {} : { refusal }) }
}

function codeChecks(code: EngineCode, facts: CartFacts, context: EngineContext) {
  const { now, customer } = context
  const window = effectiveWindow(code, code.campaign)
  const checks = [
    outcome('active', code.active, 'The code is active', { reason: 'inactive' }),
    outcome(
      'starts',
      window.startsAt === null || now >= window.startsAt,
      window.startsAt === null
        ? 'No start date'
        : `Valid from ${formatInstant(window.startsAt, context.timeZone)}`,
      {
        reason: 'not_started',
        startsAt: window.startsAt ?? 0,
      },
    ),
    outcome(
      'ends',
      window.endsAt === null || now < window.endsAt,
      window.endsAt === null
        ? 'No end date'
        : `Valid until ${formatWindowEnd(window.endsAt, context.timeZone)}`,
      {
        reason: 'expired',
        endedAt: window.endsAt ?? 0,
      },
    ),
    outcome(
      'total_uses',
      code.maxUses === null || code.uses < code.maxUses,
      code.maxUses === null ? 'Unlimited uses' : `${code.uses} of ${code.maxUses} uses taken`,
      { reason: 'exhausted', maxUses: code.maxUses ?? 0 },
    ),
  ]
  if (code.maxUsesPerCustomer !== null || code.customerId !== null) {
    checks.push(
      outcome('customer_known', customer !== null, 'The customer is identified', {
        reason: 'customer_required',
        maxUsesPerCustomer: code.maxUsesPerCustomer ?? 1,
      }),
    )
  }
  if (code.customerId !== null) {
    checks.push(
      outcome(
        'personal',
        customer?.id === code.customerId,
        'The code was issued to this customer',
        {
          reason: 'personal_code',
        },
      ),
    )
  }
  if (code.maxUsesPerCustomer !== null) {
    const used = customer?.usesOfCode ?? 0
    checks.push(
      outcome(
        'customer_uses',
        used < code.maxUsesPerCustomer,
        `This customer has used it ${used} of ${code.maxUsesPerCustomer} times`,
        { reason: 'customer_limit', maxUsesPerCustomer: code.maxUsesPerCustomer },
      ),
    )
  }
  for (const condition of code.campaign.conditions) {
    const result = checkCondition(condition, facts, context)
    checks.push(outcome(condition.kind, result.ok, result.label, result.refusal))
  }
  return checks
}
