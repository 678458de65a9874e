import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestWorkspace, type TestWorkspace } from '../fixtures/workspace'
import { createShop, saleInput, type Shop } from '../fixtures/shop'
import { exportedSheet, tableOf } from '../fixtures/xlsx'
import { failureOf, refusalOf } from '../fixtures/api-failure'

let ws: TestWorkspace
let bakery: Shop
let outfitters: Shop

beforeEach(async () => {
  ws = await openTestWorkspace()
  bakery = await createShop(ws.call, { name: 'Corner Bakery', code: 'BAKE10' })
  outfitters = await createShop(ws.call, {
    name: 'Northwind Outfitters',
    currency: 'USD',
    timeZone: 'America/New_York',
    code: 'TRAIL10',
  })
  await ws.call('checkout.commit', saleInput(bakery, 'B-1', 'jane@example.com'))
  await ws.call('checkout.commit', saleInput(outfitters, 'N-1', 'jane@example.com'))
  await ws.call('checkout.commit', saleInput(outfitters, 'N-2', 'john@example.com'))
})
afterEach(() => ws.close())

describe('one business never sees another’s data', () => {
  it('in code lists and redemption history', async () => {
    const codes = await ws.call('codes.list', { businessId: bakery.business.id })
    expect(codes.rows.map((row) => row.code)).toEqual(['BAKE10'])
    const history = await ws.call('redemptions.list', { businessId: bakery.business.id })
    expect(history.rows.map((row) => row.orderRef)).toEqual(['B-1'])
    expect(history.totals.uses).toBe(1)
    // Filtering by another business's code or promoter finds nothing.
    expect(
      (await ws.call('redemptions.list', { businessId: bakery.business.id, code: 'TRAIL10' }))
        .total,
    ).toBe(0)
    expect(
      (
        await ws.call('redemptions.list', {
          businessId: bakery.business.id,
          promoterId: outfitters.promoter.id,
        })
      ).total,
    ).toBe(0)
    expect(
      (
        await ws.call('codes.list', {
          businessId: bakery.business.id,
          promoterId: outfitters.promoter.id,
        })
      ).total,
    ).toBe(0)
  })

  it('in exports of codes and redemptions', async () => {
    const codes = await exportedSheet(
      ws,
      ws.call('exports.codes', { businessId: bakery.business.id }),
      'Codes',
    )
    expect(tableOf(codes.rows, 'Code').data.map((row) => row[0])).toEqual(['BAKE10'])
    const redemptions = await exportedSheet(
      ws,
      ws.call('exports.redemptions', { businessId: outfitters.business.id }),
      'Redemptions',
    )
    expect(tableOf(redemptions.rows, 'Occurred').data.map((row) => row[1])).toEqual(['N-2', 'N-1'])
  })

  it('at checkout: another business’s code is refused as such', async () => {
    const failure = await failureOf(
      ws.call('checkout.commit', { ...saleInput(bakery, 'B-2', 'x@example.com'), code: 'trail10' }),
    )
    expect(refusalOf(failure).reason).toBe('wrong_business')
  })

  it('when reaching into another business by id', async () => {
    // Thunks, so each call starts only when its failure is awaited.
    const calls = [
      () =>
        ws.call('codes.setActive', {
          businessId: bakery.business.id,
          codeId: outfitters.code.id,
          active: false,
        }),
      () =>
        ws.call('campaigns.get', {
          businessId: bakery.business.id,
          campaignId: outfitters.campaign.id,
        }),
      () =>
        ws.call('codes.create', {
          businessId: bakery.business.id,
          campaignId: outfitters.campaign.id,
          code: 'SNEAKY',
          maxUses: 1,
          maxUsesPerCustomer: 1,
        }),
      () =>
        ws.call('codes.create', {
          businessId: bakery.business.id,
          campaignId: bakery.campaign.id,
          code: 'SNEAKY',
          promoterId: outfitters.promoter.id,
          maxUses: 1,
          maxUsesPerCustomer: 1,
        }),
      () =>
        ws.call('promoters.update', {
          businessId: bakery.business.id,
          promoterId: outfitters.promoter.id,
          name: 'Renamed',
        }),
    ]
    for (const call of calls) expect((await failureOf(call())).code).toBe('not_found')
    const untouched = await ws.call('codes.list', { businessId: outfitters.business.id })
    expect(untouched.rows[0]?.active).toBe(true)
  })

  it('allows the same code text in two businesses', async () => {
    const twin = await ws.call('codes.create', {
      businessId: outfitters.business.id,
      campaignId: outfitters.campaign.id,
      code: 'bake10',
      maxUses: 1,
      maxUsesPerCustomer: 1,
    })
    expect(twin.code).toBe('BAKE10')
    const receipt = await ws.call('checkout.commit', {
      ...saleInput(bakery, 'B-3', 'new@example.com'),
    })
    expect(receipt.evaluation.promotions[0]?.campaignId).toBe(bakery.campaign.id)
  })

  it('keeps customers apart: the same email is a new customer in each business', async () => {
    await ws.call('checkout.commit', saleInput(bakery, 'B-4', 'jane@example.com'))
    // Jane has now used BAKE10 twice at the bakery; her one use at Northwind does not count.
    const third = await failureOf(
      ws.call('checkout.commit', saleInput(bakery, 'B-5', 'jane@example.com')),
    )
    expect(refusalOf(third).reason).toBe('customer_limit')
    await ws.call('checkout.commit', saleInput(outfitters, 'N-3', 'jane@example.com'))
  })
})
