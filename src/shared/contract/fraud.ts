import { z } from 'zod'
import {
  fraudSettings,
  FRAUD_SIGNALS,
  type FraudSettings,
  type FraudSignal,
} from '../fraud/settings'
import { id, page, type Page } from './common'
import { method } from './define'

export type FraudCaseStatus = 'open' | 'dismissed' | 'confirmed'

export interface FraudCaseRow {
  id: number
  signal: FraudSignal
  subject: string
  summary: string
  status: FraudCaseStatus
  promoterId: number | null
  promoterName: string | null
  /** Sales behind the case. */
  orders: number
  /** Commission on those sales (net, held while the case is open) plus the discount they got. */
  atRiskMinor: number
  commissionMinor: number
  discountMinor: number
  openedAt: number
  updatedAt: number
}

export interface FraudCaseOrder {
  entryId: number
  orderRef: string
  occurredAt: number
  channel: string
  customerLabel: string | null
  codes: string[]
  totalMinor: number
  discountMinor: number
  commissionMinor: number
  evidence: { field: string; value: string }[]
}

export interface FraudDecision {
  action: 'dismiss' | 'confirm' | 'block'
  note: string
  decidedBy: string
  decidedAt: number
}

export interface FraudCaseDetail extends FraudCaseRow {
  entries: FraudCaseOrder[]
  decisions: FraudDecision[]
  /** The promoter's track record, when the case names one. */
  promoterHistory: { sales: number; refunded: number; earnedMinor: number; cases: number } | null
}

export const BLOCK_KINDS = ['email', 'phone', 'ip', 'device', 'code', 'customer'] as const
export type BlockKind = (typeof BLOCK_KINDS)[number]

export interface Block {
  id: number
  kind: BlockKind
  value: string
  note: string
  createdBy: string
  createdAt: number
  caseId: number | null
}

const who = z.string().trim().min(1, 'Enter who decides.').max(120, 'At most 120 characters.')
const note = z.string().trim().max(2000, 'At most 2,000 characters.')

export const fraudContract = {
  'fraud.settings': method<FraudSettings>()(
    z.object({ businessId: id }),
    'The business’s fraud signals and their thresholds.',
  ),
  'fraud.updateSettings': method<FraudSettings>()(
    z.object({ businessId: id, settings: fraudSettings }),
    'Replaces the business’s fraud signal settings.',
  ),
  'fraud.cases': method<Page<FraudCaseRow>>()(
    z
      .object({
        businessId: id,
        status: z.enum(['open', 'dismissed', 'confirmed']).default('open'),
        signal: z.enum(FRAUD_SIGNALS).optional(),
      })
      .and(page),
    'Fraud cases, the most money at risk first.',
  ),
  'fraud.case': method<FraudCaseDetail>()(
    z.object({ businessId: id, caseId: id }),
    'One case with its orders, evidence, decisions and the promoter’s history.',
  ),
  'fraud.decide': method<FraudCaseDetail>()(
    z.object({
      businessId: id,
      caseId: id,
      action: z.enum(['dismiss', 'confirm']),
      note: note.refine((text) => text.length > 0, 'Say why.'),
      decidedBy: who,
    }),
    'Dismisses an open case (its commissions become payable) or confirms it (the commissions of its sales are reversed; the sales stay).',
  ),
  'fraud.block': method<Block>()(
    z.object({
      businessId: id,
      kind: z.enum(BLOCK_KINDS),
      value: z.string().trim().min(1, 'Enter what to block.').max(300),
      note,
      decidedBy: who,
      caseId: id.optional(),
    }),
    'Blocks an email (with its Gmail dot and +tag variants), phone, IP, device, code or customer: checkout refuses it.',
  ),
  'fraud.unblock': method<{ id: number }>()(
    z.object({ businessId: id, blockId: id }),
    'Lifts a block.',
  ),
  'fraud.blocks': method<Block[]>()(
    z.object({ businessId: id }),
    'Everything the business blocks.',
  ),
  'fraud.scan': method<{ jobId: string }>()(
    z.object({ businessId: id }),
    'Runs every enabled signal over the whole history in the background, opening or extending cases.',
  ),
  'exports.fraudCases': method<{ jobId: string }>()(
    z.object({ businessId: id }),
    'Writes every case with its orders and decisions (who, when, why) to an .xlsx file.',
  ),
}
