import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { contract } from '../../src/shared/contract'
import { appendEntry } from '../../src/main/ledger/append-entry'
import { legacyFingerprint } from '../../src/main/ledger/legacy-details'
import { DEFAULT_NOW, openTestWorkspace, type TestWorkspace } from '../fixtures/workspace'
import { cartOf, createShop, saleInput, type Shop } from '../fixtures/shop'
import { failureOf } from '../fixtures/api-failure'

let ws: TestWorkspace
let shop: Shop

beforeEach(async () => {
  ws = await openTestWorkspace()
  shop = await createShop(ws.call)
})
afterEach(() => ws.close())

function counts() {
  const count = (table: 'ledger_entries' | 'redemptions') =>
    Number(
      ws.db.sql.first(ws.db.qb.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')))
        ?.n,
    )
  const code = ws.db.sql.first(
    ws.db.qb.selectFrom('codes').select('uses_count').where('id', '=', shop.code.id),
  )
  return {
    entries: count('ledger_entries'),
    redemptions: count('redemptions'),
    uses: code?.uses_count,
  }
}

describe('the order reference makes a commit idempotent', () => {
  it('returns the first receipt for the same order twice and writes one entry', async () => {
    const sale = saleInput(shop, 'WEB-1001', 'jane@example.com')
    const first = await ws.call('checkout.commit', sale)
    ws.clock.advance(60_000)
    const again = await ws.call('checkout.commit', { ...sale, orderRef: ' WEB-1001 ' })

    expect(first.duplicate).toBe(false)
    expect(again.duplicate).toBe(true)
    expect(again.entryId).toBe(first.entryId)
    expect(again.occurredAt).toBe(first.occurredAt)
    expect(again.evaluation).toEqual(first.evaluation)
    expect(counts()).toEqual({ entries: 1, redemptions: 1, uses: 1 })
  })

  it('treats the code case-insensitively when comparing a retry', async () => {
    const sale = saleInput(shop, 'WEB-1002', 'jane@example.com')
    await ws.call('checkout.commit', sale)
    const again = await ws.call('checkout.commit', { ...sale, code: 'jay10' })
    expect(again.duplicate).toBe(true)
  })

  it('refuses the same order reference with a different cart as a conflict', async () => {
    const sale = saleInput(shop, 'WEB-1003', 'jane@example.com')
    await ws.call('checkout.commit', sale)
    const failure = await failureOf(ws.call('checkout.commit', { ...sale, cart: cartOf(9900) }))
    expect(failure.code).toBe('conflict')
    expect(failure.field).toBe('orderRef')
    expect(counts()).toEqual({ entries: 1, redemptions: 1, uses: 1 })
  })

  it('keeps returning the first receipt after the code is used up', async () => {
    const sale = saleInput(shop, 'WEB-1004', 'first@example.com')
    await ws.call('checkout.commit', sale)
    for (let i = 2; i <= 20; i++) {
      await ws.call('checkout.commit', saleInput(shop, `WEB-2${i}`, `c${i}@example.com`))
    }
    expect((await ws.call('checkout.commit', sale)).duplicate).toBe(true)
    expect(counts()).toEqual({ entries: 20, redemptions: 20, uses: 20 })
  })

  it('scopes order references to their business', async () => {
    const other = await createShop(ws.call, { name: 'Northwind' })
    await ws.call('checkout.commit', saleInput(shop, 'SAME-REF', 'a@example.com'))
    const elsewhere = await ws.call(
      'checkout.commit',
      saleInput(other, 'SAME-REF', 'a@example.com'),
    )
    expect(elsewhere.duplicate).toBe(false)
  })
})

describe('orders recorded by the first release', () => {
  it('a retry of an order stored in the old shape is still recognized and answered', async () => {
    const input = saleInput(shop, 'OLD-1', 'ana@example.com')
    const args = contract['checkout.commit'].input.parse(input)
    // What the first release wrote: its evaluation shape and its five-field fingerprint.
    ws.db.sql.transaction(() =>
      appendEntry(ws.db, {
        businessId: shop.business.id,
        timeZone: shop.business.timeZone,
        kind: 'sale',
        orderRef: 'OLD-1',
        idempotencyKey: 'sale:OLD-1',
        customerId: null,
        channel: 'in_store',
        location: null,
        occurredAt: DEFAULT_NOW,
        currency: 'EUR',
        subtotalMinor: 5000,
        discountMinor: 500,
        shippingMinor: 0,
        totalMinor: 4500,
        detailsJson: JSON.stringify({
          fingerprint: legacyFingerprint(args),
          evaluation: {
            code: 'JAY10',
            applies: true,
            refusal: null,
            checks: [{ rule: 'active', ok: true, label: 'The code is active' }],
            campaign: { id: shop.campaign.id, name: shop.campaign.name },
            promoter: { id: shop.promoter.id, name: 'Jay Martin' },
            terms: '10% off.',
            lines: [
              {
                sku: 'BRD-SOUR',
                name: 'Sourdough loaf',
                quantity: 2,
                unitPriceMinor: 2500,
                grossMinor: 5000,
                discountMinor: 500,
                netMinor: 4500,
              },
            ],
            totals: { subtotalMinor: 5000, discountMinor: 500, shippingMinor: 0, totalMinor: 4500 },
          },
        }),
        redemptions: [],
        promotionUses: [],
      }),
    )
    const again = await ws.call('checkout.commit', input)
    expect(again.duplicate).toBe(true)
    expect(again.evaluation.totals).toMatchObject({ totalMinor: 4500, discountMinor: 500 })
    expect(again.evaluation.promotions[0]).toMatchObject({
      campaignName: shop.campaign.name,
      status: 'applied',
    })
    const different = await failureOf(ws.call('checkout.commit', { ...input, code: undefined }))
    expect(different.code).toBe('conflict')
  })
})
