import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { verifyLedger } from '../../src/main/ledger/verify-ledger'
import { openTestWorkspace, type TestWorkspace } from '../fixtures/workspace'
import { createShop, saleInput, type Shop } from '../fixtures/shop'
import { failureOf, refusalOf } from '../fixtures/api-failure'

let ws: TestWorkspace
let shop: Shop
let requests = 0

beforeEach(async () => {
  ws = await openTestWorkspace()
  shop = await createShop(ws.call)
})
afterEach(() => ws.close())

async function sell(orderRef: string, email = 'ana@example.com') {
  // 2 × 25.00 − 10% = 45.00
  return ws.call('checkout.commit', saleInput(shop, orderRef, email))
}

function reverse(entryId: number, input: { kind: 'refund' | 'void'; amountMinor?: number }) {
  requests++
  return ws.call('sales.reverse', {
    businessId: shop.business.id,
    entryId,
    reason: 'Customer returned it',
    requestId: `request-${requests}`,
    ...input,
  })
}

async function codeUses() {
  const row = ws.db.sql.first(
    ws.db.qb.selectFrom('codes').select('uses_count').where('id', '=', shop.code.id),
  )
  return row?.uses_count
}

async function history() {
  return ws.call('redemptions.list', { businessId: shop.business.id })
}

describe('refunds and voids', () => {
  it('a partial refund is a new entry pointing at the sale; the sale is untouched', async () => {
    const sale = await sell('R-1')
    const receipt = await reverse(sale.entryId, { kind: 'refund', amountMinor: 1500 })
    expect(receipt.reversal).toMatchObject({
      kind: 'refund',
      amountMinor: 1500,
      usesReturned: false,
    })
    expect(receipt.sale).toMatchObject({ totalMinor: 4500, refundableMinor: 3000, voided: false })
    const { rows, totals } = await history()
    expect(rows.map((row) => [row.kind, row.orderRef, row.totalMinor, row.discountMinor])).toEqual([
      ['refund', 'R-1', -1500, -167],
      ['sale', 'R-1', 4500, 500],
    ])
    expect(totals).toEqual({ uses: 1, revenueMinor: 3000, discountMinor: 333 })
    expect(await codeUses()).toBe(1)
    expect(verifyLedger(ws.db).ok).toBe(true)
  })

  it('refunds in parts add up to the sale exactly, and never beyond it', async () => {
    const sale = await sell('R-2')
    await reverse(sale.entryId, { kind: 'refund', amountMinor: 1000 })
    await reverse(sale.entryId, { kind: 'refund', amountMinor: 1000 })
    const last = await reverse(sale.entryId, { kind: 'refund' })
    expect(last.reversal.amountMinor).toBe(2500)
    const { totals } = await history()
    expect(totals.revenueMinor).toBe(0)
    expect(totals.discountMinor).toBe(0)
    const failure = await failureOf(reverse(sale.entryId, { kind: 'refund', amountMinor: 1 }))
    expect(failure.message).toBe('Order R-2 is already fully refunded.')
  })

  it('refuses a refund above what is left, naming the field and the amount', async () => {
    const sale = await sell('R-3')
    const failure = await failureOf(reverse(sale.entryId, { kind: 'refund', amountMinor: 4501 }))
    expect(failure.field).toBe('amountMinor')
    expect(failure.message).toBe('At most €45.00 can still be refunded on order R-3.')
  })

  it('a void cancels the sale and gives the use back to the code and the customer', async () => {
    const first = await sell('V-1')
    await sell('V-2')
    // The customer's two uses are taken: a third is refused until one comes back.
    expect(refusalOf(await failureOf(sell('V-3'))).reason).toBe('customer_limit')
    const voided = await reverse(first.entryId, { kind: 'void' })
    expect(voided.reversal).toMatchObject({ kind: 'void', amountMinor: 4500, usesReturned: true })
    expect(await codeUses()).toBe(1)
    await sell('V-3')
    expect((await history()).totals.uses).toBe(2)
    expect(verifyLedger(ws.db)).toMatchObject({ ok: true, mismatches: [] })
    const again = await failureOf(reverse(first.entryId, { kind: 'refund', amountMinor: 100 }))
    expect(again.message).toBe('Order V-1 was already voided.')
  })

  it('a full refund gives the use back only when the business says so', async () => {
    const kept = await sell('F-1')
    await reverse(kept.entryId, { kind: 'refund' })
    expect(await codeUses()).toBe(1)
    await ws.call('businesses.update', {
      businessId: shop.business.id,
      sales: { refundReturnsUse: true, overrideRequired: false, requireCodeChannels: [] },
    })
    const returned = await sell('F-2', 'bo@example.com')
    const receipt = await reverse(returned.entryId, { kind: 'refund' })
    expect(receipt.reversal.usesReturned).toBe(true)
    expect(await codeUses()).toBe(1)
    expect(verifyLedger(ws.db).ok).toBe(true)
  })

  it('a retry with the same request id returns the first result and writes nothing', async () => {
    const sale = await sell('I-1')
    const input = {
      businessId: shop.business.id,
      entryId: sale.entryId,
      kind: 'refund' as const,
      amountMinor: 500,
      reason: 'Damaged',
      requestId: 'same-request-id',
    }
    const first = await ws.call('sales.reverse', input)
    const again = await ws.call('sales.reverse', input)
    expect(again.duplicate).toBe(true)
    expect(again.reversal.entryId).toBe(first.reversal.entryId)
    expect(again.sale.refundableMinor).toBe(4000)
  })

  it('a request id reused for another correction is refused, not answered with the first', async () => {
    const first = await sell('U-1')
    const second = await sell('U-2', 'bo@example.com')
    const input = { businessId: shop.business.id, reason: 'Oops', requestId: 'reused-request' }
    await ws.call('sales.reverse', {
      ...input,
      entryId: first.entryId,
      kind: 'refund',
      amountMinor: 400,
    })
    const failure = await failureOf(
      ws.call('sales.reverse', { ...input, entryId: second.entryId, kind: 'void' }),
    )
    expect(failure.code).toBe('conflict')
    expect(failure.field).toBe('requestId')
  })

  it('a small partial refund splits its discount over the code and the automatic promotion exactly', async () => {
    await ws.call('campaigns.create', {
      businessId: shop.business.id,
      name: 'One off',
      kind: 'automatic',
      discount: { kind: 'fixed', amountMinor: 100 },
    })
    const sale = await ws.call('checkout.commit', {
      ...saleInput(shop, 'S-1', 'ana@example.com'),
      cart: { lines: [{ sku: 'A', quantity: 1, unitPriceMinor: 1000 }] },
    })
    expect(sale.evaluation.totals.totalMinor).toBe(800)
    for (const amountMinor of [4, 4, 792]) {
      const { reversal } = await reverse(sale.entryId, { kind: 'refund', amountMinor })
      const entry = ws.db.sql.first(
        ws.db.qb
          .selectFrom('ledger_entries')
          .select('discount_minor')
          .where('id', '=', reversal.entryId),
      )
      const rows = [
        ...ws.db.sql.all(
          ws.db.qb
            .selectFrom('redemptions')
            .select('discount_minor')
            .where('entry_id', '=', reversal.entryId),
        ),
        ...ws.db.sql.all(
          ws.db.qb
            .selectFrom('promotion_uses')
            .select('discount_minor')
            .where('entry_id', '=', reversal.entryId),
        ),
      ]
      expect(rows.reduce((sum, row) => sum + row.discount_minor, 0)).toBe(entry?.discount_minor)
    }
    const perRow = (table: 'redemptions' | 'promotion_uses') =>
      ws.db.sql.first(
        ws.db.qb.selectFrom(table).select((eb) => eb.fn.sum<number>('discount_minor').as('n')),
      )?.n
    // Fully refunded: every row's discount is back to zero.
    expect(Number(perRow('redemptions'))).toBe(0)
    expect(Number(perRow('promotion_uses'))).toBe(0)
  })

  it('a sale of another business cannot be reversed from this one', async () => {
    const other = await createShop(ws.call, { name: 'Other shop', code: 'OTHER10' })
    const sale = await ws.call('checkout.commit', saleInput(other, 'O-1', 'ana@example.com'))
    const failure = await failureOf(reverse(sale.entryId, { kind: 'void' }))
    expect(failure.code).toBe('not_found')
  })
})

