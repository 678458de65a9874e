import type { RefusalReason } from '../refusals'
import type { Tier } from './discounts'

/**
 * What the engine found, as data: no sentences, so the ledger stores it compactly and any side
 * (main or renderer) turns it into words with explain.ts.
 */
export type CheckFact =
  | { rule: 'active' }
  | { rule: 'starts'; startsAt: number | null }
  | { rule: 'ends'; endsAt: number | null }
  | { rule: 'total_uses'; uses: number; maxUses: number | null }
  | { rule: 'customer_known'; maxUsesPerCustomer: number | null }
  | { rule: 'personal' }
  | { rule: 'customer_uses'; used: number; maxUsesPerCustomer: number }
  | { rule: 'daily_cap'; usedToday: number; maxUsesPerDay: number }
  | { rule: 'eligible_items'; items: number }
  | { rule: 'min_spend'; minMinor: number; actualMinor: number; over: 'cart' | 'eligible' }
  | { rule: 'min_quantity'; minItems: number; actualItems: number; over: 'cart' | 'eligible' }
  | { rule: 'requires_products'; skus: string[]; missing: string[] }
  | { rule: 'schedule'; weekdays: number[]; from: string; to: string }
  | { rule: 'new_customer'; identified: boolean }
  | { rule: 'customer_segment'; tags: string[]; identified: boolean }
  | { rule: 'specific_customers'; count: number; identified: boolean }
  | {
      rule: 'deal'
      buyQuantity: number
      getQuantity: number
      applications: number
      missingItems: number
    }
  | {
      rule: 'tier'
      basis: 'quantity' | 'spend'
      reward: 'percent' | 'amount'
      actual: number
      reached: Tier | null
      next: Tier | null
    }

export interface CheckResult {
  ok: boolean
  fact: CheckFact
}

export type PromotionStatus = 'applied' | 'refused' | 'dropped'

export interface PromotionResult {
  campaignId: number
  campaignName: string
  /** The code that brought it in; null for an automatic promotion. */
  code: string | null
  promoter: { id: number; name: string } | null
  status: PromotionStatus
  /** Every rule checked, in order. */
  checks: CheckResult[]
  /** Why it was refused or dropped. */
  refusal: RefusalReason | null
  /** Off the items, summed over lines. */
  discountMinor: number
  shippingDiscountMinor: number
  /** The next tier within reach, for "add 3 more items for 10% off". */
  upsell: Extract<CheckFact, { rule: 'tier' }> | null
}

export interface LineResult {
  sku: string
  name: string | null
  quantity: number
  unitPriceMinor: number
  /** quantity × unit price. */
  grossMinor: number
  /** Every applied promotion's share; lines sum exactly to the order's discount. */
  discountMinor: number
  netMinor: number
  taxRateBp: number
  /** Tax on the discounted line: added on top (exclusive prices) or contained (inclusive). */
  taxMinor: number
  /** Which promotions took what off this line. */
  allocations: { campaignId: number; discountMinor: number }[]
}

export interface SaleTotals {
  taxMode: 'exclusive' | 'inclusive'
  subtotalMinor: number
  /** Off the items. */
  discountMinor: number
  shippingMinor: number
  shippingDiscountMinor: number
  taxMinor: number
  /** What the customer pays. */
  totalMinor: number
}

export interface SaleResult {
  /** What the clerk typed; null for a sale without a code. */
  codeText: string | null
  /** Why the typed code does not apply (or the cart cannot be evaluated). */
  refusal: RefusalReason | null
  promotions: PromotionResult[]
  lines: LineResult[]
  totals: SaleTotals
}
