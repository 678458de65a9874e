import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestWorkspace, type TestWorkspace } from '../fixtures/workspace'
import { createShop, saleInput, type Shop } from '../fixtures/shop'
import { failureOf } from '../fixtures/api-failure'

let ws: TestWorkspace
let shop: Shop

beforeEach(async () => {
  ws = await openTestWorkspace()
  shop = await createShop(ws.call)
})
afterEach(() => ws.close())

const csv = (text: string) => ({
  name: 'engagements.csv',
  contentBase64: Buffer.from(text, 'utf8').toString('base64'),
})

const importFile = async (text: string) => {
  const started = await ws.call('engagements.import', {
    businessId: shop.business.id,
    file: csv(text),
  })
  if (started.dryRun) throw new Error('Expected a job')
  return ws.settle(started.jobId)
}

describe('importing engagements from a file', () => {
  it('checks every row in a dry run and names the bad cells', async () => {
    const result = await ws.call('engagements.import', {
      businessId: shop.business.id,
      dryRun: true,
      file: csv(
        [
          'promoter;customer;kind;date;note',
          'jay@example.com;ann@example.com;visit;2026-03-02;blog link',
          'Nobody;bob@example.com;visit;2026-03-02;',
          'Jay Martin;C-17;call;2026-03-02;',
          'Jay Martin;C-17;manual;2026-13-40;',
          'Jay Martin;C-17;manual;2026-04-01;',
        ].join('\n'),
      ),
    })
    expect(result).toMatchObject({
      dryRun: true,
      report: { rows: 5, added: 1, alreadyImported: 0, errorCount: 4 },
    })
    if (!result.dryRun) return
    expect(result.report.errors.map((error) => [error.row, error.field])).toEqual([
      [3, 'promoter'],
      [4, 'kind'],
      [5, 'date'],
      [6, 'date'],
    ])
  })

  it('adds the engagements once, and they decide who wins a later sale', async () => {
    const emma = await ws.call('promoters.create', {
      businessId: shop.business.id,
      name: 'Emma Stone',
      email: 'emma@example.com',
    })
    await ws.call('program.update', {
      businessId: shop.business.id,
      program: { attributionModel: 'first', rule: { kind: 'flat', amountMinor: 500 } },
    })
    const file = [
      'promoter,customer,kind,date',
      'emma@example.com,ann@example.com,visit,2026-03-01T09:30',
      'emma@example.com,ann@example.com,visit,2026-03-01T09:30',
    ].join('\n')
    const job = await importFile(file)
    expect(job.status).toBe('done')
    expect(job.message).toBe('1 engagements imported.')
    expect((await importFile(file)).message).toBe('0 engagements imported.')

    const list = await ws.call('engagements.list', { businessId: shop.business.id })
    expect(list.rows).toMatchObject([
      { promoterName: 'Emma Stone', customerLabel: 'ann@example.com', points: 1, events: 1 },
    ])

    // Jay's code is used, but under "first engagement wins" Emma's earlier visit takes the sale.
    const receipt = await ws.call('checkout.commit', saleInput(shop, 'A-1', 'ann@example.com'))
    const attribution = await ws.call('sales.attribution', {
      businessId: shop.business.id,
      entryId: receipt.entryId,
    })
    expect(attribution).toMatchObject({
      promoterId: emma.id,
      reason: 'first',
      commissionMinor: 500,
    })
    expect(attribution.explanation).toBe(
      'Emma Stone earned this sale: the first of 2 live engagements.',
    )
  })

  it('refuses a file with a bad row and adds nothing', async () => {
    const job = await importFile(
      ['promoter,customer,kind,date', 'jay@example.com,ann@example.com,visit,soon'].join('\n'),
    )
    expect(job.status).toBe('failed')
    expect(job.error?.message).toBe(
      'Nothing was imported: row 2, date: Use a date like 2026-11-23 or 2026-11-23T14:05.',
    )
    const list = await ws.call('engagements.list', { businessId: shop.business.id })
    expect(list.total).toBe(0)
  })

  it('refuses a file without the required columns', async () => {
    const failure = await failureOf(
      ws.call('engagements.import', {
        businessId: shop.business.id,
        dryRun: true,
        file: csv('promoter,customer\njay@example.com,ann@example.com'),
      }),
    )
    expect(failure.field).toBe('file')
    expect(failure.message).toMatch(/has no kind, date columns/)
  })
})
