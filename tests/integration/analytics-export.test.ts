import ExcelJS from 'exceljs'
import { parse } from 'csv-parse/sync'
import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { BREAKDOWN_DIMENSIONS, type Breakdown } from '../../src/shared/contract/analytics'
import { minorToMajor } from '../../src/shared/money'
import { failureOf } from '../fixtures/api-failure'
import { createShop, saleInput, type Shop } from '../fixtures/shop'
import { tableOf, type SheetRows } from '../fixtures/xlsx'
import { openTestWorkspace, type TestWorkspace } from '../fixtures/workspace'

const MONEY_FORMAT = '#,##0.00 "EUR"'
const MARCH = { from: '2026-03-01', to: '2026-03-31' }
const major = (minor: number) => minorToMajor(minor, 'EUR')

let ws: TestWorkspace
let shop: Shop
let businessId: number

/**
 * Jay's 10 % code on two sales (one partly refunded), a code of a campaign named "=cmd" on one,
 * a tracking campaign's code on one, and a sale without a code; commission is 10 %.
 */
beforeEach(async () => {
  ws = await openTestWorkspace()
  shop = await createShop(ws.call)
  businessId = shop.business.id
  await ws.call('program.update', {
    businessId,
    program: { rule: { kind: 'percent', rateBp: 1000 } },
  })
  const cmd = await ws.call('campaigns.create', {
    businessId,
    name: '=cmd',
    discount: { kind: 'percent', percentBp: 500 },
    startsOn: MARCH.from,
    endsOn: MARCH.to,
  })
  await ws.call('codes.create', {
    businessId,
    campaignId: cmd.id,
    code: 'CMD5',
    maxUses: 10,
    maxUsesPerCustomer: 2,
  })
  const tracking = await ws.call('campaigns.create', {
    businessId,
    kind: 'tracking',
    name: 'Instagram',
    discount: { kind: 'none' },
    startsOn: MARCH.from,
    endsOn: MARCH.to,
  })
  await ws.call('codes.create', {
    businessId,
    campaignId: tracking.id,
    code: 'INSTA',
    maxUses: 10,
    maxUsesPerCustomer: 2,
  })
  const first = await ws.call('checkout.commit', saleInput(shop, 'A-1', 'ana@example.com'))
  ws.clock.advance(60_000)
  await ws.call('checkout.commit', {
    ...saleInput(shop, 'A-2', 'ben@example.com'),
    location: 'Lyon',
  })
  ws.clock.advance(60_000)
  await ws.call('checkout.commit', {
    ...saleInput(shop, 'A-3', 'cleo@example.com'),
    code: 'CMD5',
    channel: 'phone',
  })
  ws.clock.advance(60_000)
  await ws.call('checkout.commit', {
    ...saleInput(shop, 'A-4', 'dan@example.com'),
    code: 'INSTA',
    channel: 'online',
  })
  ws.clock.advance(60_000)
  await ws.call('checkout.commit', {
    ...saleInput(shop, 'A-5', 'eve@example.com'),
    code: undefined,
  })
  ws.clock.advance(60_000)
  await ws.call('sales.reverse', {
    businessId,
    entryId: first.entryId,
    kind: 'refund',
    amountMinor: 1000,
    reason: 'One loaf was stale',
    requestId: 'refund-a1',
  })
})
afterEach(() => ws.close())

async function exported(
  input: { what: 'dashboard' | Breakdown['by']; format?: 'xlsx' | 'csv' },
  from = MARCH.from,
  to = MARCH.to,
) {
  const { jobId } = await ws.call('exports.analytics', { businessId, from, to, ...input })
  const job = await ws.settle(jobId)
  if (job.status !== 'done') throw new Error(`Export ${job.status}: ${job.message ?? ''}`)
  return ws.jobs.fileOf(jobId)
}

async function workbook(path: string) {
  const book = new ExcelJS.Workbook()
  await book.xlsx.readFile(path)
  return book
}

function rowsOf(
  book: ExcelJS.Workbook,
  name: string,
): { sheet: ExcelJS.Worksheet; rows: SheetRows } {
  const sheet = book.getWorksheet(name)
  if (!sheet) throw new Error(`No sheet ${name}`)
  const rows: SheetRows = []
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    rows[number - 1] = Array.isArray(row.values) ? row.values.slice(1) : []
  })
  return { sheet, rows: Array.from(rows, (row) => row ?? []) }
}

const figures = (row: Breakdown['totals']) => [
  row.orders,
  row.redemptions,
  major(row.revenueMinor),
  major(row.discountMinor),
  major(row.commissionMinor),
]

