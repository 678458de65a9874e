import { z } from 'zod'
import { basisPoints, nonNegativeMinor } from '../contract/common'
import type { KindInfo } from './fields'
import { anyLine, lineSelector, selectsEverything } from './selectors'

/**
 * What a promotion takes off. One definition per kind: its zod arguments here, its editor
 * fields in DISCOUNT_KINDS below, its arithmetic in src/main/engine/discounts/.
 * Discounts act on the promotion's eligible lines (see selectors.ts) unless they say otherwise.
 */
const positiveBp = basisPoints.refine((bp) => bp > 0, 'The percentage must be above 0.')
const positiveMinor = nonNegativeMinor.refine((amount) => amount > 0, 'The amount must be above 0.')
const quantity = z
  .number()
  .int('Whole items only.')
  .min(1, 'At least 1.')
  .max(1000, 'At most 1,000.')

export const percentDiscount = z.object({
  kind: z.literal('percent'),
  /** Basis points: 1000 = 10%. */
  percentBp: positiveBp,
})

export const fixedDiscount = z.object({
  kind: z.literal('fixed'),
  amountMinor: positiveMinor,
  /** Off the eligible lines together (prorated), or off every eligible item. */
  per: z.enum(['order', 'item']).default('order'),
})

export const freeShippingDiscount = z.object({
  kind: z.literal('free_shipping'),
  /** At most this much off shipping; null = all of it. */
  capMinor: positiveMinor.nullable().default(null),
})

export const buyXGetYDiscount = z.object({
  kind: z.literal('buy_x_get_y'),
  buyQuantity: quantity,
  /** What must be bought; empty = any eligible line. */
  buyItems: lineSelector.default(anyLine),
  getQuantity: quantity,
  /** What is given; empty = the same items as bought. */
  getItems: lineSelector.default(anyLine),
  /** 10000 = free. */
  getPercentBp: positiveBp.default(10_000),
  /** How often the deal repeats in one order; null = as often as the cart allows. */
  maxApplications: quantity.nullable().default(null),
})

const tier = z.object({
  /** Items or minor units the eligible lines must reach. */
  from: z.number().int('Whole numbers only.').positive('A tier starts above 0.'),
  /** Basis points or minor units, as the discount's `reward` says. */
  value: z.number().int('Whole numbers only.').positive('A tier gives more than 0.'),
})
export type Tier = z.infer<typeof tier>

export const tieredDiscount = z
  .object({
    kind: z.literal('tiered'),
    basis: z.enum(['quantity', 'spend']),
    reward: z.enum(['percent', 'amount']),
    tiers: z.array(tier).min(1, 'Add at least one tier.').max(10, 'At most 10 tiers.'),
  })
  .superRefine((spec, ctx) => {
    spec.tiers.forEach((current, index) => {
      const previous = spec.tiers[index - 1]
      if (previous && current.from <= previous.from)
        ctx.addIssue({
          code: 'custom',
          path: ['tiers', index, 'from'],
          message: 'Each tier must start above the one before.',
        })
      if (spec.reward === 'percent' && current.value > 10_000)
        ctx.addIssue({ code: 'custom', path: ['tiers', index, 'value'], message: 'At most 100%.' })
    })
  })

/** Tracking-only promo codes (source 003) attribute a sale without discounting it. */
export const noDiscount = z.object({ kind: z.literal('none') })

export const discountSpec = z.discriminatedUnion('kind', [
  percentDiscount,
  fixedDiscount,
  freeShippingDiscount,
  buyXGetYDiscount,
  tieredDiscount,
  noDiscount,
])
export type DiscountSpec = z.infer<typeof discountSpec>
export type DiscountKind = DiscountSpec['kind']
type SpecOf<K extends DiscountKind> = Extract<DiscountSpec, { kind: K }>

