import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { verifyLedger } from '../../src/main/ledger/verify-ledger'
import { openTestWorkspace, type TestWorkspace } from '../fixtures/workspace'
import { createShop, saleInput, type Shop } from '../fixtures/shop'

let ws: TestWorkspace
let shop: Shop

beforeEach(async () => {
  ws = await openTestWorkspace()
  shop = await createShop(ws.call)
  await ws.call('campaigns.create', {
    businessId: shop.business.id,
    name: 'Capped shipping',
    kind: 'automatic',
    discount: { kind: 'free_shipping' },
    maxUsesPerDay: 100,
  })
  for (let i = 1; i <= 6; i++) {
    await ws.call(
      'checkout.commit',
      saleInput(shop, `V-${i}`, `c${i % 3}@example.com`, {
        cart: { lines: [{ sku: 'A', quantity: 1, unitPriceMinor: 1000 }], shippingMinor: 300 },
      }),
    )
  }
})
afterEach(() => ws.close())

/** Bypasses the app, as someone editing the file with a SQLite tool would. */
function tamper(statement: string) {
  for (const table of [
    'ledger_entries',
    'redemptions',
    'promotion_uses',
    'codes',
    'engagement_events',
    'commissions',
    'order_signals',
    'fraud_case_entries',
  ]) {
    ws.db.sql.run(sql.raw(`drop trigger if exists ${table}_no_update`).compile(ws.db.qb))
    ws.db.sql.run(sql.raw(`drop trigger if exists ${table}_no_delete`).compile(ws.db.qb))
  }
  ws.db.sql.run(sql.raw(statement).compile(ws.db.qb))
}

describe('verifying the ledger', () => {
  it('an untouched ledger verifies, with one head per business', () => {
    const report = verifyLedger(ws.db)
    expect(report).toMatchObject({ ok: true, entries: 6, mismatches: [] })
    expect(report.heads).toHaveLength(1)
  })

  it('an edited amount breaks the chain at that entry', () => {
    tamper(`update ledger_entries set total_minor = 1 where order_ref = 'V-3'`)
    const report = verifyLedger(ws.db)
    expect(report.ok).toBe(false)
    expect(report.mismatches[0]?.message).toMatch(/Entry \d+ \(order V-3\) does not match its hash/)
  })

  it('a removed sale shows as a break in the chain and in the counters', () => {
    tamper(
      `delete from redemptions where entry_id = (select id from ledger_entries where order_ref = 'V-2')`,
    )
    tamper(
      `delete from promotion_uses where entry_id = (select id from ledger_entries where order_ref = 'V-2')`,
    )
    for (const table of ['engagement_events', 'commissions', 'order_signals', 'fraud_case_entries'])
      tamper(
        `delete from ${table} where entry_id = (select id from ledger_entries where order_ref = 'V-2')`,
      )
    tamper(`delete from ledger_entries where order_ref = 'V-2'`)
    const messages = verifyLedger(ws.db).mismatches.map((mismatch) => mismatch.message)
    expect(messages[0]).toMatch(/order V-3\) does not follow the entry before it/)
    expect(messages).toContain('Code JAY10 counts 6 uses, but the ledger holds 5.')
    expect(
      messages.some((message) => message.startsWith('Campaign Capped shipping counts 6 uses')),
    ).toBe(true)
  })

  it('a counter changed behind the ledger’s back is reported', () => {
    tamper(`update codes set uses_count = 2 where id = ${shop.code.id}`)
    expect(verifyLedger(ws.db).mismatches.map((mismatch) => mismatch.message)).toEqual([
      'Code JAY10 counts 2 uses, but the ledger holds 6.',
    ])
  })

  it('runs as a job on its own connection and speaks only of the asking business', async () => {
    const { jobId } = await ws.call('ledger.verify', { businessId: shop.business.id })
    const done = await ws.settle(jobId)
    expect(done.status).toBe('done')
    expect(done.total).toBe(6)
    expect(done.message).toMatch(
      /^The ledger verifies: 6 entries checked, .* Head hash [0-9a-f]{64}\.$/,
    )
    const other = await createShop(ws.call, { name: 'Other shop', code: 'OTHER10' })
    await ws.call('checkout.commit', saleInput(other, 'O-1', 'ana@example.com'))
    tamper(`update ledger_entries set total_minor = 1 where order_ref = 'O-1'`)
    const mine = await ws.settle(
      (await ws.call('ledger.verify', { businessId: shop.business.id })).jobId,
    )
    expect(mine.message).toMatch(/^The ledger verifies/)
    const theirs = await ws.settle(
      (await ws.call('ledger.verify', { businessId: other.business.id })).jobId,
    )
    expect(theirs.status).toBe('failed')
    expect(theirs.message).toMatch(/^The ledger does not verify: Entry \d+ \(order O-1\)/)
  })
})
