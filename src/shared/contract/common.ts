import { z } from 'zod'

export const id = z.number().int().positive()
export const businessScope = z.object({ businessId: id })

/** A calendar date in the business's time zone. */
export const localDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-11-23.')
  .refine((text) => !Number.isNaN(Date.parse(`${text}T00:00:00Z`)), 'This is not a real date.')

export const minorUnits = z.number().int('Amounts are whole minor units.')
export const nonNegativeMinor = minorUnits.nonnegative('Amounts cannot be negative.')
export const basisPoints = z.number().int().min(0).max(10_000, 'At most 100%.')

export const page = z.object({
  page: z.number().int().min(0).default(0),
  pageSize: z.number().int().min(1).max(100).default(25),
})

export interface Page<T> {
  rows: T[]
  /** Rows matching the filter across all pages. */
  total: number
}

export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters.`)
    .optional()
    .transform((text) => (text ? text : undefined))
