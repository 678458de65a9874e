import { z } from 'zod'
import { basisPoints, nonNegativeMinor } from '../contract/common'

/**
 * How a promoter's commission on an attributed sale is computed. One business-wide rule, which a
 * campaign may override. Rates are basis points; amounts are minor units.
 * The arithmetic lives in src/main/commissions/commission-math.ts.
 */

/** What a percentage is taken of: merchandise after discount, with tax and shipping if asked. */
export const commissionBase = z.object({
  includeTax: z.boolean().default(false),
  includeShipping: z.boolean().default(false),
})
export type CommissionBase = z.infer<typeof commissionBase>
const defaultBase: CommissionBase = { includeTax: false, includeShipping: false }

const positiveBp = basisPoints.refine((bp) => bp > 0, 'The percentage must be above 0.')

export const noCommission = z.object({ kind: z.literal('none') })

export const flatCommission = z.object({
  kind: z.literal('flat'),
  amountMinor: nonNegativeMinor.refine((amount) => amount > 0, 'The amount must be above 0.'),
})

export const percentCommission = z.object({
  kind: z.literal('percent'),
  rateBp: positiveBp,
  base: commissionBase.default(defaultBase),
})

const commissionTier = z.object({
  /** Sales counted (measure "sales") or base in minor units (measure "revenue") where it starts. */
  from: z.number().int('Whole numbers only.').min(0, 'A tier cannot start below 0.'),
  rateBp: basisPoints,
})
export type CommissionTier = z.infer<typeof commissionTier>

export const tieredCommission = z
  .object({
    kind: z.literal('tiered'),
    /** What the period's tiers count: the promoter's number of sales, or their base. */
    measure: z.enum(['sales', 'revenue']),
    /** Marginal: each part at its tier's rate. Whole: the whole period at the rate reached. */
    mode: z.enum(['marginal', 'whole']),
    base: commissionBase.default(defaultBase),
    tiers: z.array(commissionTier).min(1, 'Add at least one tier.').max(20, 'At most 20 tiers.'),
  })
  .superRefine((rule, ctx) => {
    if (rule.tiers[0]?.from !== 0)
      ctx.addIssue({
        code: 'custom',
        path: ['tiers', 0, 'from'],
        message: 'The first tier starts at 0.',
      })
    rule.tiers.forEach((tier, index) => {
      const before = rule.tiers[index - 1]
      if (!before) return
      if (tier.from <= before.from)
        ctx.addIssue({
          code: 'custom',
          path: ['tiers', index, 'from'],
          message: 'Each tier starts above the one before it.',
        })
      // A whole-period rate that fell as volume grew would take back commission already earned.
      if (rule.mode === 'whole' && tier.rateBp < before.rateBp)
        ctx.addIssue({
          code: 'custom',
          path: ['tiers', index, 'rateBp'],
          message: 'Whole-period tiers cannot lower the rate.',
        })
    })
  })

export const splitCommission = z.object({
  kind: z.literal('split'),
  /** The promoter's share of the discounted sale; the business keeps the rest (004: 40/60). */
  promoterShareBp: positiveBp,
  base: commissionBase.default(defaultBase),
})

export const commissionRule = z.discriminatedUnion('kind', [
  noCommission,
  flatCommission,
  percentCommission,
  tieredCommission,
  splitCommission,
])
export type CommissionRule = z.infer<typeof commissionRule>
export type CommissionRuleInput = z.input<typeof commissionRule>
export type CommissionKind = CommissionRule['kind']

export const ATTRIBUTION_MODELS = ['newest', 'first', 'most_points'] as const
export type AttributionModel = (typeof ATTRIBUTION_MODELS)[number]

export const ENGAGEMENT_KINDS = ['coupon', 'visit', 'manual'] as const
export type EngagementKind = (typeof ENGAGEMENT_KINDS)[number]

const points = z.number().int('Whole points only.').min(0, 'At least 0.').max(1_000_000)

/** A business's affiliate program: who wins a sale, what it pays, and when it is payable. */
export const programSettings = z.object({
  attributionModel: z.enum(ATTRIBUTION_MODELS).default('newest'),
  /** Days after its last event an engagement stops counting; null = it never expires. */
  engagementLifetimeDays: z
    .number()
    .int()
    .min(1, 'At least 1 day.')
    .max(3650)
    .nullable()
    .default(30),
  points: z
    .object({ coupon: points.default(10), visit: points.default(1), manual: points.default(5) })
    .default({ coupon: 10, visit: 1, manual: 5 }),
  /** Days a new commission stays pending before it can be paid (refund window). */
  holdingDays: z.number().int().min(0, 'At least 0 days.').max(365, 'At most 365 days.').default(0),
  periodLength: z.enum(['monthly', 'weekly']).default('monthly'),
  rule: commissionRule.default({ kind: 'none' }),
})
export type ProgramSettings = z.infer<typeof programSettings>
export type ProgramSettingsInput = z.input<typeof programSettings>

export const DEFAULT_PROGRAM: ProgramSettings = programSettings.parse({})
