import { z } from 'zod'
import { id, localDate, nonNegativeMinor, optionalText } from './common'
import { method } from './define'
import { discountSpec, type DiscountSpec } from '../promotions/discounts'
import { conditionSpec, type ConditionSpec } from '../promotions/conditions'

/** `discount` applies a discount with a code; `tracking` codes only attribute the sale (source 003). */
export type CampaignKind = 'discount' | 'tracking'

export interface Campaign {
  id: number
  businessId: number
  name: string
  description: string | null
  kind: CampaignKind
  discount: DiscountSpec
  conditions: ConditionSpec[]
  /** Epoch ms, inclusive; null = open. */
  startsAt: number | null
  /** Epoch ms, exclusive; null = open. */
  endsAt: number | null
  createdAt: number
  codeCount: number
  useCount: number
}

export const campaignCreateInput = z
  .object({
    businessId: id,
    name: z.string().trim().min(1, 'Enter a name.').max(120, 'At most 120 characters.'),
    description: optionalText(2000),
    kind: z.enum(['discount', 'tracking']).default('discount'),
    discount: discountSpec,
    /** First day, in the business's time zone. */
    startsOn: localDate.optional(),
    /** Last day (inclusive), in the business's time zone. */
    endsOn: localDate.optional(),
    minSpendMinor: nonNegativeMinor.optional(),
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
}
