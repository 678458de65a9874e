import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openWorkspace } from '../../src/main/db/database'
import { verifyLedger } from '../../src/main/ledger/verify-ledger'
import { createShop, type Shop } from '../fixtures/shop'
import { openTestWorkspace, type TestWorkspace } from '../fixtures/workspace'
import { startRedeemer, type RedeemerProcess } from './workers/redeem-loop-process'

const KILLS = 24
/** Each process is killed this long (at most) after it was told to start: during open, recovery, a commit. */
const MAX_LIFETIME_MS = 250
/** Processes started ahead: loading the sources with tsx takes longer than a run (more do not help on 2 cores). */
const PRELOADED = 1

let ws: TestWorkspace
let shop: Shop

beforeEach(async () => {
  ws = await openTestWorkspace()
  shop = await createShop(ws.call)
  // A code without a total limit, so every process can sell; per-customer and daily counters
  // are still kept (and recounted by the verification).
  await ws.call('businesses.updatePolicy', {
    businessId: shop.business.id,
    policy: { ...shop.business.policy, maxUsesPerCode: null, maxUsesPerCustomer: null },
  })
  await ws.call('codes.create', {
    businessId: shop.business.id,
    campaignId: shop.campaign.id,
    code: 'CRASH',
    maxUses: null,
    maxUsesPerCustomer: 1_000_000,
  })
  await ws.call('campaigns.create', {
    businessId: shop.business.id,
    name: 'Free shipping, capped daily',
    kind: 'automatic',
    discount: { kind: 'free_shipping' },
    maxUsesPerDay: 1_000_000,
  })
  // The test's own connection is closed: the killed process may be the last one with the file open.
  await ws.db.close()
})
afterEach(() => ws.close())

/** Deterministic per seed, so that a failing run can be replayed. */
function randomFrom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('crash safety', () => {
  it(`keeps every acknowledged sale and a verifiable ledger through ${KILLS} SIGKILLs`, async () => {
    const seed = Date.now()
    const random = randomFrom(seed)
    const runs: RedeemerProcess[] = []
    const start = (run: number) =>
      startRedeemer({
        file: ws.file,
        now: ws.clock.now(),
        businessId: shop.business.id,
        code: 'CRASH',
        orderPrefix: `RUN${run}`,
        customers: 7,
        attempts: null,
        openBeforeReady: false,
        pauseMs: 0,
      })
    // The next processes load their modules while the current one sells.
    const queue = Array.from({ length: PRELOADED }, (_, run) => start(run))
    try {
      for (let run = 0; run < KILLS; run++) {
        const current = queue.shift()!
        runs.push(current)
        await current.ready
        current.go()
        queue.push(start(run + PRELOADED))
        await sleep(random() * MAX_LIFETIME_MS)
        current.kill()
        const exit = await current.exited
        expect(exit.signal, `run ${run} (seed ${seed}) ended by itself: ${exit.stderr}`).toBe(
          'SIGKILL',
        )
      }
    } finally {
      for (const waiting of queue) waiting.kill()
    }

    const db = await openWorkspace(ws.file)
    try {
      expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }])
      const report = verifyLedger(db)
      expect(report.mismatches, `seed ${seed}`).toEqual([])
      expect(report.ok).toBe(true)

      const inLedger = new Set(
        db.sql
          .all(db.qb.selectFrom('ledger_entries').select('order_ref'))
          .map((row) => row.order_ref),
      )
      const acknowledged = runs.flatMap((run) => run.acknowledged)
      const lost = acknowledged.filter((orderRef) => !inLedger.has(orderRef))
      expect(lost, `seed ${seed}`).toEqual([])
      // A process may be killed after its commit and before its acknowledgement, once per run.
      expect(inLedger.size - acknowledged.length).toBeLessThanOrEqual(KILLS)
      expect(report.entries).toBe(inLedger.size)
      // The test did sell, across many runs.
      expect(acknowledged.length).toBeGreaterThan(KILLS)
      expect(runs.filter((run) => run.acknowledged.length > 0).length).toBeGreaterThan(KILLS / 3)
      console.log(
        `crash safety: ${KILLS} kills, ${acknowledged.length} acknowledged, ${inLedger.size} in the ledger (seed ${seed})`,
      )
    } finally {
      await db.close()
    }
  }, 60_000)
})
