import type { CampaignKind } from '../../shared/contract/campaigns'
import type { DiscountSpec } from '../../shared/promotions/discounts'
import type { ConditionSpec } from '../../shared/promotions/conditions'

/** What the engine needs to know about a code; loaded by the caller, never by the engine. */
export interface EngineCode {
  id: number
  code: string
  businessId: number
  active: boolean
  /** Epoch ms, inclusive. */
  startsAt: number | null
  /** Epoch ms, exclusive. */
  endsAt: number | null
  maxUses: number | null
  uses: number
  maxUsesPerCustomer: number | null
  /** Set on personalized codes. */
  customerId: number | null
  promoter: { id: number; name: string } | null
  campaign: EngineCampaign
}

export interface EngineCampaign {
  id: number
  name: string
  kind: CampaignKind
  discount: DiscountSpec
  conditions: ConditionSpec[]
  startsAt: number | null
  endsAt: number | null
}

export interface EngineCartLine {
  sku: string
  name?: string | undefined
  quantity: number
  unitPriceMinor: number
}

export interface EngineCart {
  lines: EngineCartLine[]
  shippingMinor: number
}

export interface EngineContext {
  /** Epoch ms: the engine has no clock of its own. */
  now: number
  currency: string
  timeZone: string
  /** The identified customer and how often they already used this code; null = anonymous. */
  customer: { id: number; usesOfCode: number } | null
}
