import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { openTestWorkspace, type TestWorkspace } from '../fixtures/workspace'
import { createShop, type Shop } from '../fixtures/shop'
import { exportedSheet, tableOf } from '../fixtures/xlsx'
import { failureOf } from '../fixtures/api-failure'
import {
  checkOrders,
  countRows,
  csv003,
  fileOf,
  finished,
  type Order003,
} from '../fixtures/order-files'
import { createHandlers } from '../../src/main/api'
import { localClient } from '../../src/main/api/local-client'
import { findBusiness } from '../../src/main/db/repos/businesses.repo'
import { JobCancelled, type JobControl } from '../../src/main/jobs/job-runner'
import * as ledger from '../../src/main/ledger/append-entry'
import { verifyLedger } from '../../src/main/ledger/verify-ledger'
import { commitImport } from '../../src/main/orders/commit-import'

let ws: TestWorkspace
let shop: Shop

beforeEach(async () => {
  ws = await openTestWorkspace()
  shop = await createShop(ws.call)
})
afterEach(async () => {
  vi.restoreAllMocks()
  await ws.close()
})

/** 2,500 orders, three import chunks; the first ten use JAY10 (ten customers, one use each). */
const THOUSAND_PER_CHUNK = { first: 1_000, next: () => 1_000 }
const ORDERS: Order003[] = Array.from({ length: 2_500 }, (_, index) => ({
  id: `W-${10_000 + index}`,
  date: '2026-03-05 10:00',
  email: index < 10 ? `c${index}@example.com` : undefined,
  items: [
    {
      product: 'BRD-SOUR',
      price: '4.50',
      quantity: String(1 + (index % 3)),
      ...(index < 10 ? { discount: '0.45', coupon: 'JAY10' } : {}),
    },
  ],
}))
const TOTAL_MINOR = ORDERS.reduce((sum, order, index) => {
  const quantity = Number(order.items[0]?.quantity)
  return sum + quantity * 450 - (index < 10 ? quantity * 45 : 0)
}, 0)

function controlThat(onProgress: (done: number, abort: () => void) => void): JobControl {
  const controller = new AbortController()
  return {
    signal: controller.signal,
    progress: (done) => onProgress(done, () => controller.abort()),
    attachFile: () => {},
  }
}

async function checked() {
  const { run } = await checkOrders(ws, shop.business.id, fileOf(csv003(ORDERS)))
  expect(run.counts).toMatchObject({
    orders: 2_500,
    accepted: 2_500,
    acceptedTotalMinor: TOTAL_MINOR,
  })
  return run.id
}

function business() {
  const found = findBusiness(ws.db, shop.business.id)
  if (!found) throw new Error('no business')
  return found
}

/** What the ledger holds: entries, distinct orders and their total. */
function ledgerState() {
  const row = ws.db.sql.first(
    ws.db.qb
      .selectFrom('ledger_entries')
      .select((eb) => [
        eb.fn.countAll<number>().as('entries'),
        eb.fn.count<number>('order_ref').distinct().as('orders'),
        eb.fn.coalesce(eb.fn.sum<number>('total_minor'), eb.lit(0)).as('total'),
      ]),
  )
  return { entries: Number(row?.entries), orders: Number(row?.orders), total: Number(row?.total) }
}

async function resume(importId: number) {
  // A new process: its handlers know nothing of the job that stopped.
  const handlers = createHandlers({
    db: ws.db,
    clock: ws.clock,
    host: { kind: 'browser' },
    exportDir: ws.dir,
  })
  const call = localClient(handlers)
  const { jobId } = await call('orderImports.commit', { businessId: shop.business.id, importId })
  const job = await handlers.context.jobs.settled(jobId)
  expect(job.status).toBe('done')
  return call('orderImports.get', { businessId: shop.business.id, importId })
}

