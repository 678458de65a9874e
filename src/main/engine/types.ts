import type { DiscountSpec } from '../../shared/promotions/discounts'
import type { ConditionSpec } from '../../shared/promotions/conditions'
import type { Eligibility } from '../../shared/promotions/selectors'
import type { Stacking } from '../../shared/promotions/stacking'

/** What the engine needs to know about a code; loaded by the caller, never by the engine. */
export interface EngineCode {
  id: number
  code: string
  active: boolean
  /** Epoch ms, inclusive. */
  startsAt: number | null
  /** Epoch ms, exclusive. */
  endsAt: number | null
  maxUses: number | null
  uses: number
  maxUsesPerCustomer: number | null
  /** How often the identified customer already used this code. */
  customerUses: number
  /** Set on personalized codes. */
  customerId: number | null
  promoter: { id: number; name: string } | null
}

/** A campaign as the engine sees it: brought in by a code, or automatic (code null). */
export interface EnginePromotion {
  campaignId: number
  name: string
  code: EngineCode | null
  discount: DiscountSpec
  conditions: readonly ConditionSpec[]
  eligible: Eligibility
  stacking: Stacking
  startsAt: number | null
  endsAt: number | null
  maxUsesPerDay: number | null
  /** Uses already counted today, in the business's time zone. */
  usesToday: number
}

export interface EngineCartLine {
  sku: string
  name?: string | undefined
  quantity: number
  unitPriceMinor: number
  /** From the line itself, else the catalog. */
  category: string | null
  brand: string | null
  onSale: boolean
  inStock: boolean
  /** Null: the business's rate. */
  taxRateBp: number | null
}

export interface EngineCart {
  lines: readonly EngineCartLine[]
  shippingMinor: number
}

export interface EngineCustomer {
  /** Null for someone not recorded yet (so necessarily new). */
  id: number | null
  emailKey: string | null
  externalId: string | null
  tags: readonly string[]
  /** No earlier sale at this business. */
  isNew: boolean
}

export interface EngineContext {
  /** Epoch ms: the engine has no clock of its own. */
  now: number
  timeZone: string
  taxMode: 'exclusive' | 'inclusive'
  taxRateBp: number
  /** Null: an anonymous sale. */
  customer: EngineCustomer | null
}

export interface SaleToEvaluate {
  /** What the clerk typed; null for a sale without a code. */
  codeText: string | null
  /** True when the typed code exists, but in another business. */
  codeBelongsElsewhere: boolean
  cart: EngineCart
  /** The typed code's promotion (if found) and every automatic candidate. */
  promotions: readonly EnginePromotion[]
  context: EngineContext
}
