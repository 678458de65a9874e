import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { verifyLedger } from '../../src/main/ledger/verify-ledger'
import { createShop, type Shop } from '../fixtures/shop'
import { openTestWorkspace, type TestWorkspace } from '../fixtures/workspace'
import { startRedeemer } from './workers/redeem-loop-process'

const ATTEMPTS_EACH = 30
/** 12 customers × 2 uses each = 24 possible uses: both limits bind. */
const CUSTOMERS = 12

let ws: TestWorkspace
let shop: Shop

beforeEach(async () => {
  ws = await openTestWorkspace()
  shop = await createShop(ws.call) // JAY10: 20 uses, 2 per customer
})
afterEach(() => ws.close())

describe('two processes selling with the same code', () => {
  it('never exceed its total or per-customer limit', async () => {
    const processes = ['A', 'B'].map((name) =>
      startRedeemer({
        file: ws.file,
        now: ws.clock.now(),
        businessId: shop.business.id,
        code: shop.code.code,
        orderPrefix: name,
        customers: CUSTOMERS,
        attempts: ATTEMPTS_EACH,
        openBeforeReady: true,
        // Long enough that a process the scheduler wakes late still finds uses left: the
        // test needs both to sell.
        pauseMs: 10,
      }),
    )
    try {
      await Promise.all(processes.map((process) => process.ready))
      for (const process of processes) process.go()
      for (const process of processes) {
        const exit = await process.exited
        expect(exit.code, exit.stderr).toBe(0)
      }
    } finally {
      for (const process of processes) process.kill()
    }

    const acknowledged = processes.flatMap((process) => process.acknowledged)
    const refused = processes.flatMap((process) => process.refused)
    expect(acknowledged).toHaveLength(20)
    expect(refused).toHaveLength(2 * ATTEMPTS_EACH - 20)
    for (const { reason } of refused) expect(['exhausted', 'customer_limit']).toContain(reason)
    // Both processes sold: the limit held across processes, not inside one.
    for (const process of processes) expect(process.acknowledged.length).toBeGreaterThan(0)

    const { db } = ws
    const entries = db.sql.all(db.qb.selectFrom('ledger_entries').select('order_ref'))
    expect(new Set(entries.map((entry) => entry.order_ref))).toEqual(new Set(acknowledged))
    const code = db.sql.first(
      db.qb.selectFrom('codes').select('uses_count').where('id', '=', shop.code.id),
    )
    expect(code?.uses_count).toBe(20)
    const perCustomer = db.sql.all(
      db.qb
        .selectFrom('redemptions')
        .select((eb) => ['customer_id', eb.fn.countAll<number>().as('uses')])
        .groupBy('customer_id'),
    )
    for (const row of perCustomer) expect(row.uses).toBeLessThanOrEqual(2)
    expect(verifyLedger(db)).toMatchObject({ ok: true, entries: 20, mismatches: [] })
  }, 30_000)
})
