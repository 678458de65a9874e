import { writeSync } from 'node:fs'
import { checkoutHandlers } from '../../../src/main/api/checkout.handlers'
import type { HandlerContext } from '../../../src/main/api/context'
import { DomainError } from '../../../src/main/api/domain-error'
import { openWorkspace, type Workspace } from '../../../src/main/db/database'
import { checkoutContract } from '../../../src/shared/contract/checkout'
import type { Refusal } from '../../../src/shared/refusals'
import type { RedeemLoopJob } from './redeem-loop-protocol'

/**
 * A second app instance in its own process: it commits sales through `checkout.commit` one after
 * another and says which were acknowledged, for the crash-safety and process concurrency tests.
 *
 * It prints READY once its modules are loaded and waits for a line on stdin before selling, so a
 * test can load the next process while the current one works, or start two together. After each commit
 * returns it prints `ACK <orderRef>` with a synchronous write: once the sale is acknowledged the
 * line is in the pipe, whenever the process is killed. It calls the checkout handler without the
 * full handler set, whose exports code (exceljs) would double the start-up time of each process.
 */
const print = (line: string) => writeSync(1, `${line}\n`)
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function sell(db: Workspace, job: RedeemLoopJob): Promise<void> {
  const context = { db, clock: { now: () => job.now } } as HandlerContext
  const commit = checkoutHandlers(context)['checkout.commit']
  for (let index = 0; job.attempts === null || index < job.attempts; index++) {
    const orderRef = `${job.orderPrefix}-${index}`
    const input = checkoutContract['checkout.commit'].input.parse({
      businessId: job.businessId,
      code: job.code,
      customer: { email: `customer${index % job.customers}@example.com` },
      cart: { lines: [{ sku: 'BRD-SOUR', quantity: 1, unitPriceMinor: 1000 }], shippingMinor: 300 },
      orderRef,
    })
    try {
      await commit(input)
      print(`ACK ${orderRef}`)
    } catch (error) {
      if (!(error instanceof DomainError)) throw error
      const refusal = error.extra.details?.refusal as Refusal | undefined
      print(`REFUSED ${orderRef} ${refusal?.reason ?? error.code}`)
    }
    if (job.pauseMs > 0) await pause(job.pauseMs)
  }
}

async function main(job: RedeemLoopJob): Promise<void> {
  const opened = job.openBeforeReady ? await openWorkspace(job.file) : null
  print('READY')
  await new Promise((resolve) => process.stdin.once('data', resolve))
  const db = opened ?? (await openWorkspace(job.file))
  await sell(db, job)
  await db.close()
}

main(JSON.parse(process.argv[2] ?? '{}') as RedeemLoopJob).catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