describe('analytics export', () => {
  it('writes each breakdown with a total row equal to the API’s totals', async () => {
    for (const by of BREAKDOWN_DIMENSIONS) {
      const api = await ws.call('analytics.breakdown', { businessId, ...MARCH, by })
      const file = await exported({ what: by })
      expect(file.fileName).toBe(`analytics-${by}-Corner-Bakery-2026-03-01-to-2026-03-31.xlsx`)
      const { rows } = rowsOf(await workbook(file.path), `By ${by}`)
      const first = by.charAt(0).toUpperCase() + by.slice(1)
      const { header, data } = tableOf(rows, first)
      const extra = by === 'campaign' ? 1 : 0
      expect(header.slice(1 + extra)).toEqual([
        'Orders',
        'Redemptions',
        'Revenue',
        'Discount given',
        'Commission cost',
      ])
      expect(data).toHaveLength(api.rows.length + 1)
      const total = data[data.length - 1] ?? []
      expect(total[0]).toBe('Total')
      expect(total.slice(1 + extra)).toEqual(figures(api.totals))
      for (const [index, row] of api.rows.entries())
        expect(data[index]?.slice(1 + extra)).toEqual(figures(row))
    }
  })

  it('neutralizes a campaign named "=cmd" and writes money as numbers in the currency format', async () => {
    const api = await ws.call('analytics.breakdown', { businessId, ...MARCH, by: 'campaign' })
    const file = await exported({ what: 'campaign' })
    const { sheet, rows } = rowsOf(await workbook(file.path), 'By campaign')
    const { data } = tableOf(rows, 'Campaign')
    const cmd = data.find((row) => String(row[0]).includes('=cmd'))
    expect(cmd?.[0]).toBe("'=cmd")
    expect(cmd?.[1]).toBe('Discount')
    expect(data.find((row) => row[0] === 'Instagram')?.slice(0, 3)).toEqual([
      'Instagram',
      'Tracking',
      1,
    ])
    const revenueCell = sheet.getRow(rows.indexOf(cmd ?? []) + 1).getCell(5)
    const apiCmd = api.rows.find((row) => row.label === '=cmd')
    expect(revenueCell.value).toBe(major(apiCmd?.revenueMinor ?? -1))
    expect(revenueCell.numFmt).toBe(MONEY_FORMAT)

    const csv = await exported({ what: 'campaign', format: 'csv' })
    expect(csv.fileName.endsWith('.csv')).toBe(true)
    const lines = parse(readFileSync(csv.path, 'utf8').replace(/^\uFEFF/, '')) as string[][]
    expect(lines[0]).toEqual([
      'Campaign',
      'Kind',
      'Orders',
      'Redemptions',
      'Revenue (EUR)',
      'Discount given (EUR)',
      'Commission cost (EUR)',
    ])
    expect(lines.some((line) => line[0] === "'=cmd")).toBe(true)
    expect(lines.some((line) => line[0] === '=cmd')).toBe(false)
    expect(lines[lines.length - 1]).toEqual([
      'Total',
      '',
      String(api.totals.orders),
      String(api.totals.redemptions),
      (api.totals.revenueMinor / 100).toFixed(2),
      (api.totals.discountMinor / 100).toFixed(2),
      (api.totals.commissionMinor / 100).toFixed(2),
    ])
  })

  it('writes the dashboard: the chart’s series, the figures against the period before, the change', async () => {
    const board = await ws.call('analytics.dashboard', { businessId, ...MARCH })
    const book = await workbook((await exported({ what: 'dashboard' })).path)
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['Over time', 'Summary', 'Change'])

    const series = tableOf(rowsOf(book, 'Over time').rows, 'Day')
    expect(series.data).toHaveLength(31 + 1)
    expect(series.data[9]?.[0]).toEqual(new Date(Date.UTC(2026, 2, 10)))
    expect(series.data[9]?.slice(1)).toEqual(figures(board.series[9] ?? board.current))
    const total = series.data[31] ?? []
    expect(total[0]).toBe('Total')
    expect(total.slice(1)).toEqual(figures(board.current))

    const summary = tableOf(rowsOf(book, 'Summary').rows, 'Period')
    const m = board.current
    expect(summary.data[0]).toEqual([
      'This period',
      new Date(Date.UTC(2026, 2, 1)),
      new Date(Date.UTC(2026, 2, 31)),
      m.orders,
      m.redemptions,
      major(m.revenueMinor),
      major(m.reversedMinor),
      major(m.averageOrderMinor),
      major(m.discountMinor),
      major(m.commissionMinor),
      major(m.netRevenueMinor),
      m.newCustomers,
    ])
    expect(m.orders).toBe(5)
    expect(m.reversedMinor).toBe(-1000)
    expect(summary.data[1]?.slice(0, 4)).toEqual([
      'Period before',
      // The same 31 days just before.
      new Date(Date.UTC(2026, 0, 29)),
      new Date(Date.UTC(2026, 1, 28)),
      0,
    ])

    const change = tableOf(rowsOf(book, 'Change').rows, 'Figure')
    expect(change.data[0]).toEqual(['Orders', undefined, 'No previous data'])
  })

  it('writes the chart’s data to CSV, one row per day and no total row', async () => {
    const board = await ws.call('analytics.dashboard', { businessId, ...MARCH })
    const file = await exported({ what: 'dashboard', format: 'csv' })
    const lines = parse(readFileSync(file.path, 'utf8').replace(/^\uFEFF/, '')) as string[][]
    expect(lines[0]).toEqual([
      'Day',
      'Orders',
      'Redemptions',
      'Revenue (EUR)',
      'Discount given (EUR)',
      'Commission cost (EUR)',
    ])
    expect(lines).toHaveLength(32)
    const tenth = board.series[9]
    expect(lines[10]).toEqual([
      '2026-03-10',
      String(tenth?.orders),
      String(tenth?.redemptions),
      ((tenth?.revenueMinor ?? 0) / 100).toFixed(2),
      ((tenth?.discountMinor ?? 0) / 100).toFixed(2),
      ((tenth?.commissionMinor ?? 0) / 100).toFixed(2),
    ])
  })

  it('charts a year by month in the workbook and refuses a range that runs backwards', async () => {
    const book = await workbook(
      (await exported({ what: 'dashboard' }, '2026-01-01', '2026-12-31')).path,
    )
    const series = tableOf(rowsOf(book, 'Over time').rows, 'Month')
    expect(series.data).toHaveLength(12 + 1)
    expect(series.data[2]?.[0]).toEqual(new Date(Date.UTC(2026, 2, 1)))
    const backwards = await failureOf(
      ws.call('exports.analytics', {
        businessId,
        from: '2026-03-31',
        to: '2026-03-01',
        what: 'code',
      }),
    )
    expect(backwards.code).toBe('invalid_input')
  })
})
