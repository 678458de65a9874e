import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestWorkspace, type TestWorkspace } from '../fixtures/workspace'
import { createShop, saleInput, type Shop } from '../fixtures/shop'
import {
  allRows,
  checkOrders,
  countRows,
  csv003,
  fileOf,
  finished,
  type Order003,
} from '../fixtures/order-files'
import { ORDER_REJECTIONS } from '../../src/shared/contract/order-imports'
import { verifyLedger } from '../../src/main/ledger/verify-ledger'

let ws: TestWorkspace
let shop: Shop

beforeEach(async () => {
  ws = await openTestWorkspace()
  shop = await createShop(ws.call)
  const businessId = shop.business.id
  await createShop(ws.call, { name: 'Other shop', code: 'OTHER10' })
  const tracking = await ws.call('campaigns.create', {
    businessId,
    name: 'Radio ads',
    kind: 'tracking',
    discount: { kind: 'none' },
    startsOn: '2026-03-01',
    endsOn: '2026-03-31',
  })
  await ws.call('codes.create', {
    businessId,
    campaignId: tracking.id,
    code: 'RADIO1',
    maxUses: 20,
    maxUsesPerCustomer: 2,
  })
  const off = await ws.call('codes.create', {
    businessId,
    campaignId: shop.campaign.id,
    code: 'OFF10',
    maxUses: 20,
    maxUsesPerCustomer: 2,
  })
  await ws.call('codes.setActive', { businessId, codeId: off.id, active: false })
})
afterEach(() => ws.close())

const item = (overrides: Partial<Order003['items'][number]> = {}) => ({
  product: 'BRD-SOUR',
  price: '20.00',
  quantity: '1',
  ...overrides,
})

/** One order per reason, each wrong in that one way only, after two good ones. */
const FILE: Order003[] = [
  {
    id: 'OK-1',
    date: '2026-03-05 10:00',
    email: 'ana@example.com',
    items: [item({ discount: '2.00', coupon: 'JAY10' })],
  },
  {
    id: 'OK-2',
    date: '2026-03-05 11:00',
    email: 'ana@example.com',
    items: [item({ discount: '2.00', coupon: 'JAY10' })],
  },
  // Ana's third use of a 2-per-customer code.
  {
    id: 'LIMIT',
    date: '2026-03-05 12:00',
    email: 'ana@example.com',
    items: [item({ discount: '2.00', coupon: 'JAY10' })],
  },
  { id: '', date: '2026-03-05', items: [item()] },
  { id: 'EMAIL', date: '2026-03-05', email: 'not-an-email', items: [item()] },
  { id: 'NUMBER', date: '2026-03-05', items: [item({ price: '20,00' })] },
  { id: 'DATE', date: '2026-02-30', items: [item()] },
  { id: 'ABOVE', date: '2026-03-05', items: [item({ discount: '20.01' })] },
  { id: 'OK-1', date: '2026-03-06', items: [item()] },
  { id: 'UNKNOWN', date: '2026-03-05', items: [item({ discount: '2.00', coupon: 'NOPE' })] },
  { id: 'ELSEWHERE', date: '2026-03-05', items: [item({ discount: '2.00', coupon: 'other10' })] },
  { id: 'KIND', date: '2026-03-05', items: [item({ coupon: 'RADIO1' })] },
  { id: 'OFF', date: '2026-03-05', items: [item({ discount: '2.00', coupon: 'OFF10' })] },
  {
    id: 'WINDOW',
    date: '2026-04-01 00:00',
    email: 'ben@example.com',
    items: [item({ discount: '2.00', coupon: 'JAY10' })],
  },
]

const EXPECTED: [string | null, string | null, string | null, RegExp | null][] = [
  ['OK-1', null, null, null],
  ['OK-2', null, null, null],
  [
    'LIMIT',
    'limit_reached',
    'COUPON_CODE01',
    /This customer has already used JAY10 2 times, the most allowed\./,
  ],
  [null, 'missing_value', 'ORDER_ID', /Enter the order id in ORDER_ID\./],
  ['EMAIL', 'bad_value', 'EMAIL', /EMAIL “not-an-email” is not an email address\./],
  [
    'NUMBER',
    'bad_number',
    'PRICE01',
    /PRICE01 “20,00” is not an amount in EUR; write it like 1234\.50/,
  ],
  ['DATE', 'bad_date', 'ORDER_DATE', /ORDER_DATE “2026-02-30” is not a date/],
  [
    'ABOVE',
    'discount_above_price',
    'DISCOUNT01',
    /DISCOUNT01 \(20\.01\) is above PRICE01 \(20\.00\)/,
  ],
  ['OK-1', 'duplicate_order', 'ORDER_ID', /Order OK-1 is already on row 2 of this file\./],
  ['UNKNOWN', 'unknown_code', 'COUPON_CODE01', /NOPE is not a code of this business\./],
  ['ELSEWHERE', 'other_business_code', 'COUPON_CODE01', /other10 is a code of another business\./],
  [
    'KIND',
    'wrong_code_kind',
    'COUPON_CODE01',
    /RADIO1 is a tracking code: it gives no discount\. Put it in KEY_CODE\./,
  ],
  ['OFF', 'inactive_code', 'COUPON_CODE01', /OFF10 is switched off/],
  [
    'WINDOW',
    'outside_window',
    'COUPON_CODE01',
    /JAY10 is valid from 2026-03-01 to 2026-03-31; the order is dated 2026-04-01\./,
  ],
]

