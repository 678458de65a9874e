import { parentPort, workerData } from 'node:worker_threads'
import { DomainError } from '../../../src/main/api/domain-error'
import { openWorkspace } from '../../../src/main/db/database'
import { findBusiness } from '../../../src/main/db/repos/businesses.repo'
import { commitSale, type CommitArgs } from '../../../src/main/ledger/commit-sale'
import type { Refusal } from '../../../src/shared/refusals'
import type { RedeemJob, RedeemMessage } from './redeem-protocol'

const RACE_BUSY_TIMEOUT_MS = 60_000

/**
 * One racer: opens its own connection to the workspace file (as a second app instance would),
 * reports ready, blocks until every racer is ready, then commits one sale with the shared code.
 * It calls commitSale, what `checkout.commit` runs, directly: the handler set would also load
 * exceljs and zod, and fifty workers loading those cost more time than the race itself.
 */
async function race(job: RedeemJob): Promise<RedeemMessage> {
  const db = await openWorkspace(job.file)
  // Fifty writers queue on one write lock, and SQLite's busy handler polls at 100 ms steps: on a
  // loaded 2-core machine the last racer can wait close to the app's 5 s. This test is about
  // limits, not queueing latency, so racers wait longer rather than fail with SQLITE_BUSY.
  db.pragma(`busy_timeout = ${RACE_BUSY_TIMEOUT_MS}`)
  try {
    const business = findBusiness(db, job.businessId)
    if (!business) throw new Error(`No business ${job.businessId} in ${job.file}`)
    const sale: CommitArgs = {
      businessId: job.businessId,
      code: job.code,
      customer: { email: `racer${job.index}@example.com`, externalId: undefined, phone: undefined },
      cart: { lines: [{ sku: 'BRD-SOUR', quantity: 1, unitPriceMinor: 1000 }], shippingMinor: 0 },
      channel: 'in_store',
      location: undefined,
      orderRef: `RACE-${job.index}`,
      managerPin: undefined,
    }
    send({ type: 'ready' })
    Atomics.wait(new Int32Array(job.startFlag), 0, 0)
    try {
      const receipt = commitSale(db, business, sale, job.now)
      return { type: 'redeemed', index: job.index, entryId: receipt.entryId }
    } catch (error) {
      if (!(error instanceof DomainError)) throw error
      const refusal = error.extra.details?.refusal as Refusal | undefined
      return { type: 'refused', index: job.index, code: error.code, reason: refusal?.reason }
    }
  } finally {
    await db.close()
  }
}

function send(message: RedeemMessage): void {
  parentPort?.postMessage(message)
}

// An uncaught rejection makes the worker emit 'error', which fails the test with its cause.
void race(workerData as RedeemJob).then(send)
