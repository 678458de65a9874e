import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestWorkspace, type TestWorkspace } from '../fixtures/workspace'
import { createShop, cartOf, type Shop } from '../fixtures/shop'
import { HOUR } from '../fixtures/clock'

let ws: TestWorkspace
let shop: Shop

beforeEach(async () => {
  ws = await openTestWorkspace({ now: Date.UTC(2026, 2, 2, 9) })
  shop = await createShop(ws.call)
})
afterEach(() => ws.close())

const sell = async (orderRef: string, email: string, unitPriceMinor: number) => {
  ws.clock.advance(HOUR)
  await ws.call('checkout.commit', {
    businessId: shop.business.id,
    orderRef,
    customer: { email },
    cart: cartOf(unitPriceMinor),
  })
}

describe('what if a campaign had been running', () => {
  it('replays past sales under its rules, at their own time, ignoring its dates', async () => {
    await sell('W-1', 'ana@example.com', 3_000)
    await sell('W-2', 'ben@example.com', 5_000)
    await sell('W-3', 'ana@example.com', 8_000)
    await sell('W-4', 'cleo@example.com', 4_000)
    await ws.call('program.update', {
      businessId: shop.business.id,
      program: { rule: { kind: 'percent', rateBp: 1000 } },
    })
    // Not started yet: April, automatic, 15% from €40.00, new customers only.
    const campaign = await ws.call('campaigns.create', {
      businessId: shop.business.id,
      name: 'Spring welcome',
      kind: 'automatic',
      discount: { kind: 'percent', percentBp: 1500 },
      conditions: [
        { kind: 'min_spend', minMinor: 4_000 },
        { kind: 'new_customer' },
      ],
      startsOn: '2026-04-01',
      endsOn: '2026-04-30',
    })
    const estimate = await ws.call('analytics.whatIf', {
      businessId: shop.business.id,
      campaignId: campaign.id,
      from: '2026-03-01',
      to: '2026-03-31',
    })
    // W-1 spends too little; W-3 is Ana's second order, so she is no longer new.
    expect(estimate).toMatchObject({
      ordersInRange: 4,
      ordersReplayed: 4,
      uses: 2,
      discountMinor: 750 + 600,
      revenueMinor: 4_250 + 3_400,
      commissionMinor: 425 + 340,
    })
  })

  it('says nothing was replayed when the range has no sales', async () => {
    const estimate = await ws.call('analytics.whatIf', {
      businessId: shop.business.id,
      campaignId: shop.campaign.id,
      from: '2026-01-01',
      to: '2026-01-31',
    })
    expect(estimate).toMatchObject({ ordersInRange: 0, ordersReplayed: 0, uses: 0 })
  })
})
