import { z } from 'zod'
import { id, localDate, optionalText } from './common'
import { method } from './define'
import { discountSpec, type DiscountSpec } from '../promotions/discounts'
import { conditionSpec, type ConditionSpec } from '../promotions/conditions'
import { eligibilitySpec, everyLine, type Eligibility } from '../promotions/selectors'
import { DEFAULT_STACKING, stackingSpec, type Stacking } from '../promotions/stacking'
import { cartInput, type Evaluation } from './checkout'
import { customerRef } from './codes'
import type { CommissionRule } from '../commissions/rules'

/**
 * `discount`: a discount that needs a code; `tracking`: codes that only attribute the sale
 * (source 003); `automatic`: a discount that applies without a code when its conditions hold.
 */
export const CAMPAIGN_KINDS = ['discount', 'tracking', 'automatic'] as const
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number]

export interface Campaign {
  id: number
  businessId: number
  name: string
  description: string | null
  kind: CampaignKind
  discount: DiscountSpec
  conditions: ConditionSpec[]
  /** Which lines it discounts. */
  eligible: Eligibility
  stacking: Stacking
  /** Uses per day in the business's time zone; null = no cap. */
  maxUsesPerDay: number | null
  /** Paused campaigns apply to nothing. */
  active: boolean
  /** Epoch ms, inclusive; null = open. */
  startsAt: number | null
  /** Epoch ms, exclusive; null = open. */
  endsAt: number | null
  createdAt: number
  codeCount: number
  useCount: number
  /** The campaign's own commission rule; null (or absent) = it follows the business's. */
  commission?: CommissionRule | null
}

export const campaignCreateInput = z
  .object({
    businessId: id,
    name: z.string().trim().min(1, 'Enter a name.').max(120, 'At most 120 characters.'),
    description: optionalText(2000),
    kind: z.enum(CAMPAIGN_KINDS).default('discount'),
    discount: discountSpec,
    eligible: eligibilitySpec.default(everyLine),
    stacking: stackingSpec.default(DEFAULT_STACKING),
    maxUsesPerDay: z
      .number()
      .int('A whole number.')
      .min(1, 'At least 1.')
      .max(1_000_000_000)
      .nullable()
      .default(null),
    /** First day, in the business's time zone. */
    startsOn: localDate.optional(),
    /** Last day (inclusive), in the business's time zone. */
    endsOn: localDate.optional(),
    conditions: z.array(conditionSpec).default([]),
  })
  .refine((input) => !input.startsOn || !input.endsOn || input.startsOn <= input.endsOn, {
    message: 'The last day cannot be before the first day.',
    path: ['endsOn'],
  })
  .refine((input) => (input.kind === 'tracking') === (input.discount.kind === 'none'), {
    message: 'Tracking campaigns give no discount; discount campaigns need one.',
    path: ['discount'],
  })

export const campaignsContract = {
  'campaigns.list': method<Campaign[]>()(
    z.object({ businessId: id }),
    'Lists the campaigns of a business, newest first, with code and use counts.',
  ),
  'campaigns.get': method<Campaign>()(
    z.object({ businessId: id, campaignId: id }),
    'Returns one campaign.',
  ),
  'campaigns.create': method<Campaign>()(
    campaignCreateInput,
    'Creates a campaign; its terms are fixed once created, like the codes that carry them.',
  ),
  'campaigns.setActive': method<Campaign>()(
    z.object({ businessId: id, campaignId: id, active: z.boolean() }),
    'Pauses or resumes a campaign: a paused one applies to no cart, with or without a code.',
  ),
  'campaigns.tryCart': method<Evaluation>()(
    z.object({
      businessId: id,
      campaignId: id,
      customer: customerRef,
      customerTags: z.array(z.string().trim().min(1).max(60)).max(50).optional(),
      cart: cartInput,
    }),
    'Evaluates a cart against this campaign alone, as if its code were typed now; writes nothing.',
  ),
}
