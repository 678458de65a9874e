import { z } from 'zod'
import { id, nonNegativeMinor } from './common'
import { method } from './define'
import { customerRef } from './codes'
import type { Refusal } from '../refusals'
import type { LineResult, PromotionStatus, SaleTotals } from '../promotions/outcome'

export const CHANNELS = ['in_store', 'phone', 'online', 'import'] as const

export const CHANNEL_LABELS: Record<(typeof CHANNELS)[number], string> = {
  in_store: 'In store',
  phone: 'Phone',
  online: 'Online',
  import: 'Import',
}
export type Channel = (typeof CHANNELS)[number]

export const cartLineInput = z.object({
  sku: z.string().trim().min(1, 'Enter a SKU.').max(64, 'At most 64 characters.'),
  name: z.string().trim().max(200).optional(),
  quantity: z
    .number()
    .int('Whole items only.')
    .min(1, 'At least 1.')
    .max(100_000, 'At most 100,000.'),
  unitPriceMinor: nonNegativeMinor,
  /** Override the catalog's category and brand for this line. */
  category: z.string().trim().max(120).optional(),
  brand: z.string().trim().max(120).optional(),
  /** Override the catalog's on-sale and in-stock flags for this line. */
  onSale: z.boolean().optional(),
  inStock: z.boolean().optional(),
  /** Basis points; default: the business's rate. */
  taxRateBp: z.number().int().min(0).max(10_000, 'At most 100%.').optional(),
})

/** Amounts stay far below 2^53 minor units, where integer arithmetic in doubles is exact. */
const MAX_ORDER_MINOR = 1e15

export const cartInput = z
  .object({
    lines: z.array(cartLineInput).min(1, 'Add at least one line.').max(500, 'At most 500 lines.'),
    shippingMinor: nonNegativeMinor.default(0),
  })
  .refine(
    (cart) =>
      cart.lines.reduce((sum, line) => sum + line.quantity * line.unitPriceMinor, 0) +
        cart.shippingMinor <=
      MAX_ORDER_MINOR,
    { message: 'This order is too large to record exactly.', path: ['lines'] },
  )

export const checkoutInput = z.object({
  businessId: id,
  /** Empty or missing: a sale without a code. */
  code: z
    .string()
    .trim()
    .max(64)
    .optional()
    .transform((text) => text || undefined),
  customer: customerRef,
  /** The customer's segments (loyalty, wholesale, a region…), recorded on the customer. */
  customerTags: z
    .array(z.string().trim().min(1).max(60, 'At most 60 characters.'))
    .max(50, 'At most 50 segments.')
    .optional(),
  cart: cartInput,
  channel: z.enum(CHANNELS).default('in_store'),
  location: z
    .string()
    .trim()
    .max(120)
    .optional()
    .transform((text) => text || undefined),
  /** Where the order came from, for fraud review: the shop's IP, device id and delivery address. */
  context: z
    .object({
      ip: z
        .string()
        .trim()
        .max(64)
        .optional()
        .transform((text) => text || undefined),
      deviceId: z
        .string()
        .trim()
        .max(128)
        .optional()
        .transform((text) => text || undefined),
      address: z
        .string()
        .trim()
        .max(300)
        .optional()
        .transform((text) => text || undefined),
    })
    .optional(),
})

export const commitInput = checkoutInput.extend({
  /** The order's own reference: committing it twice returns the first result. */
  orderRef: z
    .string()
    .trim()
    .min(1, 'Enter an order reference.')
    .max(100, 'At most 100 characters.'),
  /** A manager's PIN, when the business makes codes on manual orders need an override. */
  managerPin: z
    .string()
    .trim()
    .max(12)
    .optional()
    .transform((text) => text || undefined),
})

/** Channels where a clerk types the order in (source 003's "manual entry"). */
export const MANUAL_CHANNELS: readonly Channel[] = ['in_store', 'phone']

/** One rule the engine checked, in the order it checked them. */
export interface RuleCheck {
  rule: string
  ok: boolean
  /** What was checked, as a sentence. */
  label: string
}

/** One promotion the engine considered: applied, refused by its rules, or dropped by stacking. */
export interface PromotionOutcome {
  campaignId: number
  campaignName: string
  /** The code that brought it in; null for an automatic promotion. */
  code: string | null
  automatic: boolean
  promoter: { id: number; name: string } | null
  status: PromotionStatus
  /** Its terms in one sentence. */
  terms: string
  checks: RuleCheck[]
  /** Why it was refused or dropped. */
  refusal: Refusal | null
  /** What would give more, e.g. "Add 2 more items to get 10% off." */
  hint: string | null
  discountMinor: number
  shippingDiscountMinor: number
}

export type EvaluatedLine = LineResult
export type OrderTotals = SaleTotals

/** What a cart gets: each promotion's outcome, the lines with their shares, and the totals. */
export interface Evaluation {
  /** The typed code, if any. */
  code: string | null
  /** True when a code was typed and it applies. */
  applies: boolean
  /** Why the typed code does not apply (or why nothing can). */
  refusal: Refusal | null
  /** Who is credited: the applied code's promoter. */
  promoter: { id: number; name: string } | null
  promotions: PromotionOutcome[]
  lines: EvaluatedLine[]
  totals: OrderTotals
}

export interface Receipt {
  entryId: number
  orderRef: string
  /** True when this order reference was already committed: nothing new was written. */
  duplicate: boolean
  occurredAt: number
  evaluation: Evaluation
}

export const checkoutContract = {
  'checkout.validate': method<Evaluation>()(
    checkoutInput,
    'Evaluates a code against a cart without writing anything: every rule, the discount, or why not.',
  ),
  'checkout.commit': method<Receipt>()(
    commitInput,
    'Records the sale in the ledger; limits are enforced in the same transaction. Idempotent by order reference.',
  ),
}
