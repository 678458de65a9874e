import { z } from 'zod'
import { id } from './common'
import { method } from './define'
import { isKnownCurrency } from '../money'
import { CHANNELS, type Channel } from './checkout'

/** Limits a code must respect when it is created (source 004's defaults). `null` = no limit. */
export interface CreationPolicy {
  /** Largest percent discount, in basis points (3000 = 30%). */
  maxPercentBp: number | null
  maxUsesPerCode: number | null
  maxUsesPerCustomer: number | null
  /** Longest validity window, in calendar months. */
  maxWindowMonths: number | null
  maxCodesPerPromoter: number | null
  /** Rolling period, in days, over which `maxCodesPerPromoter` is counted. */
  promoterPeriodDays: number
}

export const DEFAULT_POLICY: CreationPolicy = {
  maxPercentBp: 3000,
  maxUsesPerCode: 20,
  maxUsesPerCustomer: 2,
  maxWindowMonths: 1,
  maxCodesPerPromoter: 20,
  promoterPeriodDays: 30,
}

export interface Business {
  id: number
  name: string
  /** ISO 4217, e.g. EUR. */
  currency: string
  /** IANA zone, e.g. Europe/Paris: windows, days and reports use it. */
  timeZone: string
  policy: CreationPolicy
  /** Whether prices include tax, and the rate for lines that name none. */
  tax: TaxSettings
  sales: SalesRules
  createdAt: number
}

/** How the business treats corrections and manual orders (source 003). */
export interface SalesRules {
  /** A full refund gives the code's use back to its limits (a void always does). */
  refundReturnsUse: boolean
  /** A code on an in-store or phone order needs a manager's PIN. */
  overrideRequired: boolean
  /** Whether a manager PIN is set (the PIN itself is only stored as a salted hash). */
  hasManagerPin: boolean
  /** Channels whose orders must carry a promo code (e.g. tracking codes for online orders). */
  requireCodeChannels: Channel[]
}

export interface TaxSettings {
  /** `exclusive`: tax is added to the discounted lines; `inclusive`: prices already contain it. */
  mode: 'exclusive' | 'inclusive'
  /** Basis points: 2000 = 20%. */
  rateBp: number
}

export const DEFAULT_TAX: TaxSettings = { mode: 'exclusive', rateBp: 0 }

function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

const name = z.string().trim().min(1, 'Enter a name.').max(120, 'At most 120 characters.')
const currency = z
  .string()
  .trim()
  .transform((text) => text.toUpperCase())
  .refine(isKnownCurrency, 'Use an ISO 4217 currency code such as EUR or USD.')
const timeZone = z
  .string()
  .trim()
  .refine(isKnownTimeZone, 'Use an IANA time zone such as Europe/Paris.')

export const salesRulesInput = z.object({
  refundReturnsUse: z.boolean(),
  overrideRequired: z.boolean(),
  requireCodeChannels: z.array(z.enum(CHANNELS)).max(CHANNELS.length),
})

export const managerPin = z.string().regex(/^\d{4,12}$/, 'Use 4 to 12 digits.')

export const taxInput = z.object({
  mode: z.enum(['exclusive', 'inclusive']),
  rateBp: z.number().int('Whole basis points.').min(0, 'At least 0%.').max(10_000, 'At most 100%.'),
})

const limit = (max: number) => z.number().int().min(1, 'At least 1.').max(max).nullable()

export const creationPolicyInput = z.object({
  maxPercentBp: z.number().int().min(1, 'At least 0.01%.').max(10_000, 'At most 100%.').nullable(),
  maxUsesPerCode: limit(1_000_000_000),
  maxUsesPerCustomer: limit(1_000_000),
  maxWindowMonths: limit(120),
  maxCodesPerPromoter: limit(1_000_000),
  promoterPeriodDays: z.number().int().min(1, 'At least 1 day.').max(3660),
})

export const businessesContract = {
  'businesses.list': method<Business[]>()(
    z.object({}),
    'Lists every business in the workspace, by name.',
  ),
  'businesses.create': method<Business>()(
    z.object({ name, currency, timeZone, tax: taxInput.optional() }),
    'Creates a business with the default creation policy of source 004.',
  ),
  'businesses.update': method<Business>()(
    z.object({
      businessId: id,
      name: name.optional(),
      timeZone: timeZone.optional(),
      tax: taxInput.optional(),
      sales: salesRulesInput.optional(),
    }),
    'Renames a business, or changes its time zone, tax settings or sales rules.',
  ),
  'businesses.setManagerPin': method<Business>()(
    z.object({ businessId: id, pin: managerPin.nullable() }),
    'Sets the manager PIN that overrides need (stored as a salted hash), or removes it with null.',
  ),
  'businesses.updatePolicy': method<Business>()(
    z.object({ businessId: id, policy: creationPolicyInput }),
    'Replaces the code-creation policy of a business.',
  ),
}
