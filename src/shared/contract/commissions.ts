import { z } from 'zod'
import {
  commissionRule,
  ENGAGEMENT_KINDS,
  programSettings,
  type AttributionModel,
  type CommissionRule,
  type ProgramSettings,
} from '../commissions/rules'
import { id, localDate, page, type Page } from './common'
import { method } from './define'
import { uploadedFile, type ImportRowError } from './upload'

/** Why a promoter won (or nobody did); see src/main/commissions/choose-winner.ts. */
export type WinReason = 'only' | 'newest' | 'first' | 'most_points' | 'code_owner' | 'none'

export interface EngagementView {
  promoterId: number
  promoterName: string
  points: number
  firstAt: number
  lastAt: number
  alive: boolean
}

/** Who earned a sale, as recorded with it. */
export interface SaleAttribution {
  entryId: number
  model: AttributionModel
  promoterId: number | null
  promoterName: string | null
  reason: WinReason
  /** A sentence: "Emma Stone earned this sale: the newest of 2 live engagements." */
  explanation: string
  /** Every engagement the customer had at the time, the winner first. */
  engagements: EngagementView[]
  /** The commission booked for the sale, net of its reversals. */
  commissionMinor: number
}

export interface Program extends ProgramSettings {
  businessId: number
  /** The period length cannot change once commissions are booked or a period is closed. */
  periodLengthLocked: boolean
}

export interface EngagementRow {
  promoterId: number
  promoterName: string
  customerId: number
  customerLabel: string
  points: number
  events: number
  firstAt: number
  lastAt: number
}

export interface PromoterSummary {
  promoterId: number
  sales: number
  /** Sales total of attributed sales, net of reversals. */
  revenueMinor: number
  earnedMinor: number
  paidMinor: number
  /** Earned and not paid yet. */
  balanceMinor: number
  /** Part of the balance still in its holding period, or held by an open fraud case. */
  pendingMinor: number
}

export interface PromoterSaleRow {
  commissionId: number
  saleEntryId: number
  orderRef: string
  occurredAt: number
  kind: 'accrual' | 'reversal'
  periodKey: string
  baseMinor: number
  amountMinor: number
  note: string
}

export interface EngagementImportReport {
  /** Data rows read; blank rows are skipped. */
  rows: number
  /** Engagements the import adds. */
  added: number
  /** Rows already in the workspace (or repeated in the file): they add nothing. */
  alreadyImported: number
  /** The first 200 row errors; `errorCount` counts them all. */
  errors: ImportRowError[]
  errorCount: number
}

export type EngagementImportStart =
  { dryRun: true; report: EngagementImportReport } | { dryRun: false; jobId: string }

const engagementEvent = z.object({
  promoterId: id,
  /** The customer, by email or by the shop's customer id. */
  customer: z
    .object({
      email: z.string().trim().max(200).optional(),
      externalId: z.string().trim().max(100).optional(),
    })
    .refine((ref) => Boolean(ref.email || ref.externalId), {
      message: 'Enter the customer’s email or customer id.',
      path: ['email'],
    }),
  kind: z.enum(ENGAGEMENT_KINDS).exclude(['coupon']),
  /** When it happened; now when left out. */
  occurredOn: localDate.optional(),
  note: z.string().trim().max(500).optional(),
  /** Makes a retry add nothing. */
  requestId: z.string().trim().min(1).max(100),
})

export const commissionsContract = {
  'program.get': method<Program>()(
    z.object({ businessId: id }),
    'The business’s affiliate program: attribution model, points, holding period, commission rule.',
  ),
  'program.update': method<Program>()(
    z.object({ businessId: id, program: programSettings }),
    'Replaces the business’s affiliate program settings.',
  ),
  'campaigns.setCommission': method<{ campaignId: number; rule: CommissionRule | null }>()(
    z.object({ businessId: id, campaignId: id, rule: commissionRule.nullable() }),
    'Gives a campaign its own commission rule, or (null) makes it follow the business’s.',
  ),
  'engagements.record': method<{ duplicate: boolean }>()(
    z.object({ businessId: id, event: engagementEvent }),
    'Records a referral visit or a manual engagement between a promoter and a customer.',
  ),
  'engagements.import': method<EngagementImportStart>()(
    z.object({ businessId: id, file: uploadedFile, dryRun: z.boolean().default(false) }),
    'Adds referral visits and manual engagements from a CSV or Excel file (columns promoter, customer, kind, date; optionally note) in one transaction; importing the same rows again adds nothing. With dryRun, reports the counts and row errors at once; otherwise starts a job.',
  ),
  'engagements.list': method<Page<EngagementRow>>()(
    z.object({ businessId: id, promoterId: id.optional(), customerId: id.optional() }).and(page),
    'Engagements (promoter and customer, with points), newest first.',
  ),
  'sales.attribution': method<SaleAttribution>()(
    z.object({ businessId: id, entryId: id }),
    'Who earned a sale, why, and the engagements that competed for it.',
  ),
  'promoters.summary': method<PromoterSummary>()(
    z.object({ businessId: id, promoterId: id }),
    'A promoter’s attributed sales, earnings, payments and balance.',
  ),
  'promoters.commissions': method<Page<PromoterSaleRow>>()(
    z.object({ businessId: id, promoterId: id }).and(page),
    'A promoter’s commission rows (sales and reversals), newest first.',
  ),
}
