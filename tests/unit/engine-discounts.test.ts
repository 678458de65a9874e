import { describe, expect, it } from 'vitest'
import { evaluateSale } from '../../src/main/engine/evaluate'
import type { DiscountSpec } from '../../src/shared/promotions/discounts'
import { anyLine, everyLine } from '../../src/shared/promotions/selectors'
import type { EngineCart } from '../../src/main/engine/types'
import { cartOf, explained, line, promotion, saleWith } from '../fixtures/engine'

const shoes = (price: number, quantity = 1) => line('SHOE', price, quantity, { category: 'Shoes' })
const socks = (price: number, quantity = 1) => line('SOCK', price, quantity, { category: 'Socks' })

function run(discount: DiscountSpec, cart: EngineCart) {
  return evaluateSale(saleWith(promotion({ discount }), cart))
}

interface Case {
  name: string
  discount: DiscountSpec
  cart: EngineCart
  lines: number[]
  shipping?: number
}

const bxgy = (
  extra: Partial<Extract<DiscountSpec, { kind: 'buy_x_get_y' }>> = {},
): DiscountSpec => ({
  kind: 'buy_x_get_y',
  buyQuantity: 2,
  buyItems: anyLine,
  getQuantity: 1,
  getItems: anyLine,
  getPercentBp: 10_000,
  maxApplications: null,
  ...extra,
})

const cases: Case[] = [
  // Percent: rounded half up per line, after quantity.
  {
    name: 'percent per line',
    discount: { kind: 'percent', percentBp: 1000 },
    cart: cartOf([shoes(1999, 3)]),
    lines: [600],
  },
  {
    name: 'percent on a zero-priced line',
    discount: { kind: 'percent', percentBp: 5000 },
    cart: cartOf([shoes(0), socks(1000)]),
    lines: [0, 500],
  },
  {
    name: '100% off',
    discount: { kind: 'percent', percentBp: 10_000 },
    cart: cartOf([shoes(1234)]),
    lines: [1234],
  },
  // Fixed: prorated by largest remainder; never more than the lines.
  {
    name: 'fixed per order, prorated',
    discount: { kind: 'fixed', amountMinor: 1000, per: 'order' },
    cart: cartOf([shoes(1000), socks(2000)]),
    lines: [333, 667],
  },
  {
    name: 'fixed larger than the order',
    discount: { kind: 'fixed', amountMinor: 99_999, per: 'order' },
    cart: cartOf([shoes(1500), socks(500)]),
    lines: [1500, 500],
  },
  {
    name: 'fixed per item',
    discount: { kind: 'fixed', amountMinor: 300, per: 'item' },
    cart: cartOf([shoes(1000, 2), socks(200, 3)]),
    lines: [600, 600],
  },
  // Free shipping, whole or capped.
  {
    name: 'free shipping',
    discount: { kind: 'free_shipping', capMinor: null },
    cart: cartOf([shoes(1000)], 495),
    lines: [0],
    shipping: 495,
  },
  {
    name: 'free shipping up to a cap',
    discount: { kind: 'free_shipping', capMinor: 300 },
    cart: cartOf([shoes(1000)], 495),
    lines: [0],
    shipping: 300,
  },
  // Buy X get Y.
  {
    name: 'buy 2 get 1, same items, cheapest given',
    discount: bxgy(),
    cart: cartOf([shoes(3000), socks(500), shoes(2000)]),
    lines: [0, 500, 0],
  },
  { name: 'buy 2 get 1 repeats', discount: bxgy(), cart: cartOf([shoes(1000, 6)]), lines: [2000] },
  {
    name: 'buy 2 get 1 at most once',
    discount: bxgy({ maxApplications: 1 }),
    cart: cartOf([shoes(1000, 6)]),
    lines: [1000],
  },
  {
    name: 'buy 2 get 1 at 50% off',
    discount: bxgy({ getPercentBp: 5000 }),
    cart: cartOf([shoes(1000, 3)]),
    lines: [500],
  },
  {
    name: 'buy 2 shoes get socks free',
    discount: bxgy({
      buyItems: { ...anyLine, categories: ['shoes'] },
      getItems: { ...anyLine, categories: ['Socks'] },
    }),
    cart: cartOf([shoes(5000, 2), socks(800, 2)]),
    lines: [0, 800],
  },
  {
    name: 'a unit is bought or given, never both',
    discount: bxgy({ buyQuantity: 1, getItems: { ...anyLine, skus: ['SHOE'] } }),
    cart: cartOf([shoes(1000, 1)]),
    lines: [0],
  },
  // Tiers.
  {
    name: 'tiers by quantity: 5% from 2, 10% from 5',
    discount: {
      kind: 'tiered',
      basis: 'quantity',
      reward: 'percent',
      tiers: [
        { from: 2, value: 500 },
        { from: 5, value: 1000 },
      ],
    },
    cart: cartOf([shoes(1000, 3)]),
    lines: [150],
  },
  {
    name: 'tiers by quantity, top tier',
    discount: {
      kind: 'tiered',
      basis: 'quantity',
      reward: 'percent',
      tiers: [
        { from: 2, value: 500 },
        { from: 5, value: 1000 },
      ],
    },
    cart: cartOf([shoes(1000, 3), socks(500, 2)]),
    lines: [300, 100],
  },
  {
    name: 'tiers by spend: 10.00 from 100.00, 25.00 from 200.00',
    discount: {
      kind: 'tiered',
      basis: 'spend',
      reward: 'amount',
      tiers: [
        { from: 10_000, value: 1000 },
        { from: 20_000, value: 2500 },
      ],
    },
    cart: cartOf([shoes(15_000), socks(5_000)]),
    lines: [1875, 625],
  },
]

