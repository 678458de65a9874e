import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestWorkspace, type TestWorkspace } from '../fixtures/workspace'
import { createShop, saleInput, type Shop } from '../fixtures/shop'
import { failureOf, refusalOf } from '../fixtures/api-failure'

let ws: TestWorkspace
let shop: Shop

beforeEach(async () => {
  ws = await openTestWorkspace()
  shop = await createShop(ws.call)
})
afterEach(() => ws.close())

function count(table: 'promotion_uses' | 'redemptions' | 'ledger_entries'): number {
  const row = ws.db.sql.first(
    ws.db.qb.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')),
  )
  return Number(row?.n)
}

async function automatic(input: Record<string, unknown>) {
  return ws.call('campaigns.create', {
    businessId: shop.business.id,
    kind: 'automatic',
    startsOn: '2026-03-01',
    endsOn: '2026-03-31',
    ...input,
  } as never)
}

describe('automatic promotions through the API', () => {
  it('apply without a code, stack with the code, and are recorded on the sale', async () => {
    const shipping = await automatic({ name: 'Free shipping', discount: { kind: 'free_shipping' } })
    const receipt = await ws.call(
      'checkout.commit',
      saleInput(shop, 'A-1', 'ana@example.com', {
        cart: {
          lines: [{ sku: 'BRD-SOUR', quantity: 2, unitPriceMinor: 2500 }],
          shippingMinor: 495,
        },
      }),
    )
    const { evaluation } = receipt
    expect(evaluation.applies).toBe(true)
    expect(evaluation.promotions.map((p) => [p.campaignName, p.status])).toEqual([
      ['Promoter codes', 'applied'],
      ['Free shipping', 'applied'],
    ])
    expect(evaluation.totals).toMatchObject({
      discountMinor: 500,
      shippingDiscountMinor: 495,
      totalMinor: 4500,
    })
    expect(count('redemptions')).toBe(1)
    const uses = ws.db.sql.all(ws.db.qb.selectFrom('promotion_uses').selectAll())
    expect(uses).toMatchObject([{ campaign_id: shipping.id, discount_minor: 495 }])
    // A sale without a code still gets the automatic promotion.
    const plain = await ws.call('checkout.validate', {
      businessId: shop.business.id,
      cart: { lines: [{ sku: 'BRD-SOUR', quantity: 1, unitPriceMinor: 2500 }], shippingMinor: 300 },
    })
    expect(plain.applies).toBe(false)
    expect(plain.refusal).toBeNull()
    expect(plain.totals.shippingDiscountMinor).toBe(300)
  })

  it('a daily cap is enforced by the database and counted in the business’s day', async () => {
    await automatic({
      name: 'Two a day',
      discount: { kind: 'percent', percentBp: 500 },
      maxUsesPerDay: 2,
    })
    const sell = (ref: string) =>
      ws.call('checkout.commit', {
        businessId: shop.business.id,
        orderRef: ref,
        cart: { lines: [{ sku: 'BRD-SOUR', quantity: 1, unitPriceMinor: 1000 }] },
      })
    expect((await sell('D-1')).evaluation.totals.discountMinor).toBe(50)
    expect((await sell('D-2')).evaluation.totals.discountMinor).toBe(50)
    const third = await sell('D-3')
    expect(third.evaluation.totals.discountMinor).toBe(0)
    expect(third.evaluation.promotions[0]?.refusal?.reason).toBe('daily_cap')
    // 23:30 UTC on 10 March is 00:30 on 11 March in Paris: a new day.
    ws.clock.set(Date.UTC(2026, 2, 10, 23, 30))
    expect((await sell('D-4')).evaluation.totals.discountMinor).toBe(50)
    expect(count('promotion_uses')).toBe(3)
  })

  it('new customers only: the first order counts, the second does not', async () => {
    await automatic({
      name: 'Welcome',
      discount: { kind: 'fixed', amountMinor: 500 },
      conditions: [{ kind: 'new_customer' }],
    })
    const sale = (ref: string, email: string) =>
      ws.call('checkout.commit', {
        businessId: shop.business.id,
        orderRef: ref,
        customer: { email },
        cart: { lines: [{ sku: 'BRD-SOUR', quantity: 1, unitPriceMinor: 3000 }] },
      })
    expect((await sale('N-1', 'Zoe.Doe@gmail.com')).evaluation.totals.discountMinor).toBe(500)
    const again = await sale('N-2', 'zoedoe+promo@gmail.com')
    expect(again.evaluation.totals.discountMinor).toBe(0)
    expect(again.evaluation.promotions[0]?.refusal?.reason).toBe('not_new_customer')
  })

  it('segments come with the sale and stay on the customer', async () => {
    await automatic({
      name: 'Loyalty 15%',
      discount: { kind: 'percent', percentBp: 1500 },
      conditions: [{ kind: 'customer_segment', tags: ['loyalty'] }],
    })
    const base = {
      businessId: shop.business.id,
      customer: { email: 'li@example.com' },
      cart: { lines: [{ sku: 'BRD-SOUR', quantity: 1, unitPriceMinor: 2000 }] },
    }
    await ws.call('checkout.commit', { ...base, orderRef: 'S-1', customerTags: ['Loyalty'] })
    const later = await ws.call('checkout.validate', base)
    expect(later.promotions[0]?.status).toBe('applied')
    expect(later.totals.discountMinor).toBe(300)
  })

  it('catalog facts feed product conditions: category from the catalog, sale items excluded', async () => {
    const product = (sku: string, category: string, onSale = false) =>
      ws.call('products.save', {
        businessId: shop.business.id,
        sku,
        name: sku,
        category,
        priceMinor: 1000,
        onSale,
      })
    await product('SHOE-1', 'Shoes')
    await product('SHOE-2', 'Shoes', true)
    await product('HAT-1', 'Hats')
    await automatic({
      name: 'Shoes 20%',
      discount: { kind: 'percent', percentBp: 2000 },
      eligible: { include: { categories: ['shoes'] }, excludeSaleItems: true },
    })
    const result = await ws.call('checkout.validate', {
      businessId: shop.business.id,
      cart: {
        lines: ['shoe-1', 'SHOE-2', 'HAT-1'].map((sku) => ({
          sku,
          quantity: 1,
          unitPriceMinor: 1000,
        })),
      },
    })
    expect(result.lines.map((entry) => entry.discountMinor)).toEqual([200, 0, 0])
    expect(result.promotions[0]?.terms).toBe('20% off shoes excluding sale items.')
  })

  it('an exclusive promotion that gives more makes the typed code refuse at commit, and nothing is written', async () => {
    await automatic({
      name: 'Quarter off',
      discount: { kind: 'percent', percentBp: 2500 },
      stacking: { mode: 'exclusive', priority: 1 },
    })
    const failure = await failureOf(
      ws.call('checkout.commit', saleInput(shop, 'X-1', 'ana@example.com')),
    )
    expect(refusalOf(failure).reason).toBe('outranked')
    expect(failure.message).toContain('Quarter off')
    expect(count('ledger_entries')).toBe(0)
    const code = ws.db.sql.first(
      ws.db.qb.selectFrom('codes').select('uses_count').where('id', '=', shop.code.id),
    )
    expect(code?.uses_count).toBe(0)
  })

  it('pausing a campaign pauses its codes and its automatic application', async () => {
    await ws.call('campaigns.setActive', {
      businessId: shop.business.id,
      campaignId: shop.campaign.id,
      active: false,
    })
    const failure = await failureOf(
      ws.call('checkout.commit', saleInput(shop, 'P-1', 'ana@example.com')),
    )
    expect(refusalOf(failure).reason).toBe('inactive')
    const auto = await automatic({ name: 'Auto 5%', discount: { kind: 'percent', percentBp: 500 } })
    await ws.call('campaigns.setActive', {
      businessId: shop.business.id,
      campaignId: auto.id,
      active: false,
    })
    const plain = await ws.call('checkout.validate', {
      businessId: shop.business.id,
      cart: { lines: [{ sku: 'A', quantity: 1, unitPriceMinor: 1000 }] },
    })
    expect(plain.promotions).toEqual([])
  })

  it('campaign terms are immutable in the database', () => {
    expect(() =>
      ws.db.sql.run(
        ws.db.qb
          .updateTable('campaigns')
          .set({ discount_json: '{"kind":"percent","percentBp":9000}' })
          .where('id', '=', shop.campaign.id),
      ),
    ).toThrow(/immutable/)
  })

  it('tries a cart against one campaign alone, writing nothing', async () => {
    const tiers = await automatic({
      name: 'Bulk bread',
      discount: {
        kind: 'tiered',
        basis: 'quantity',
        reward: 'percent',
        tiers: [
          { from: 2, value: 500 },
          { from: 5, value: 1000 },
        ],
      },
    })
    const tried = await ws.call('campaigns.tryCart', {
      businessId: shop.business.id,
      campaignId: tiers.id,
      cart: { lines: [{ sku: 'BRD-SOUR', quantity: 3, unitPriceMinor: 1000 }] },
    })
    expect(tried.promotions).toHaveLength(1)
    expect(tried.totals.discountMinor).toBe(150)
    expect(tried.promotions[0]?.hint).toBe('Add 2 more items to get 10% off.')
    expect(count('ledger_entries')).toBe(0)
  })

  it('tax-inclusive businesses report the tax contained in the discounted lines', async () => {
    await ws.call('businesses.update', {
      businessId: shop.business.id,
      tax: { mode: 'inclusive', rateBp: 2000 },
    })
    const receipt = await ws.call('checkout.commit', saleInput(shop, 'T-1', 'ana@example.com'))
    // 2 × 25.00 − 10% = 45.00, of which 20% VAT is 7.50.
    expect(receipt.evaluation.totals).toMatchObject({
      taxMode: 'inclusive',
      taxMinor: 750,
      totalMinor: 4500,
    })
  })

  it('rejects an automatic campaign above the policy’s maximum percent, naming the field', async () => {
    const failure = await failureOf(
      automatic({ name: 'Too much', discount: { kind: 'percent', percentBp: 4000 } }),
    )
    expect(failure.field).toBe('discount')
  })

  it('the time zone cannot change once sales are recorded (days were counted in it)', async () => {
    const move = () =>
      ws.call('businesses.update', { businessId: shop.business.id, timeZone: 'America/New_York' })
    await move()
    await ws.call('businesses.update', { businessId: shop.business.id, timeZone: 'Europe/Paris' })
    await ws.call('checkout.commit', saleInput(shop, 'Z-1', 'ana@example.com'))
    const failure = await failureOf(move())
    expect(failure.field).toBe('timeZone')
    expect(failure.message).toBe(
      'The time zone cannot change once sales are recorded: their days were counted in Europe/Paris.',
    )
  })
})
