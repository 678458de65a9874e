import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestWorkspace, type TestWorkspace } from '../fixtures/workspace'
import { createShop, saleInput, type Shop } from '../fixtures/shop'
import { exportedSheet, tableOf } from '../fixtures/xlsx'
import { headHash } from '../../src/main/ledger/append-entry'

let ws: TestWorkspace
let shop: Shop

/** 2026-03-10 12:00 UTC is 13:00 in Paris; Excel cells carry that wall-clock time. */
const PARIS_1300 = new Date(Date.UTC(2026, 2, 10, 13, 0))

beforeEach(async () => {
  ws = await openTestWorkspace()
  shop = await createShop(ws.call)
  await ws.call('codes.create', {
    businessId: shop.business.id,
    campaignId: shop.campaign.id,
    code: 'NOTE-1',
    maxUses: 5,
    maxUsesPerCustomer: 1,
    note: '=cmd|" /C calc"!A0',
  })
  await ws.call('checkout.commit', saleInput(shop, 'ORD-1', 'jane@example.com'))
  ws.clock.advance(60_000)
  await ws.call('checkout.commit', {
    ...saleInput(shop, '=ORD-2', 'john@example.com'),
    channel: 'phone',
    location: '@SUM(1+1)',
  })
})
afterEach(() => ws.close())

describe('codes export', () => {
  it('writes every code with its parameters, oldest first', async () => {
    const { rows, fileName } = await exportedSheet(
      ws,
      ws.call('exports.codes', { businessId: shop.business.id }),
      'Codes',
    )
    expect(fileName).toBe('codes-Corner-Bakery-2026-03-10.xlsx')
    expect(rows[0]).toEqual(['Codes of Corner Bakery'])
    // Every export carries the ledger's head hash, to compare with a copy held elsewhere.
    expect(String(rows[1]?.[0])).toContain(`Ledger head: ${headHash(ws.db, shop.business.id)}`)
    const { header, data } = tableOf(rows, 'Code')
    expect(header).toEqual([
      'Code',
      'Campaign',
      'Terms',
      'Promoter',
      'Customer',
      'Max uses',
      'Max uses per customer',
      'Starts',
      'Ends',
      'State',
      'Uses',
      'Note',
      'Created',
    ])
    expect(data).toHaveLength(2)
    const [jay, note] = data
    expect(jay?.slice(0, 7)).toEqual([
      'JAY10',
      'Promoter codes',
      '10% off, at most 20 uses in all, at most 2 uses per customer.',
      'Jay Martin',
      undefined,
      20,
      2,
    ])
    // The campaign runs 1–31 March in Paris; the sheet shows the last minute it works.
    expect(jay?.[7]).toEqual(new Date(Date.UTC(2026, 2, 1, 0, 0)))
    expect(jay?.[8]).toEqual(new Date(Date.UTC(2026, 2, 31, 23, 59)))
    expect(jay?.slice(9, 11)).toEqual(['active', 2])
    expect(jay?.[12]).toEqual(PARIS_1300)
    expect(note?.[0]).toBe('NOTE-1')
    expect(note?.[11]).toBe(`'=cmd|" /C calc"!A0`)
  })
})

describe('redemptions export', () => {
  it('writes the filtered history with numeric money and the ledger head hash', async () => {
    const { rows } = await exportedSheet(
      ws,
      ws.call('exports.redemptions', { businessId: shop.business.id }),
      'Redemptions',
    )
    expect(rows[0]).toEqual(['Redemptions of Corner Bakery'])
    expect(rows[1]).toEqual(['Filter: none (every redemption).'])
    const head = headHash(ws.db, shop.business.id)
    expect(head).toMatch(/^[0-9a-f]{64}$/)
    expect(String(rows[2]?.[0])).toContain(`Ledger head: ${head}`)

    const { header, data } = tableOf(rows, 'Occurred')
    expect(header).toEqual([
      'Occurred',
      'Order',
      'Code',
      'Campaign',
      'Promoter',
      'Customer',
      'Channel',
      'Location',
      'Subtotal',
      'Discount',
      'Total',
    ])
    expect(data).toEqual([
      [
        new Date(PARIS_1300.getTime() + 60_000),
        `'=ORD-2`,
        'JAY10',
        'Promoter codes',
        'Jay Martin',
        'john@example.com',
        'phone',
        `'@SUM(1+1)`,
        50,
        5,
        45,
      ],
      [
        PARIS_1300,
        'ORD-1',
        'JAY10',
        'Promoter codes',
        'Jay Martin',
        'jane@example.com',
        'in_store',
        undefined,
        50,
        5,
        45,
      ],
    ])
  })

  it('applies the same filter as the history and names it', async () => {
    const { rows } = await exportedSheet(
      ws,
      ws.call('exports.redemptions', {
        businessId: shop.business.id,
        code: 'jay10',
        promoterId: shop.promoter.id,
        from: '2026-03-10',
        to: '2026-03-10',
      }),
      'Redemptions',
    )
    expect(rows[1]).toEqual([
      'Filter: code JAY10, promoter Jay Martin, from 2026-03-10, to 2026-03-10.',
    ])
    expect(tableOf(rows, 'Occurred').data).toHaveLength(2)
    const empty = await exportedSheet(
      ws,
      ws.call('exports.redemptions', { businessId: shop.business.id, from: '2026-03-11' }),
      'Redemptions',
    )
    expect(tableOf(empty.rows, 'Occurred').data).toHaveLength(0)
  })

  it('formats money cells with the currency decimals', async () => {
    const yen = await createShop(ws.call, { name: 'Tokyo Shop', currency: 'JPY', code: 'YEN10' })
    await ws.call('checkout.commit', saleInput(yen, 'Y-1', 'y@example.com'))
    const { rows } = await exportedSheet(
      ws,
      ws.call('exports.redemptions', { businessId: yen.business.id }),
      'Redemptions',
    )
    // 2 × ¥2,500 less 10%.
    expect(tableOf(rows, 'Occurred').data[0]?.slice(8)).toEqual([5000, 500, 4500])
  })
})
