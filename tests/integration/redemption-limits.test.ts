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

function ledgerCount(): number {
  const row = ws.db.sql.first(
    ws.db.qb.selectFrom('ledger_entries').select((eb) => eb.fn.countAll<number>().as('n')),
  )
  return Number(row?.n)
}

describe('a 20-use, 2-per-customer code', () => {
  it('is created through the API with its derived state and no uses', () => {
    expect(shop.code).toMatchObject({
      code: 'JAY10',
      promoterName: 'Jay Martin',
      maxUses: 20,
      maxUsesPerCustomer: 2,
      state: 'active',
      uses: 0,
    })
  })

  it('redeems 20 times for 20 customers, then refuses the 21st as exhausted', async () => {
    for (let i = 1; i <= 20; i++) {
      const receipt = await ws.call(
        'checkout.commit',
        saleInput(shop, `ORD-${i}`, `customer${i}@example.com`),
      )
      expect(receipt.duplicate).toBe(false)
      expect(receipt.evaluation.totals).toMatchObject({ subtotalMinor: 5000, discountMinor: 500 })
    }
    const failure = await failureOf(
      ws.call('checkout.commit', saleInput(shop, 'ORD-21', 'customer21@example.com')),
    )
    expect(failure.code).toBe('refused')
    expect(failure.field).toBe('code')
    expect(refusalOf(failure).reason).toBe('exhausted')
    expect(failure.message).toContain('all 20 uses')

    expect(ledgerCount()).toBe(20)
    const listed = await ws.call('codes.list', { businessId: shop.business.id })
    expect(listed.rows[0]).toMatchObject({ uses: 20, state: 'exhausted' })
    const validation = await ws.call('checkout.validate', saleInput(shop, 'x', 'new@example.com'))
    expect(validation.refusal?.reason).toBe('exhausted')
  })

  it('refuses a third use by the same customer, also under a Gmail dot/+tag variant', async () => {
    await ws.call('checkout.commit', saleInput(shop, 'A-1', 'jane.doe@gmail.com'))
    await ws.call('checkout.commit', saleInput(shop, 'A-2', 'JaneDoe+spring@gmail.com'))

    for (const variant of ['jane.doe@gmail.com', 'J.A.N.E.D.O.E+x@GoogleMail.com']) {
      const validation = await ws.call('checkout.validate', saleInput(shop, 'A-3', variant))
      expect(validation.refusal?.reason).toBe('customer_limit')
      const failure = await failureOf(ws.call('checkout.commit', saleInput(shop, 'A-3', variant)))
      expect(failure.code).toBe('refused')
      expect(refusalOf(failure).reason).toBe('customer_limit')
    }
    // Another customer is still welcome, and the refusals took no use.
    await ws.call('checkout.commit', saleInput(shop, 'B-1', 'john@example.com'))
    const listed = await ws.call('codes.list', { businessId: shop.business.id })
    expect(listed.rows[0]?.uses).toBe(3)
    expect(ledgerCount()).toBe(3)
  })

  it('requires an identified customer, since uses per customer are limited', async () => {
    const failure = await failureOf(
      ws.call('checkout.commit', { ...saleInput(shop, 'C-1', 'x@example.com'), customer: {} }),
    )
    expect(refusalOf(failure).reason).toBe('customer_required')
  })

  it('refuses a deactivated code and accepts it again once reactivated', async () => {
    await ws.call('codes.setActive', {
      businessId: shop.business.id,
      codeId: shop.code.id,
      active: false,
    })
    const failure = await failureOf(
      ws.call('checkout.commit', saleInput(shop, 'D-1', 'd@example.com')),
    )
    expect(refusalOf(failure).reason).toBe('inactive')
    const row = await ws.call('codes.setActive', {
      businessId: shop.business.id,
      codeId: shop.code.id,
      active: true,
    })
    expect(row.state).toBe('active')
    await ws.call('checkout.commit', saleInput(shop, 'D-1', 'd@example.com'))
  })

  it('refuses before the window opens and after it closes, in the business zone', async () => {
    // The campaign runs 1–31 March in Paris: it opens at 23:00 UTC on 28 February.
    ws.clock.set(Date.UTC(2026, 1, 28, 22, 59))
    const early = await failureOf(ws.call('checkout.commit', saleInput(shop, 'E-1', 'e@x.com')))
    expect(refusalOf(early).reason).toBe('not_started')
    ws.clock.set(Date.UTC(2026, 1, 28, 23, 0))
    await ws.call('checkout.commit', saleInput(shop, 'E-1', 'e@x.com'))
    // It closes at the end of 31 March in Paris (summer time by then): 22:00 UTC.
    ws.clock.set(Date.UTC(2026, 2, 31, 22, 0))
    const late = await failureOf(ws.call('checkout.commit', saleInput(shop, 'E-2', 'f@x.com')))
    expect(refusalOf(late).reason).toBe('expired')
  })

  it('refuses below the minimum spend with the missing amount', async () => {
    const withMin = await createShop(ws.call, { name: 'Min Spend Shop', minSpendMinor: 6250 })
    const failure = await failureOf(
      ws.call('checkout.commit', saleInput(withMin, 'M-1', 'm@example.com')),
    )
    const refusal = refusalOf(failure)
    expect(refusal.reason).toBe('min_spend')
    expect(refusal.hint).toBe('Add €12.50 more to unlock 10% off.')
  })
})
