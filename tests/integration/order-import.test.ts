import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestWorkspace, type TestWorkspace } from '../fixtures/workspace'
import { createShop, type Shop } from '../fixtures/shop'
import { failureOf } from '../fixtures/api-failure'
import {
  checkOrders,
  countRows,
  csv003,
  fileOf,
  importOrders,
  type Order003,
} from '../fixtures/order-files'
import { verifyLedger } from '../../src/main/ledger/verify-ledger'
import type { ImportedDetails } from '../../src/main/orders/record-order'

let ws: TestWorkspace
let shop: Shop

beforeEach(async () => {
  ws = await openTestWorkspace()
  shop = await createShop(ws.call)
  const tracking = await ws.call('campaigns.create', {
    businessId: shop.business.id,
    name: 'Radio ads',
    kind: 'tracking',
    discount: { kind: 'none' },
    startsOn: '2026-03-01',
    endsOn: '2026-03-31',
  })
  await ws.call('codes.create', {
    businessId: shop.business.id,
    campaignId: tracking.id,
    code: 'RADIO1',
    maxUses: 20,
    maxUsesPerCustomer: 2,
  })
})
afterEach(() => ws.close())

const businessId = () => shop.business.id

function entries() {
  return ws.db.sql.all(
    ws.db.qb
      .selectFrom('ledger_entries')
      .select([
        'id',
        'order_ref',
        'idempotency_key',
        'channel',
        'occurred_at',
        'subtotal_minor',
        'discount_minor',
        'total_minor',
        'customer_id',
        'details_json',
      ])
      .orderBy('id'),
  )
}

function redemptionsOf(entryId: number) {
  return ws.db.sql.all(
    ws.db.qb
      .selectFrom('redemptions as r')
      .innerJoin('codes as c', 'c.id', 'r.code_id')
      .select(['c.code', 'r.discount_minor', 'r.promoter_id', 'r.channel'])
      .where('r.entry_id', '=', entryId)
      .orderBy('r.id'),
  )
}

const usesOf = (code: string) =>
  ws.db.sql.first(ws.db.qb.selectFrom('codes').select('uses_count').where('code', '=', code))
    ?.uses_count

// Source 003's worked example is the first item of W-1001: PRICE 20.00 × QUANTITY 3 with
// DISCOUNT 5.00 → gross 60.00, discount 15.00.
const MULTI_ITEM: Order003[] = [
  {
    id: 'W-1001',
    date: '2026-03-05 10:00',
    email: 'ana@example.com',
    items: [
      { product: 'BRD-SOUR', price: '20.00', quantity: '3', discount: '5.00', coupon: 'JAY10' },
      { product: 'CFE-BEAN', price: '14.50', quantity: '2' },
    ],
  },
  {
    id: 'W-1002',
    date: '2026-03-06T18:30:00+01:00',
    email: 'Ana+shop@Example.com',
    keyCode: 'RADIO1',
    items: [
      { product: 'BRD-SOUR', price: '20.00', quantity: '3', discount: '2.00', coupon: 'jay10' },
      { product: 'PAS-CROI', price: '1.20', quantity: '5', discount: '0.12', coupon: 'JAY10' },
      { product: 'CAK-OPERA', price: '4.80', quantity: '1' },
    ],
  },
  {
    id: 'W-1003',
    date: '2026-03-07',
    items: [{ product: 'BRD-SOUR', price: '9.99', quantity: '1' }],
  },
]

