import { Worker } from 'node:worker_threads'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestWorkspace, type TestWorkspace } from '../fixtures/workspace'
import { createShop, type Shop } from '../fixtures/shop'
import type { RedeemJob, RedeemMessage } from './workers/redeem-protocol'

const RACERS = 50
const WORKER = new URL('./workers/redeem.worker.ts', import.meta.url)
/**
 * Workers load the TypeScript sources through tsx. Node 20 does not apply `--import tsx`'s
 * module hooks inside worker threads ("Unknown file extension .ts"), so the worker uses tsx's
 * CommonJS require hook, which installs in the worker's own thread.
 */
const WORKER_EXEC_ARGV = ['--require', 'tsx/cjs']

let ws: TestWorkspace
let shop: Shop

beforeEach(async () => {
  ws = await openTestWorkspace()
  shop = await createShop(ws.call)
})
afterEach(() => ws.close())

type Outcome = Exclude<RedeemMessage, { type: 'ready' }>

/** Starts one worker; resolves `ready` when it has opened the workspace, `done` with its outcome. */
function startRacer(job: RedeemJob) {
  const worker = new Worker(WORKER, { execArgv: WORKER_EXEC_ARGV, workerData: job })
  let markReady: () => void = () => undefined
  const ready = new Promise<void>((resolve) => (markReady = resolve))
  const done = new Promise<Outcome>((resolve, reject) => {
    worker.on('message', (message: RedeemMessage) => {
      if (message.type === 'ready') markReady()
      else resolve(message)
    })
    worker.on('error', reject)
    worker.on('exit', (code) => reject(new Error(`Racer ${job.index} exited with ${code}`)))
  })
  // A racer that fails before it is ready must not leave the test waiting.
  return { worker, ready: Promise.race([ready, done.then(() => undefined)]), done }
}

describe('concurrent redemptions from separate connections', () => {
  it(`let exactly 20 of ${RACERS} racers through a 20-use code`, async () => {
    const startFlag = new SharedArrayBuffer(4)
    const racers = Array.from({ length: RACERS }, (_, index) =>
      startRacer({
        file: ws.file,
        now: ws.clock.now(),
        businessId: shop.business.id,
        code: shop.code.code,
        index,
        startFlag,
      }),
    )
    const flag = new Int32Array(startFlag)
    const release = () => {
      Atomics.store(flag, 0, 1)
      Atomics.notify(flag, 0)
    }
    let outcomes: Outcome[]
    try {
      await Promise.all(racers.map((racer) => racer.ready))
      release()
      outcomes = await Promise.all(racers.map((racer) => racer.done))
    } finally {
      // On failure, no racer may stay blocked on the flag or keep the file open.
      release()
      await Promise.all(racers.map((racer) => racer.worker.terminate()))
    }

    const redeemed = outcomes.flatMap((outcome) => (outcome.type === 'redeemed' ? [outcome] : []))
    const refused = outcomes.flatMap((outcome) => (outcome.type === 'refused' ? [outcome] : []))
    expect(redeemed).toHaveLength(20)
    expect(refused).toHaveLength(30)
    for (const outcome of refused)
      expect(outcome).toMatchObject({ code: 'refused', reason: 'exhausted' })

    const { db } = ws
    const entries = db.sql.all(db.qb.selectFrom('ledger_entries').select(['id', 'order_ref']))
    expect(entries).toHaveLength(20)
    expect(new Set(entries.map((entry) => entry.id))).toEqual(
      new Set(redeemed.map((outcome) => outcome.entryId)),
    )
    const code = db.sql.first(
      db.qb.selectFrom('codes').select('uses_count').where('id', '=', shop.code.id),
    )
    expect(code?.uses_count).toBe(20)
    const redemptions = db.sql.all(db.qb.selectFrom('redemptions').select('id'))
    expect(redemptions).toHaveLength(20)
  }, 120_000) // fifty threads each load the sources; slow on a busy 2-core machine
})
