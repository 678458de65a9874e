import { z } from 'zod'
import { basisPoints } from '../contract/common'

/** The signals that open fraud cases; each can be switched off and tuned per business. */
export const FRAUD_SIGNALS = [
  'shared_identity',
  'velocity',
  'self_referral',
  'new_customer_abuse',
  'refund_heavy',
  'misuse',
] as const
export type FraudSignal = (typeof FRAUD_SIGNALS)[number]

export const FRAUD_SIGNAL_LABELS: Record<FraudSignal, string> = {
  shared_identity: 'One customer behind several identities',
  velocity: 'Too many redemptions too fast',
  self_referral: 'Self-referral',
  new_customer_abuse: 'New-customer offer used by a returning customer',
  refund_heavy: 'Refund-heavy promoter',
  misuse: 'Code used where it should not be',
}

const count = z.number().int().min(1, 'At least 1.').max(100_000)
const minutes = z.number().int().min(1, 'At least 1 minute.').max(525_600)

export const fraudSettings = z.object({
  sharedIdentity: z.object({ enabled: z.boolean() }).default({ enabled: true }),
  velocity: z
    .object({
      enabled: z.boolean(),
      /** More than this many redemptions of one code, by one customer or from one IP… */
      maxRedemptions: count,
      /** …within this many minutes. */
      windowMinutes: minutes,
    })
    .default({ enabled: true, maxRedemptions: 5, windowMinutes: 60 }),
  selfReferral: z.object({ enabled: z.boolean() }).default({ enabled: true }),
  newCustomerAbuse: z.object({ enabled: z.boolean() }).default({ enabled: true }),
  refundHeavy: z
    .object({
      enabled: z.boolean(),
      /** A promoter whose refunded share of sales passes this… */
      maxRefundRateBp: basisPoints,
      /** …over at least this many sales… */
      minSales: count,
      /** …within the last this many days. */
      periodDays: z.number().int().min(1).max(3650),
    })
    .default({ enabled: true, maxRefundRateBp: 3000, minSales: 5, periodDays: 30 }),
  misuse: z
    .object({
      enabled: z.boolean(),
      /** Locations the business sells in; empty = any location. */
      regions: z.array(z.string().trim().min(1).max(120)).max(200),
      /** Campaigns whose codes are handed out in the shop: their use online is a hit. */
      inStoreCampaignIds: z.array(z.number().int().positive()).max(500).default([]),
    })
    .default({ enabled: true, regions: [], inStoreCampaignIds: [] }),
})
export type FraudSettings = z.infer<typeof fraudSettings>
export const DEFAULT_FRAUD_SETTINGS: FraudSettings = fraudSettings.parse({})

/** Lower-cased, spaces collapsed, punctuation dropped: "12, Rue  du Lac" = "12 rue du lac". */
export function addressKey(address: string): string {
  return address
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}
