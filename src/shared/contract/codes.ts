import { z } from 'zod'
import { id, localDate, page, type Page } from './common'
import { method } from './define'

/** Derived, never stored: see `codeState` in the engine. */
export type CodeState = 'scheduled' | 'active' | 'inactive' | 'expired' | 'exhausted'

export interface CodeRow {
  id: number
  campaignId: number
  campaignName: string
  code: string
  promoterId: number | null
  promoterName: string | null
  customerLabel: string | null
  /** null = unlimited. */
  maxUses: number | null
  maxUsesPerCustomer: number | null
  startsAt: number | null
  endsAt: number | null
  active: boolean
  uses: number
  state: CodeState
  note: string | null
  createdAt: number
}

/** The customer a personalized code is issued to, or who is buying at checkout. */
export const customerRef = z
  .object({
    email: z
      .string()
      .trim()
      .max(200)
      .optional()
      .transform((text) => text || undefined)
      .refine(
        (email) => !email || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email),
        'Enter an email like name@example.com.',
      ),
    externalId: z
      .string()
      .trim()
      .max(100)
      .optional()
      .transform((text) => text || undefined),
    phone: z
      .string()
      .trim()
      .max(40)
      .optional()
      .transform((text) => text || undefined),
  })
  .optional()
  .transform((ref) => (ref && (ref.email || ref.externalId || ref.phone) ? ref : undefined))
export type CustomerRef = NonNullable<z.output<typeof customerRef>>

/** Letters and digits people do not confuse: no 0/O, 1/I/L. */
export const UNAMBIGUOUS_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
/** In a pattern, each `#` becomes one random character of the unambiguous alphabet. */
export const PATTERN_SLOT = '#'

const codeText = z
  .string()
  .trim()
  .min(3, 'A code has at least 3 characters.')
  .max(32, 'A code has at most 32 characters.')
  .regex(/^[A-Za-z0-9_-]+$/, 'Use letters, digits, - and _ only.')

const pattern = z
  .string()
  .trim()
  .max(32, 'A pattern has at most 32 characters.')
  .regex(/^[A-Za-z0-9_#-]+$/, 'Use letters, digits, - and _, and # for each random character.')
  .refine((text) => (text.match(/#/g) ?? []).length >= 4, 'Put at least four # in the pattern.')

const limits = {
  /** null = unlimited. */
  maxUses: z.number().int().min(1, 'At least 1 use.').nullable(),
  maxUsesPerCustomer: z.number().int().min(1, 'At least 1 use per customer.').nullable(),
  startsOn: localDate.optional(),
  endsOn: localDate.optional(),
}

const windowOrder = <T extends { startsOn?: string; endsOn?: string }>(input: T) =>
  !input.startsOn || !input.endsOn || input.startsOn <= input.endsOn

export const codeCreateInput = z
  .object({
    businessId: id,
    campaignId: id,
    /** Typed by hand; or leave out and give a pattern to draw one at random. */
    code: codeText.optional(),
    pattern: pattern.optional(),
    promoterId: id.optional(),
    customer: customerRef,
    note: z.string().trim().max(500).optional(),
    ...limits,
  })
  .refine((input) => Boolean(input.code) !== Boolean(input.pattern), {
    message: 'Type a code or give a pattern, not both.',
    path: ['code'],
  })
  .refine(windowOrder, {
    message: 'The last day cannot be before the first day.',
    path: ['endsOn'],
  })

export const codeGenerateInput = z
  .object({
    businessId: id,
    campaignId: id,
    pattern,
    count: z
      .number()
      .int()
      .min(1, 'At least 1 code.')
      .max(1_000_000, 'At most 1,000,000 codes at a time.'),
    ...limits,
  })
  .refine(windowOrder, {
    message: 'The last day cannot be before the first day.',
    path: ['endsOn'],
  })

export const codeListInput = z.object({
  businessId: id,
  campaignId: id.optional(),
  promoterId: id.optional(),
  search: z.string().trim().max(40).optional(),
  ...page.shape,
})

export const codesContract = {
  'codes.list': method<Page<CodeRow>>()(
    codeListInput,
    'Pages through codes, newest first, with derived state and uses.',
  ),
  'codes.create': method<CodeRow>()(
    codeCreateInput,
    'Creates one code, typed or drawn from a pattern, after checking the creation policy.',
  ),
  'codes.generate': method<{ jobId: string }>()(
    codeGenerateInput,
    'Starts generating many random codes in the background; follow it with jobs.get.',
  ),
  'codes.setActive': method<CodeRow>()(
    z.object({ businessId: id, codeId: id, active: z.boolean() }),
    'Activates or deactivates a code: the only change a code allows.',
  ),
}