describe('manual orders and channels', () => {
  const rules = (overrideRequired: boolean, requireCodeChannels: ('online' | 'phone')[] = []) =>
    ws.call('businesses.update', {
      businessId: shop.business.id,
      sales: { refundReturnsUse: false, overrideRequired, requireCodeChannels },
    })

  it('a code on an in-store order needs the manager PIN when the business says so, and the override is on the entry', async () => {
    await rules(true)
    expect((await failureOf(sell('M-1'))).message).toContain('no manager PIN is set')
    const business = await ws.call('businesses.setManagerPin', {
      businessId: shop.business.id,
      pin: '4321',
    })
    expect(business.sales.hasManagerPin).toBe(true)
    expect(JSON.stringify(business)).not.toContain('scrypt')
    const missing = await failureOf(sell('M-1'))
    expect(missing.field).toBe('managerPin')
    const wrong = await failureOf(
      ws.call('checkout.commit', saleInput(shop, 'M-1', 'ana@example.com', { managerPin: '0000' })),
    )
    expect(wrong.message).toBe('That manager PIN is not right.')
    const receipt = await ws.call(
      'checkout.commit',
      saleInput(shop, 'M-1', 'ana@example.com', { managerPin: '4321' }),
    )
    const entry = ws.db.sql.first(
      ws.db.qb
        .selectFrom('ledger_entries')
        .select('details_json')
        .where('id', '=', receipt.entryId),
    )
    expect(JSON.parse(entry?.details_json ?? '{}')).toHaveProperty('override')
    // Online orders are not typed in by a clerk: no override needed.
    await ws.call(
      'checkout.commit',
      saleInput(shop, 'M-2', 'bo@example.com', { channel: 'online' }),
    )
  })

  it('a channel can require a promo code on every order', async () => {
    await rules(false, ['online'])
    const plain = {
      businessId: shop.business.id,
      cart: { lines: [{ sku: 'A', quantity: 1, unitPriceMinor: 1000 }] },
      channel: 'online' as const,
    }
    const evaluation = await ws.call('checkout.validate', plain)
    expect(evaluation.refusal?.reason).toBe('code_required')
    expect(evaluation.refusal?.message).toBe(
      'Every online order needs a promo code at this business.',
    )
    const failure = await failureOf(ws.call('checkout.commit', { ...plain, orderRef: 'C-1' }))
    expect(refusalOf(failure).reason).toBe('code_required')
    await ws.call('checkout.commit', { ...plain, orderRef: 'C-2', channel: 'in_store' })
  })
})