export const DISCOUNT_KINDS: { [K in DiscountKind]: KindInfo<SpecOf<K>> } = {
  percent: {
    title: 'Percent off',
    blurb: 'A percentage off the eligible items.',
    fields: [{ name: 'percentBp', label: 'Percent off', kind: 'percent' }],
    defaults: { kind: 'percent', percentBp: 1000 },
  },
  fixed: {
    title: 'Amount off',
    blurb: 'A fixed amount off the eligible items, or off each of them.',
    fields: [
      { name: 'amountMinor', label: 'Amount off', kind: 'money' },
      {
        name: 'per',
        label: 'Applies',
        kind: 'choice',
        choices: [
          { value: 'order', label: 'Once per order' },
          { value: 'item', label: 'On every eligible item' },
        ],
      },
    ],
    defaults: { kind: 'fixed', amountMinor: 500, per: 'order' },
  },
  free_shipping: {
    title: 'Free shipping',
    blurb: 'Shipping free, or up to a cap.',
    fields: [
      { name: 'capMinor', label: 'At most', kind: 'money', helper: 'Leave empty for all of it.' },
    ],
    defaults: { kind: 'free_shipping', capMinor: null },
  },
  buy_x_get_y: {
    title: 'Buy X get Y',
    blurb: 'Buy some items, get others free or cheaper (cheapest first).',
    fields: [
      { name: 'buyQuantity', label: 'Buy', kind: 'count' },
      { name: 'buyItems', label: 'Of these items', kind: 'selector', helper: 'Empty: any item.' },
      { name: 'getQuantity', label: 'Get', kind: 'count' },
      {
        name: 'getItems',
        label: 'Of these items',
        kind: 'selector',
        helper: 'Empty: the same items as bought.',
      },
      { name: 'getPercentBp', label: 'At this much off', kind: 'percent', helper: '100% = free.' },
      {
        name: 'maxApplications',
        label: 'At most, per order',
        kind: 'count',
        helper: 'Empty: as often as the cart allows.',
      },
    ],
    defaults: {
      kind: 'buy_x_get_y',
      buyQuantity: 2,
      buyItems: anyLine,
      getQuantity: 1,
      getItems: anyLine,
      getPercentBp: 10_000,
      maxApplications: null,
    },
  },
  tiered: {
    title: 'Tiers',
    blurb: 'More off as the cart grows, by item count or by spend.',
    fields: [
      {
        name: 'basis',
        label: 'Tiers by',
        kind: 'choice',
        choices: [
          { value: 'quantity', label: 'Number of items' },
          { value: 'spend', label: 'Spend' },
        ],
      },
      {
        name: 'reward',
        label: 'Each tier gives',
        kind: 'choice',
        choices: [
          { value: 'percent', label: 'A percent off' },
          { value: 'amount', label: 'An amount off' },
        ],
      },
      { name: 'tiers', label: 'Tiers', kind: 'tiers' },
    ],
    defaults: {
      kind: 'tiered',
      basis: 'quantity',
      reward: 'percent',
      tiers: [
        { from: 2, value: 500 },
        { from: 5, value: 1000 },
      ],
    },
  },
  none: {
    title: 'No discount (tracking)',
    blurb: 'The code only attributes the sale to its source or promoter.',
    fields: [],
    defaults: { kind: 'none' },
  },
}

/**
 * The largest share of an item's price the discount can take, for the creation policy's
 * "at most 30% off"; null when the discount is not a percentage (amounts, shipping).
 */
export function maxPercentBp(discount: DiscountSpec): number | null {
  switch (discount.kind) {
    case 'percent':
      return discount.percentBp
    case 'tiered':
      return discount.reward === 'percent'
        ? Math.max(...discount.tiers.map((tier) => tier.value))
        : null
    case 'buy_x_get_y':
      // On the same items, "buy 2 get 1 free" is a third off every unit in the deal.
      return selectsEverything(discount.getItems)
        ? Math.floor(
            (discount.getPercentBp * discount.getQuantity) /
              (discount.buyQuantity + discount.getQuantity),
          )
        : discount.getPercentBp
    default:
      return null
  }
}
