import { z } from 'zod'
import { nonNegativeMinor } from '../contract/common'
import type { KindInfo } from './fields'

/**
 * What must hold for a promotion to apply. One definition per kind: zod arguments and editor
 * fields here, the check in src/main/engine/conditions/. Conditions look at the cart as it was
 * entered, before any promotion discounts it.
 */
const over = z.enum(['cart', 'eligible']).default('cart')
const overField = {
  name: 'over',
  label: 'Counted over',
  kind: 'choice',
  choices: [
    { value: 'cart', label: 'The whole cart' },
    { value: 'eligible', label: 'The eligible items' },
  ],
} as const

export const minSpendCondition = z.object({
  kind: z.literal('min_spend'),
  /** Merchandise before discounts, in minor units. */
  minMinor: nonNegativeMinor.refine((minor) => minor > 0, 'The minimum must be above 0.'),
  over,
})

export const minQuantityCondition = z.object({
  kind: z.literal('min_quantity'),
  minItems: z.number().int('Whole items only.').min(1, 'At least 1.').max(100_000),
  over,
})

export const requiresProductsCondition = z.object({
  kind: z.literal('requires_products'),
  /** Every one of these SKUs must be in the cart. */
  skus: z
    .array(z.string().trim().min(1).max(64))
    .min(1, 'Name at least one product.')
    .max(50, 'At most 50 products.'),
})

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'Use a time like 18:00.')

export const scheduleCondition = z
  .object({
    kind: z.literal('schedule'),
    /** ISO weekdays, 1 = Monday … 7 = Sunday; empty = every day. */
    weekdays: z.array(z.number().int().min(1).max(7)).max(7).default([]),
    /** Local time of day in the business's zone, from inclusive to exclusive. */
    from: clock.default('00:00'),
    to: clock.default('24:00'),
  })
  .refine((spec) => spec.from < spec.to, {
    message: 'The end must be after the start.',
    path: ['to'],
  })

export const newCustomerCondition = z.object({ kind: z.literal('new_customer') })

export const customerSegmentCondition = z.object({
  kind: z.literal('customer_segment'),
  /** The customer needs any one of these tags (loyalty, wholesale, a region…). */
  tags: z
    .array(z.string().trim().min(1).max(60))
    .min(1, 'Name at least one segment.')
    .max(50, 'At most 50 segments.'),
})

export const specificCustomersCondition = z.object({
  kind: z.literal('specific_customers'),
  /** Emails (matched normalized) or customer ids. */
  customers: z
    .array(z.string().trim().min(1).max(254))
    .min(1, 'Name at least one customer.')
    .max(500, 'At most 500 customers.'),
})

export const conditionSpec = z.discriminatedUnion('kind', [
  minSpendCondition,
  minQuantityCondition,
  requiresProductsCondition,
  scheduleCondition,
  newCustomerCondition,
  customerSegmentCondition,
  specificCustomersCondition,
])
export type ConditionSpec = z.infer<typeof conditionSpec>
export type ConditionKind = ConditionSpec['kind']
type SpecOf<K extends ConditionKind> = Extract<ConditionSpec, { kind: K }>

export const CONDITION_KINDS: { [K in ConditionKind]: KindInfo<SpecOf<K>> } = {
  min_spend: {
    title: 'Minimum spend',
    blurb: 'The items must add up to at least an amount.',
    fields: [{ name: 'minMinor', label: 'At least', kind: 'money' }, overField],
    defaults: { kind: 'min_spend', minMinor: 5000, over: 'cart' },
  },
  min_quantity: {
    title: 'Minimum quantity',
    blurb: 'At least a number of items.',
    fields: [{ name: 'minItems', label: 'At least (items)', kind: 'count' }, overField],
    defaults: { kind: 'min_quantity', minItems: 2, over: 'cart' },
  },
  requires_products: {
    title: 'Required products',
    blurb: 'The cart must hold all of these products.',
    fields: [{ name: 'skus', label: 'Products (SKUs)', kind: 'skus' }],
    defaults: { kind: 'requires_products', skus: [] },
  },
  schedule: {
    title: 'Weekdays and hours',
    blurb: 'Only on some days, between two times (the business’s time zone).',
    fields: [
      { name: 'weekdays', label: 'Days', kind: 'weekdays', helper: 'None chosen: every day.' },
      { name: 'from', label: 'From', kind: 'time' },
      { name: 'to', label: 'Until', kind: 'time' },
    ],
    defaults: { kind: 'schedule', weekdays: [5], from: '18:00', to: '20:00' },
  },
  new_customer: {
    title: 'New customers only',
    blurb: 'The customer has no earlier order at this business.',
    fields: [],
    defaults: { kind: 'new_customer' },
  },
  customer_segment: {
    title: 'Customer segments',
    blurb: 'The customer carries one of these tags.',
    fields: [{ name: 'tags', label: 'Segments', kind: 'tags', helper: 'e.g. loyalty, wholesale' }],
    defaults: { kind: 'customer_segment', tags: [] },
  },
  specific_customers: {
    title: 'Specific customers',
    blurb: 'Only these customers, by email or customer id.',
    fields: [{ name: 'customers', label: 'Customers', kind: 'customers' }],
    defaults: { kind: 'specific_customers', customers: [] },
  },
}