describe('rejected orders', () => {
  it('gives every order of the file a status, and every rejected one its reason, column and message', async () => {
    const { run, rows } = await checkOrders(ws, shop.business.id, fileOf(csv003(FILE)))
    expect(run.counts).toMatchObject({
      orders: FILE.length,
      accepted: 2,
      rejected: FILE.length - 2,
    })
    expect(rows.map((row) => [row.orderRef, row.reason, row.field])).toEqual(
      EXPECTED.map(([orderRef, reason, field]) => [orderRef, reason, field]),
    )
    rows.forEach((row, index) => {
      const message = EXPECTED[index]?.[3]
      if (message) expect(row.message).toMatch(message)
      else expect(row.message).toBeNull()
    })
    // Every reason of the contract is here but the business rule tested below (a duplicate of
    // the ledger: see order-import.test.ts).
    const seen = new Set(rows.map((row) => row.reason))
    expect(ORDER_REJECTIONS.filter((reason) => !seen.has(reason))).toEqual(['code_required'])
  })

  it('imports the good orders and nothing of the rejected ones, with the same reasons', async () => {
    const { run } = await checkOrders(ws, shop.business.id, fileOf(csv003(FILE)))
    const job = await finished(
      ws,
      ws.call('orderImports.commit', { businessId: shop.business.id, importId: run.id }),
    )
    expect(job.message).toBe(`2 orders imported, ${FILE.length - 2} rejected.`)
    const rows = await allRows(ws, shop.business.id, run.id)
    expect(rows.map((row) => [row.orderRef, row.status, row.reason])).toEqual(
      EXPECTED.map(([orderRef, reason]) => [orderRef, reason ? 'rejected' : 'imported', reason]),
    )
    expect(countRows(ws, 'ledger_entries')).toBe(2)
    expect(countRows(ws, 'redemptions')).toBe(2)
    // Only Ana was recorded: the customers of rejected orders are not created.
    expect(countRows(ws, 'customers')).toBe(1)
    expect(verifyLedger(ws.db).ok).toBe(true)
  })

  it('requires a promo code on every imported order when the business says so', async () => {
    await ws.call('businesses.update', {
      businessId: shop.business.id,
      sales: { refundReturnsUse: false, overrideRequired: false, requireCodeChannels: ['import'] },
    })
    const file = csv003([
      { id: 'T-1', date: '2026-03-05', keyCode: 'RADIO1', items: [item()] },
      { id: 'T-2', date: '2026-03-05', items: [item()] },
    ])
    const { rows } = await checkOrders(ws, shop.business.id, fileOf(file))
    expect(rows.map((row) => [row.orderRef, row.reason, row.field, row.message])).toEqual([
      ['T-1', null, null, null],
      [
        'T-2',
        'code_required',
        'KEY_CODE',
        'Every imported order needs a promo code at this business (Settings, sales rules), and this one has none.',
      ],
    ])
  })

  it('leaves limits to the database at import time: a use taken after the check rejects the order then', async () => {
    const file = csv003([
      {
        id: 'W-1',
        date: '2026-03-05 10:00',
        email: 'ana@example.com',
        items: [item({ discount: '2.00', coupon: 'JAY10' })],
      },
      {
        id: 'W-2',
        date: '2026-03-05 11:00',
        email: 'ben@example.com',
        items: [item({ discount: '2.00', coupon: 'JAY10' })],
      },
    ])
    await ws.call('checkout.commit', saleInput(shop, 'SHOP-1', 'ana@example.com'))
    const { run } = await checkOrders(ws, shop.business.id, fileOf(file))
    expect(run.counts).toMatchObject({ accepted: 2, rejected: 0 })
    // Ana uses her second and last use at the till between the check and the import.
    await ws.call('checkout.commit', saleInput(shop, 'SHOP-2', 'ana@example.com'))

    const job = await finished(
      ws,
      ws.call('orderImports.commit', { businessId: shop.business.id, importId: run.id }),
    )
    expect(job.message).toBe('1 orders imported, 1 rejected.')
    const after = await ws.call('orderImports.get', {
      businessId: shop.business.id,
      importId: run.id,
    })
    expect(after.counts).toMatchObject({ accepted: 1, rejected: 1, acceptedTotalMinor: 1800 })
    const rows = await allRows(ws, shop.business.id, run.id)
    expect(rows.map((row) => [row.orderRef, row.status, row.reason])).toEqual([
      ['W-1', 'rejected', 'limit_reached'],
      ['W-2', 'imported', null],
    ])
    const uses = ws.db.sql.first(
      ws.db.qb.selectFrom('code_customer_uses').select('uses').orderBy('uses', 'desc'),
    )
    expect(uses?.uses).toBe(2)
    expect(verifyLedger(ws.db).ok).toBe(true)
  })
})
