import { z } from 'zod'
import { id, nonNegativeMinor } from './common'
import { method } from './define'
import { customerRef } from './codes'
import type { Refusal } from '../refusals'

export const CHANNELS = ['in_store', 'phone', 'online', 'import'] as const
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
})

export const cartInput = z.object({
  lines: z.array(cartLineInput).min(1, 'Add at least one line.').max(500, 'At most 500 lines.'),
  shippingMinor: nonNegativeMinor.default(0),
})

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
  cart: cartInput,
  channel: z.enum(CHANNELS).default('in_store'),
  location: z
    .string()
    .trim()
    .max(120)
    .optional()
    .transform((text) => text || undefined),
})

export const commitInput = checkoutInput.extend({
  /** The order's own reference: committing it twice returns the first result. */
  orderRef: z
    .string()
    .trim()
    .min(1, 'Enter an order reference.')
    .max(100, 'At most 100 characters.'),
})

/** One rule the engine checked, in the order it checked them. */
export interface RuleCheck {
  rule: string
  ok: boolean
  /** What was checked, as a sentence. */
  label: string
}

export interface EvaluatedLine {
  sku: string
  name: string | null
  quantity: number
  unitPriceMinor: number
  /** quantity × unit price. */
  grossMinor: number
  /** This line's share of the discount; lines sum exactly to the order discount. */
  discountMinor: number
  netMinor: number
}

export interface OrderTotals {
  subtotalMinor: number
  discountMinor: number
  shippingMinor: number
  totalMinor: number
}

/** What a code would do to a cart, or why it does not apply. */
export interface Evaluation {
  code: string | null
  applies: boolean
  refusal: Refusal | null
  checks: RuleCheck[]
  campaign: { id: number; name: string } | null
  promoter: { id: number; name: string } | null
  /** Readable terms, e.g. "10% off orders of €50.00 or more". */
  terms: string | null
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