describe('source 003 layout', () => {
  it('checks multi-item orders without writing to the ledger, flagging discounts the engine would not give', async () => {
    const { run, rows } = await checkOrders(ws, businessId(), fileOf(csv003(MULTI_ITEM)))
    expect(run).toMatchObject({ status: 'checked', rows: 3, canImport: true })
    expect(run.counts).toEqual({
      orders: 3,
      accepted: 3,
      rejected: 0,
      flagged: 1,
      acceptedSubtotalMinor: 8900 + 6600 + 480 + 999,
      acceptedDiscountMinor: 1500 + 660,
      acceptedTotalMinor: 7400 + 6420 + 999,
    })
    expect(
      rows.map((row) => [
        row.orderRef,
        row.status,
        row.discountMinor,
        row.engineDiscountMinor,
        row.flagged,
      ]),
    ).toEqual([
      ['W-1001', 'will_import', 1500, 600, true],
      ['W-1002', 'will_import', 660, 660, false],
      ['W-1003', 'will_import', 0, null, false],
    ])
    expect(rows[1]?.codes).toEqual(['RADIO1', 'jay10'])
    expect(countRows(ws, 'ledger_entries')).toBe(0)
    expect(countRows(ws, 'customers')).toBe(0)
  })

  it('imports each order as one ledger entry on its own date, with item-level coupons and the tracking code', async () => {
    const { run, rows, job } = await importOrders(ws, businessId(), fileOf(csv003(MULTI_ITEM)))
    expect(job.message).toBe(
      '3 orders imported, 0 rejected, 1 with a discount the engine would not have given.',
    )
    expect(run).toMatchObject({ status: 'done', processed: 3, imported: 3, canImport: false })
    expect(rows.every((row) => row.status === 'imported')).toBe(true)

    const [first, second, third] = entries()
    expect(first).toMatchObject({
      order_ref: 'W-1001',
      idempotency_key: 'import:W-1001',
      channel: 'import',
      occurred_at: Date.UTC(2026, 2, 5, 9, 0), // 10:00 in Paris
      subtotal_minor: 8900,
      discount_minor: 1500,
      total_minor: 7400,
    })
    const details = JSON.parse(first?.details_json ?? '{}') as ImportedDetails
    expect(details).toMatchObject({ engineDiscountMinor: 600, flagged: true, sourceChannel: 'web' })
    expect(details.lines[0]).toMatchObject({
      sku: 'BRD-SOUR',
      quantity: 3,
      unitPriceMinor: 2000,
      discountMinor: 1500,
    })
    expect(redemptionsOf(first?.id ?? 0)).toEqual([
      { code: 'JAY10', discount_minor: 1500, promoter_id: shop.promoter.id, channel: 'import' },
    ])

    expect(second).toMatchObject({
      occurred_at: Date.UTC(2026, 2, 6, 17, 30),
      discount_minor: 660,
      total_minor: 6420,
    })
    expect(redemptionsOf(second?.id ?? 0)).toEqual([
      { code: 'RADIO1', discount_minor: 0, promoter_id: null, channel: 'import' },
      { code: 'JAY10', discount_minor: 660, promoter_id: shop.promoter.id, channel: 'import' },
    ])
    // Ana with a +tag and capitals is the customer of W-1001, as at checkout.
    expect(second?.customer_id).toBe(first?.customer_id)
    expect(third).toMatchObject({ customer_id: null, discount_minor: 0 })
    expect(redemptionsOf(third?.id ?? 0)).toEqual([])

    expect(usesOf('JAY10')).toBe(2)
    expect(usesOf('RADIO1')).toBe(1)
    expect(countRows(ws, 'customers')).toBe(1)
    expect(verifyLedger(ws.db)).toMatchObject({ ok: true, entries: 3 })

    const history = await ws.call('redemptions.list', { businessId: businessId() })
    expect(history.rows.map((row) => [row.orderRef, row.code, row.channel])).toEqual([
      ['W-1002', 'JAY10', 'import'],
      ['W-1002', 'RADIO1', 'import'],
      ['W-1001', 'JAY10', 'import'],
    ])
  })

  it('adds nothing when the same file is imported again: every order is a duplicate', async () => {
    const file = fileOf(csv003(MULTI_ITEM))
    await importOrders(ws, businessId(), file)
    const again = await checkOrders(ws, businessId(), file)
    expect(again.run.counts).toMatchObject({ orders: 3, accepted: 0, rejected: 3 })
    expect(again.run.canImport).toBe(false)
    expect(again.rows.map((row) => [row.reason, row.message])).toEqual(
      MULTI_ITEM.map((order) => [
        'duplicate_order',
        `Order ${order.id} is already in the ledger; importing it again would count it twice.`,
      ]),
    )
    const refused = await failureOf(
      ws.call('orderImports.commit', { businessId: businessId(), importId: again.run.id }),
    )
    expect(refused.message).toBe('This file has no order to import.')
    expect(countRows(ws, 'ledger_entries')).toBe(3)
    expect(usesOf('JAY10')).toBe(2)
  })
})