describe('discount kinds', () => {
  it.each(cases)('$name', ({ discount, cart, lines, shipping = 0 }) => {
    const result = run(discount, cart)
    expect(result.lines.map((entry) => entry.discountMinor)).toEqual(lines)
    expect(result.totals.shippingDiscountMinor).toBe(shipping)
    expect(result.totals.discountMinor).toBe(lines.reduce((sum, part) => sum + part, 0))
  })

  it('buy 1 get 1 with a quantity of 1 does not apply, and says what is missing', () => {
    const result = explained(
      saleWith(promotion({ discount: bxgy({ buyQuantity: 1 }) }), cartOf([shoes(1000)])),
    )
    const [outcome] = result.promotions
    expect(outcome?.status).toBe('refused')
    expect(outcome?.refusal?.reason).toBe('deal_incomplete')
    expect(outcome?.refusal?.hint).toBe('Add 1 more qualifying item to unlock buy 1 get 1 free.')
    expect(result.totals.discountMinor).toBe(0)
  })

  it('buy X get Y counts only the deals the given items allow', () => {
    const deal = bxgy({
      getItems: { ...anyLine, categories: ['Socks'] },
      buyItems: { ...anyLine, categories: ['Shoes'] },
    })
    const result = explained(
      saleWith(promotion({ discount: deal }), cartOf([shoes(5000, 4), socks(800)])),
    )
    const check = result.promotions[0]?.checks.find((entry) => entry.rule === 'deal')
    expect(check?.label).toBe('Buy 2 get 1: applies once')
    expect(result.totals.discountMinor).toBe(800)
  })

  it('tiers: below the first tier says how far it is, above it offers the next', () => {
    const tiered: DiscountSpec = {
      kind: 'tiered',
      basis: 'quantity',
      reward: 'percent',
      tiers: [
        { from: 2, value: 500 },
        { from: 5, value: 1000 },
      ],
    }
    const below = explained(saleWith(promotion({ discount: tiered }), cartOf([shoes(1000)])))
    expect(below.promotions[0]?.refusal?.hint).toBe('Add 1 more item to unlock 5% off.')
    const within = explained(saleWith(promotion({ discount: tiered }), cartOf([shoes(1000, 3)])))
    expect(within.promotions[0]?.hint).toBe('Add 2 more items to get 10% off.')
    const spend: DiscountSpec = {
      ...tiered,
      basis: 'spend',
      tiers: [{ from: 10_000, value: 1000 }],
    }
    const short = explained(saleWith(promotion({ discount: spend }), cartOf([shoes(8750)])))
    expect(short.promotions[0]?.refusal?.hint).toBe('Add €12.50 more to unlock 10% off.')
  })

  it('only eligible lines are discounted: include, exclude, sale and out-of-stock items', () => {
    const cart = cartOf([
      shoes(1000),
      line('SALE-SHOE', 1000, 1, { category: 'Shoes', onSale: true }),
      line('GONE-SHOE', 1000, 1, { category: 'Shoes', inStock: false }),
      line('NIKE-SHOE', 1000, 1, { category: 'Shoes', brand: 'Nike' }),
      socks(1000),
    ])
    const result = evaluateSale(
      saleWith(
        promotion({
          eligible: {
            include: { ...anyLine, categories: ['shoes'] },
            exclude: { ...anyLine, brands: ['NIKE'] },
            excludeSaleItems: true,
            excludeOutOfStock: true,
          },
        }),
        cart,
      ),
    )
    expect(result.lines.map((entry) => entry.discountMinor)).toEqual([100, 0, 0, 0, 0])
  })

  it('refuses a promotion with no eligible item in the cart', () => {
    const result = explained(
      saleWith(
        promotion({ eligible: { ...everyLine, include: { ...anyLine, skus: ['BAG'] } } }),
        cartOf([shoes(1000)]),
      ),
    )
    expect(result.promotions[0]?.refusal?.reason).toBe('no_eligible_items')
  })

  it('tracking codes take nothing off', () => {
    expect(run({ kind: 'none' }, cartOf([shoes(1000)], 500)).totals.totalMinor).toBe(1500)
  })
})