describe('an interrupted import', () => {
  it('stops between chunks when cancelled, keeping whole orders, and resumes without doubling any', async () => {
    const importId = await checked()
    const cancelled = await commitImport(
      ws.db,
      business(),
      importId,
      ws.clock.now(),
      controlThat((done, abort) => done >= 1_000 && abort()),
      THOUSAND_PER_CHUNK,
    ).catch((error: unknown) => error)
    expect(cancelled).toBeInstanceOf(JobCancelled)
    expect((cancelled as JobCancelled).outcome).toBe(
      'Cancelled after 1,000 of 2,500 orders: the 1,000 imported so far are in the ledger, each complete. Import again to resume.',
    )
    const stopped = await ws.call('orderImports.get', { businessId: shop.business.id, importId })
    expect(stopped).toMatchObject({
      status: 'cancelled',
      processed: 1_000,
      imported: 1_000,
      canImport: true,
    })
    expect(ledgerState()).toMatchObject({ entries: 1_000, orders: 1_000 })
    expect(countRows(ws, 'redemptions')).toBe(10)

    const done = await resume(importId)
    expect(done).toMatchObject({
      status: 'done',
      processed: 2_500,
      imported: 2_500,
      importedTotalMinor: TOTAL_MINOR,
    })
    expect(ledgerState()).toEqual({ entries: 2_500, orders: 2_500, total: TOTAL_MINOR })
    expect(verifyLedger(ws.db).ok).toBe(true)
  })

  it('resumes after a crash between chunks: the checkpoint moved with the orders', async () => {
    const importId = await checked()
    const crash = await commitImport(
      ws.db,
      business(),
      importId,
      ws.clock.now(),
      controlThat((done) => {
        if (done >= 2_000) throw new Error('power cut')
      }),
      THOUSAND_PER_CHUNK,
    ).catch((error: unknown) => error)
    expect(crash).toEqual(new Error('power cut'))
    const stopped = await ws.call('orderImports.get', { businessId: shop.business.id, importId })
    expect(stopped).toMatchObject({ status: 'importing', processed: 2_000, canImport: true })
    expect(ledgerState().entries).toBe(2_000)

    expect(await resume(importId)).toMatchObject({ status: 'done', imported: 2_500 })
    expect(ledgerState()).toEqual({ entries: 2_500, orders: 2_500, total: TOTAL_MINOR })
  })

  it('loses a whole chunk, never half of one, when a write fails inside it, and resumes from before it', async () => {
    const importId = await checked()
    const append = ledger.appendEntry
    let calls = 0
    vi.spyOn(ledger, 'appendEntry').mockImplementation((db, draft) => {
      if (++calls === 1_500) throw new Error('disk I/O error')
      return append(db, draft)
    })
    const failed = await commitImport(
      ws.db,
      business(),
      importId,
      ws.clock.now(),
      controlThat(() => {}),
      THOUSAND_PER_CHUNK,
    ).catch((error: unknown) => error)
    expect(failed).toEqual(new Error('disk I/O error'))
    expect(ledgerState().entries).toBe(1_000)
    expect(
      await ws.call('orderImports.get', { businessId: shop.business.id, importId }),
    ).toMatchObject({
      processed: 1_000,
      imported: 1_000,
    })
    vi.restoreAllMocks()
    expect(await resume(importId)).toMatchObject({ status: 'done', imported: 2_500 })
    expect(ledgerState()).toEqual({ entries: 2_500, orders: 2_500, total: TOTAL_MINOR })
    expect(verifyLedger(ws.db).ok).toBe(true)
  })

  it('refuses to import a file twice, and to import one never checked', async () => {
    const importId = await checked()
    await finished(ws, ws.call('orderImports.commit', { businessId: shop.business.id, importId }))
    const again = await failureOf(
      ws.call('orderImports.commit', { businessId: shop.business.id, importId }),
    )
    expect(again.message).toBe(
      'This file is already imported; importing it again would add nothing.',
    )
    const uploaded = await ws.call('orderImports.upload', {
      businessId: shop.business.id,
      file: fileOf(csv003(ORDERS)),
    })
    const unchecked = await failureOf(
      ws.call('orderImports.commit', { businessId: shop.business.id, importId: uploaded.run.id }),
    )
    expect(unchecked.message).toBe('Check the file first: the import follows its dry run.')
  })
})

describe('the error report', () => {
  it('lists each rejected order’s rows as read, with the reason, and neutralizes formula-like cells', async () => {
    const file =
      'ORDER_ID,ORDER_DATE,EMAIL,PRODUCT01,PRICE01,QUANTITY01,NOTE\n' +
      'W-1,2026-03-05,ana@example.com,BRD-SOUR,4.50,1,fine\n' +
      'W-2,2026-03-05,ben@example.com,"=HYPERLINK(""http://evil.example"",""click"")",abc,1,+1+1\n' +
      'W-3,2026-03-05,cleo@example.com,BRD-SOUR,4.50,0,@SUM(A1)\n'
    const { run } = await checkOrders(ws, shop.business.id, fileOf(file))
    expect(run.counts).toMatchObject({ accepted: 1, rejected: 2 })
    const { rows, fileName } = await exportedSheet(
      ws,
      ws.call('orderImports.errorReport', { businessId: shop.business.id, importId: run.id }),
      'Rejected orders',
    )
    expect(fileName).toBe('rejected-orders-Corner-Bakery-2026-03-10.xlsx')
    const { header, data } = tableOf(rows, 'Row')
    expect(header).toEqual([
      'Row',
      'Order',
      'Reason',
      'Column',
      'Problem',
      'ORDER_ID',
      'ORDER_DATE',
      'EMAIL',
      'PRODUCT01',
      'PRICE01',
      'QUANTITY01',
      'NOTE',
    ])
    expect(data).toEqual([
      [
        3,
        'W-2',
        'Bad number',
        'PRICE01',
        'PRICE01 “abc” is not an amount in EUR; write it like 1234.50 (decimal point).',
        'W-2',
        '2026-03-05',
        'ben@example.com',
        `'=HYPERLINK("http://evil.example","click")`,
        'abc',
        '1',
        "'+1+1",
      ],
      [
        4,
        'W-3',
        'Bad number',
        'QUANTITY01',
        'QUANTITY01 “0” is not a whole quantity from 1 to 100,000.',
        'W-3',
        '2026-03-05',
        'cleo@example.com',
        'BRD-SOUR',
        '4.50',
        '0',
        "'@SUM(A1)",
      ],
    ])
  })
})
