import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestWorkspace, type TestWorkspace } from '../fixtures/workspace'
import { cartOf, createShop, saleInput, type Shop } from '../fixtures/shop'
import type { CodeRow } from '../../src/shared/contract/codes'

let ws: TestWorkspace
let shop: Shop
let annaCode: CodeRow

/** Sales in Auckland (UTC+13 in January), so local days and UTC days differ. */
const AUCKLAND = 'Pacific/Auckland'
const JAN_10_LOCAL_NOON = Date.UTC(2026, 0, 9, 23)
const JAN_11_LOCAL_0030 = Date.UTC(2026, 0, 10, 11, 30) // still 10 January in UTC
const JAN_12_LOCAL_2330 = Date.UTC(2026, 0, 12, 10, 30)

beforeEach(async () => {
  ws = await openTestWorkspace({ now: Date.UTC(2026, 0, 5) })
  shop = await createShop(ws.call, {
    timeZone: AUCKLAND,
    currency: 'NZD',
    startsOn: '2026-01-01',
    endsOn: '2026-01-31',
  })
  const anna = await ws.call('promoters.create', { businessId: shop.business.id, name: 'Anna' })
  annaCode = await ws.call('codes.create', {
    businessId: shop.business.id,
    campaignId: shop.campaign.id,
    code: 'ANNA10',
    promoterId: anna.id,
    maxUses: 20,
    maxUsesPerCustomer: 2,
  })
  // Jay's code: 3 sales on 10 Jan, 2 on 11 Jan; Anna's: 2 on 12 Jan.
  const sales: [Shop['code'], number, number][] = [
    [shop.code, JAN_10_LOCAL_NOON, 1000],
    [shop.code, JAN_10_LOCAL_NOON + 60_000, 2000],
    [shop.code, JAN_10_LOCAL_NOON + 120_000, 3000],
    [shop.code, JAN_11_LOCAL_0030, 4000],
    [shop.code, JAN_11_LOCAL_0030 + 60_000, 5000],
    [annaCode, JAN_12_LOCAL_2330, 6000],
    [annaCode, JAN_12_LOCAL_2330 + 60_000, 7000],
  ]
  for (const [index, [code, at, price]] of sales.entries()) {
    ws.clock.set(at)
    await ws.call('checkout.commit', {
      ...saleInput({ business: shop.business, code }, `ORD-${index + 1}`, `c${index}@example.com`),
      cart: { ...cartOf(price), shippingMinor: 500 },
    })
  }
})
afterEach(() => ws.close())

const list = (filter: Record<string, unknown> = {}) =>
  ws.call('redemptions.list', { businessId: shop.business.id, ...filter })

describe('redemption history', () => {
  it('pages newest first on the server, with totals over the whole filter', async () => {
    const first = await list({ pageSize: 3 })
    expect(first.total).toBe(7)
    expect(first.rows.map((row) => row.orderRef)).toEqual(['ORD-7', 'ORD-6', 'ORD-5'])
    const third = await list({ pageSize: 3, page: 2 })
    expect(third.rows.map((row) => row.orderRef)).toEqual(['ORD-1'])
    // Revenue is order totals after discount, shipping included; discount is 10% of merchandise.
    expect(first.totals).toEqual({
      uses: 7,
      revenueMinor: 28_000 * 0.9 + 7 * 500,
      discountMinor: 2800,
    })
    expect(third.totals).toEqual(first.totals)
  })

  it('describes each redemption', async () => {
    const [newest] = (await list({ pageSize: 1 })).rows
    expect(newest).toMatchObject({
      orderRef: 'ORD-7',
      code: 'ANNA10',
      campaignName: 'Promoter codes',
      promoterName: 'Anna',
      customerLabel: 'c6@example.com',
      channel: 'in_store',
      occurredAt: JAN_12_LOCAL_2330 + 60_000,
      subtotalMinor: 7000,
      discountMinor: 700,
      totalMinor: 6800,
    })
  })

  it('filters by code, case-insensitively, and by promoter', async () => {
    const byCode = await list({ code: 'anna10' })
    expect(byCode.rows.map((row) => row.orderRef)).toEqual(['ORD-7', 'ORD-6'])
    expect(byCode.totals).toEqual({ uses: 2, revenueMinor: 11_700 + 1000, discountMinor: 1300 })
    const byPromoter = await list({ promoterId: shop.promoter.id })
    expect(byPromoter.total).toBe(5)
    expect(byPromoter.totals.discountMinor).toBe(1500)
    expect((await list({ code: 'NOPE' })).total).toBe(0)
  })

  it('reads date ranges as days in the business zone', async () => {
    const day = async (from: string, to = from) =>
      (await list({ from, to })).rows.map((row) => row.orderRef).sort()
    expect(await day('2026-01-10')).toEqual(['ORD-1', 'ORD-2', 'ORD-3'])
    // 00:30 on 11 January in Auckland is still 10 January in UTC.
    expect(await day('2026-01-11')).toEqual(['ORD-4', 'ORD-5'])
    expect(await day('2026-01-12')).toEqual(['ORD-6', 'ORD-7'])
    expect(await day('2026-01-11', '2026-01-12')).toHaveLength(4)
    expect((await list({ from: '2026-01-12' })).total).toBe(2)
    expect((await list({ to: '2026-01-10' })).total).toBe(3)
  })

  it('combines filters', async () => {
    const result = await list({ promoterId: shop.promoter.id, from: '2026-01-11', pageSize: 1 })
    expect(result.total).toBe(2)
    expect(result.rows).toHaveLength(1)
    expect(result.totals.uses).toBe(2)
  })

  it('refuses a range whose last day comes before its first', async () => {
    await expect(list({ from: '2026-01-12', to: '2026-01-10' })).rejects.toMatchObject({
      code: 'invalid_input',
      field: 'to',
    })
  })
})