describe('tax', () => {
  it('exclusive prices: tax is added on the discounted lines', () => {
    const result = evaluateSale(
      saleWith(
        promotion(),
        cartOf([shoes(10_000), line('BOOK', 2000, 1, { taxRateBp: 550 })], 500),
        {
          context: { taxMode: 'exclusive', taxRateBp: 2000 },
        },
      ),
    )
    expect(result.lines.map((entry) => entry.taxMinor)).toEqual([1800, 99])
    expect(result.totals).toMatchObject({
      discountMinor: 1200,
      taxMinor: 1899,
      totalMinor: 10_800 + 1899 + 500,
    })
  })

  it('inclusive prices: the tax is the part of the discounted line it contains', () => {
    const result = evaluateSale(
      saleWith(promotion(), cartOf([shoes(12_000)]), {
        context: { taxMode: 'inclusive', taxRateBp: 2000 },
      }),
    )
    // 10,800 includes 20% tax: 10,800 − 9,000 = 1,800.
    expect(result.lines[0]?.taxMinor).toBe(1800)
    expect(result.totals.totalMinor).toBe(10_800)
  })
})

describe('terms read as one sentence', () => {
  it('joins target, conditions and limits with commas where they stand apart', () => {
    const terms = explained(
      saleWith(
        promotion({
          discount: bxgy(),
          eligible: { ...everyLine, include: { ...anyLine, categories: ['Socks'] } },
          conditions: [{ kind: 'schedule', weekdays: [5], from: '18:00', to: '20:00' }],
          maxUsesPerDay: 50,
        }),
        cartOf([socks(500, 3)]),
      ),
    ).promotions[0]?.terms
    expect(terms).toBe('Buy 2 get 1 free, on Socks, Fridays 18:00–20:00, at most 50 uses a day.')
  })

  it('lets the first customer condition read on from the discount', () => {
    const terms = explained(
      saleWith(
        promotion({
          eligible: { ...everyLine, include: { ...anyLine, categories: ['shoes', 'bags'] } },
          conditions: [
            { kind: 'customer_segment', tags: ['loyalty'] },
            { kind: 'schedule', weekdays: [5], from: '18:00', to: '20:00' },
          ],
          code: null,
        }),
        cartOf([shoes(1000)]),
      ),
    ).promotions[0]?.terms
    expect(terms).toBe('10% off shoes and bags for loyalty customers, Fridays 18:00–20:00.')
  })
})
