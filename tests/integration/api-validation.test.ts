import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestWorkspace, type TestWorkspace } from '../fixtures/workspace'
import { createShop, saleInput, type Shop } from '../fixtures/shop'
import { failureOf } from '../fixtures/api-failure'
import { dispatch } from '../../src/main/api'

let ws: TestWorkspace
let shop: Shop

beforeEach(async () => {
  ws = await openTestWorkspace()
  shop = await createShop(ws.call)
})
afterEach(() => ws.close())

describe('input validation at the boundary', () => {
  it('names the offending field in a readable message', async () => {
    const failure = await failureOf(
      ws.call('checkout.validate', {
        ...saleInput(shop, 'x', 'jane@example.com'),
        cart: { lines: [{ sku: 'A', quantity: 0, unitPriceMinor: 100 }] },
      }),
    )
    expect(failure.code).toBe('invalid_input')
    expect(failure.field).toBe('cart.lines.0.quantity')
    expect(failure.message).toBe('Cart lines 1 quantity: At least 1.')
  })

  it('lists every problem for forms that show them beside each input', async () => {
    const failure = await failureOf(
      ws.call('businesses.create', { name: ' ', currency: 'EURO', timeZone: 'Nowhere/Town' }),
    )
    expect(failure.issues.map((issue) => issue.field)).toEqual(['name', 'currency', 'timeZone'])
  })

  it('refuses non-integer money and a code both typed and patterned', async () => {
    const money = await failureOf(
      ws.call('checkout.validate', {
        ...saleInput(shop, 'x', 'jane@example.com'),
        cart: { lines: [{ sku: 'A', quantity: 1, unitPriceMinor: 12.5 }] },
      }),
    )
    expect(money.field).toBe('cart.lines.0.unitPriceMinor')
    const both = await failureOf(
      ws.call('codes.create', {
        businessId: shop.business.id,
        campaignId: shop.campaign.id,
        code: 'TYPED',
        pattern: 'P-####',
        maxUses: 1,
        maxUsesPerCustomer: 1,
      }),
    )
    expect(both.field).toBe('code')
  })

  it('answers envelopes, never throws, for unknown methods and missing input', async () => {
    expect(await dispatch(ws.handlers, 'nope.nothing', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_method' },
    })
    expect(await dispatch(ws.handlers, 'businesses.list', undefined)).toMatchObject({ ok: true })
    expect(await dispatch(ws.handlers, 'codes.list', null)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'businessId' },
    })
  })

  it('answers not_found for a business that does not exist', async () => {
    const failure = await failureOf(ws.call('codes.list', { businessId: 9999 }))
    expect(failure).toMatchObject({ code: 'not_found', field: 'businessId' })
  })
})
