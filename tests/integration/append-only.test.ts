import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestWorkspace, type TestWorkspace } from '../fixtures/workspace'
import { createShop, saleInput, type Shop } from '../fixtures/shop'

let ws: TestWorkspace
let shop: Shop

beforeEach(async () => {
  ws = await openTestWorkspace()
  shop = await createShop(ws.call)
  await ws.call('checkout.commit', saleInput(shop, 'ORD-1', 'jane@example.com'))
})
afterEach(() => ws.close())

describe('the database itself keeps the ledger append-only', () => {
  it('refuses UPDATE and DELETE on ledger entries', () => {
    const { db } = ws
    expect(() => db.sql.run(db.qb.updateTable('ledger_entries').set({ total_minor: 0 }))).toThrow(
      /ledger_entries is append-only/,
    )
    expect(() => db.sql.run(db.qb.deleteFrom('ledger_entries'))).toThrow(
      /ledger_entries is append-only/,
    )
  })

  it('refuses UPDATE and DELETE on redemptions', () => {
    const { db } = ws
    expect(() => db.sql.run(db.qb.updateTable('redemptions').set({ discount_minor: 0 }))).toThrow(
      /redemptions is append-only/,
    )
    expect(() => db.sql.run(db.qb.deleteFrom('redemptions'))).toThrow(/redemptions is append-only/)
  })

  it('chains each entry to the previous one by hash', async () => {
    await ws.call('checkout.commit', saleInput(shop, 'ORD-2', 'john@example.com'))
    const entries = ws.db.sql.all(
      ws.db.qb.selectFrom('ledger_entries').select(['prev_hash', 'hash']).orderBy('id'),
    )
    expect(entries[0]?.prev_hash).toBe('0'.repeat(64))
    expect(entries[1]?.prev_hash).toBe(entries[0]?.hash)
    expect(entries[1]?.hash).toMatch(/^[0-9a-f]{64}$/)
  })
})

describe('codes are immutable once created, except for being active', () => {
  const immutable = {
    code: 'CHANGED',
    code_key: 'CHANGED',
    max_uses: 1000,
    max_uses_per_customer: 99,
    starts_at: 0,
    ends_at: null,
    promoter_id: null,
    created_at: 0,
  } as const

  it.each(Object.entries(immutable))('refuses a change of %s', (column, value) => {
    const { db } = ws
    expect(() =>
      db.sql.run(
        db.qb
          .updateTable('codes')
          .set({ [column]: value })
          .where('id', '=', shop.code.id),
      ),
    ).toThrow(/codes are immutable/)
  })

  it('allows deactivating and reactivating through the API', async () => {
    const input = { businessId: shop.business.id, codeId: shop.code.id }
    const off = await ws.call('codes.setActive', { ...input, active: false })
    expect(off).toMatchObject({ active: false, state: 'inactive', maxUses: 20, code: 'JAY10' })
    const on = await ws.call('codes.setActive', { ...input, active: true })
    expect(on).toMatchObject({ active: true, state: 'active', uses: 1 })
  })

  it('refuses to push uses past the limit, whatever the caller checked', () => {
    const { db } = ws
    expect(() =>
      db.sql.run(db.qb.updateTable('codes').set({ uses_count: 21 }).where('id', '=', shop.code.id)),
    ).toThrow(/CHECK constraint failed/)
  })
})
