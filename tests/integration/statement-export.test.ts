import ExcelJS from 'exceljs'
import { parse } from 'csv-parse/sync'
import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { PeriodStatements, Statement } from '../../src/shared/contract/payouts'
import { headHash } from '../../src/main/ledger/append-entry'
import { openTestWorkspace, type TestWorkspace } from '../fixtures/workspace'
import { createShop, saleInput, type Shop } from '../fixtures/shop'
import { tableOf, type SheetRows } from '../fixtures/xlsx'

let ws: TestWorkspace
let shop: Shop
let requests = 0
let buyers = 0

const MONEY_FORMAT = '#,##0.00 "EUR"'
/** 2026-04-05 12:00 UTC: March has ended and can be closed. */
const APRIL_5 = Date.UTC(2026, 3, 5, 12, 0)

interface Sheet {
  name: string
  rows: SheetRows
  sheet: ExcelJS.Worksheet
}

beforeEach(async () => {
  ws = await openTestWorkspace()
  shop = await createShop(ws.call)
  await ws.call('program.update', {
    businessId: shop.business.id,
    program: { rule: { kind: 'percent', rateBp: 1000 } },
  })
})
afterEach(() => ws.close())

/** A promoter with a code of the shop's campaign. */
async function promoter(name: string, code: string, target: Shop = shop) {
  const created = await ws.call('promoters.create', {
    businessId: target.business.id,
    name,
    email: `${code.toLowerCase()}@example.com`,
  })
  await ws.call('codes.create', {
    businessId: target.business.id,
    campaignId: target.campaign.id,
    code,
    promoterId: created.id,
    maxUses: 20,
    maxUsesPerCustomer: 2,
  })
  return created
}

/** A sale of 2 × 25.00 − 10% = 45.00 with `code`: a commission of 4.50 to its promoter. */
async function sell(code: string, orderRef: string, target: Shop = shop) {
  ws.clock.advance(60_000)
  return ws.call(
    'checkout.commit',
    saleInput(
      { ...target, code: { ...target.code, code } },
      orderRef,
      `buyer${++buyers}@example.com`,
    ),
  )
}

function refund(entryId: number, amountMinor: number) {
  return ws.call('sales.reverse', {
    businessId: shop.business.id,
    entryId,
    kind: 'refund',
    amountMinor,
    reason: 'Returned',
    requestId: `refund-${++requests}`,
  })
}

async function exported(periodKey: string, format: 'xlsx' | 'csv', businessId = shop.business.id) {
  const { jobId } = await ws.call('exports.statements', { businessId, periodKey, format })
  const job = await ws.settle(jobId)
  if (job.status !== 'done') throw new Error(`Export ${job.status}: ${job.message ?? ''}`)
  return { job, ...ws.jobs.fileOf(jobId) }
}

async function workbookOf(path: string): Promise<Sheet[]> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.readFile(path)
  return workbook.worksheets.map((sheet) => {
    const rows: SheetRows = []
    sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      rows[rowNumber - 1] = Array.isArray(row.values) ? row.values.slice(1) : []
    })
    return { name: sheet.name, rows: Array.from(rows, (row) => row ?? []), sheet }
  })
}

const major = (minor: number) => minor / 100
const linesTotal = (s: Statement) => s.accruedMinor + s.reversedMinor + s.adjustmentsMinor

function statements(periodKey: string): Promise<PeriodStatements> {
  return ws.call('payouts.statements', { businessId: shop.business.id, periodKey })
}

/** Checks a promoter's sheet against the statement: numeric lines adding up to its total. */
function expectSheetMatches(sheet: Sheet, statement: Statement) {
  const { header, data } = tableOf(sheet.rows, 'Date')
  expect(header).toEqual(['Date', 'Order', 'Type', 'Base', 'Amount', 'Note'])
  const lines = data.slice(0, -1)
  const total = data[data.length - 1]
  for (const line of lines) {
    expect(line[0]).toBeInstanceOf(Date)
    expect(typeof line[3]).toBe('number')
    expect(typeof line[4]).toBe('number')
  }
  const sumMinor = lines.reduce((sum, line) => sum + Math.round(Number(line[4]) * 100), 0)
  expect(sumMinor).toBe(linesTotal(statement))
  expect(total?.[0]).toBe('Total')
  expect(total?.[4]).toBe(major(linesTotal(statement)))
}

describe('statement export (xlsx)', () => {
  it('writes a summary equal to the statements and a sheet per promoter that adds up to it', async () => {
    const cmd = await promoter('=cmd', 'CMD10')
    const samA = await promoter('Sam Lee', 'SAM10')
    const samB = await promoter('Sam Lee', 'LEE10')
    const jaySale = await sell('JAY10', 'J-1')
    await sell('JAY10', 'J-2')
    await sell('CMD10', 'C-1')
    await sell('SAM10', 'S-1')
    await sell('LEE10', 'L-1')
    await sell('LEE10', 'L-2')
    await refund(jaySale.entryId, 1500)

    const expected = await statements('2026-03')
    expect(expected.statements).toHaveLength(4)
    const { path, fileName, job } = await exported('2026-03', 'xlsx')
    expect(fileName).toBe('statements-2026-03-Corner-Bakery-2026-03-10.xlsx')
    expect(job.message).toBe('4 statements and 7 lines exported.')
    // Progress runs once over the whole workbook: the summary, then every promoter's sheet.
    expect([job.done, job.total]).toEqual([4 + 1 + 7 + 4, 4 + 1 + 7 + 4])

    const sheets = await workbookOf(path)
    // Excel's own rules: unique names; a promoter's formula-like name is harmless as a name.
    expect(sheets.map((sheet) => sheet.name)).toEqual([
      'Summary',
      '=cmd',
      'Jay Martin',
      'Sam Lee',
      'Sam Lee (2)',
    ])
    const summary = sheets[0]
    if (!summary) throw new Error('No summary sheet')
    expect(summary.rows[0]).toEqual(['Payout statements of Corner Bakery: March 2026 (2026-03)'])
    expect(String(summary.rows[1]?.[0])).toContain(`Ledger head: ${expected.ledgerHead}`)
    expect(expected.ledgerHead).toBe(headHash(ws.db, shop.business.id))

    const { header, data } = tableOf(summary.rows, 'Promoter')
    expect(header).toEqual([
      'Promoter',
      'Opening',
      'Accrued',
      'Reversed',
      'Adjustments',
      'Pending',
      'Payable',
      'Paid',
      'Paid on',
      'Reference',
      'Closing',
      'Sheet',
    ])
    const figures = (s: Statement) => [
      s.openingMinor,
      s.accruedMinor,
      s.reversedMinor,
      s.adjustmentsMinor,
      s.pendingMinor,
      s.payableMinor,
      s.paidMinor,
    ]
    expect(data.slice(0, -1)).toEqual(
      expected.statements.map((s, index) => [
        // Text that a spreadsheet would run as a formula is neutralized.
        s.promoterName === '=cmd' ? "'=cmd" : s.promoterName,
        ...figures(s).map(major),
        undefined,
        undefined,
        major(s.closingMinor),
        // The cell holds the sheet's name as text: neutralized too.
        sheets[index + 1]?.name === '=cmd' ? "'=cmd" : sheets[index + 1]?.name,
      ]),
    )
    const sum = (pick: (s: Statement) => number) =>
      major(expected.statements.reduce((total, s) => total + pick(s), 0))
    expect(data[data.length - 1]).toEqual([
      'Total',
      sum((s) => s.openingMinor),
      sum((s) => s.accruedMinor),
      sum((s) => s.reversedMinor),
      sum((s) => s.adjustmentsMinor),
      sum((s) => s.pendingMinor),
      sum((s) => s.payableMinor),
      sum((s) => s.paidMinor),
      undefined,
      undefined,
      sum((s) => s.closingMinor),
    ])
    // Money is a numeric cell in the currency's format.
    const accruedCell = summary.sheet.getRow(summary.rows.indexOf(data[0] ?? []) + 1).getCell(3)
    expect(accruedCell.value).toBe(major(expected.statements[0]?.accruedMinor ?? -1))
    expect(accruedCell.numFmt).toBe(MONEY_FORMAT)

    for (const [index, statement] of expected.statements.entries()) {
      const sheet = sheets[index + 1]
      if (!sheet) throw new Error(`No sheet for ${statement.promoterName}`)
      expectSheetMatches(sheet, statement)
    }
    const jay = sheets.find((sheet) => sheet.name === 'Jay Martin')
    const jayLines = tableOf(jay?.rows ?? [], 'Date').data.slice(0, -1)
    expect(jayLines.map((line) => [line[1], line[2], line[4]])).toEqual([
      ['J-1', 'sale', 4.5],
      ['J-2', 'sale', 4.5],
      ['J-1', 'reversal', -1.5],
    ])
    // 2026-03-10 12:01 UTC is 13:01 in Paris: the cell carries the shop's wall-clock time.
    expect(jayLines[0]?.[0]).toEqual(new Date(Date.UTC(2026, 2, 10, 13, 1)))
    expect(cmd.id).not.toBe(samA.id)
    expect(samA.id).not.toBe(samB.id)
  })

  it('a closed period shows the head stored at closing; a later refund is an adjustment of the next', async () => {
    const sale = await sell('JAY10', 'J-1')
    await sell('JAY10', 'J-2')
    ws.clock.set(APRIL_5)
    await ws.call('payouts.close', { businessId: shop.business.id, periodKey: '2026-03' })
    const headAtClose = headHash(ws.db, shop.business.id)
    await ws.call('payouts.markPaid', {
      businessId: shop.business.id,
      periodKey: '2026-03',
      promoterId: shop.promoter.id,
      paidOn: '2026-04-04',
      reference: 'TRX-77',
    })
    await refund(sale.entryId, 4500)
    expect(headHash(ws.db, shop.business.id)).not.toBe(headAtClose)

    const march = await workbookOf((await exported('2026-03', 'xlsx')).path)
    const summary = march[0]?.rows ?? []
    expect(String(summary[1]?.[0])).toBe(
      `Closed on 2026-04-05. Ledger head at closing: ${headAtClose}`,
    )
    const row = tableOf(summary, 'Promoter').data[0]
    expect(row?.slice(6, 10)).toEqual([9, 9, new Date(Date.UTC(2026, 3, 4)), 'TRX-77'])

    const expected = await statements('2026-04')
    const april = await workbookOf((await exported('2026-04', 'xlsx')).path)
    expect(String(april[0]?.rows[1]?.[0])).toContain(`Ledger head: ${expected.ledgerHead}`)
    const [jay] = expected.statements
    if (!jay || !april[1]) throw new Error('No April statement')
    expect(jay.adjustmentsMinor).toBe(-450)
    expectSheetMatches(april[1], jay)
    expect(tableOf(april[1].rows, 'Date').data[0]?.slice(1, 3)).toEqual(['J-1', 'adjustment'])
  })

  it('never shows another business’s promoters', async () => {
    const other = await createShop(ws.call, { name: 'Other shop', code: 'OTHER10' })
    await ws.call('program.update', {
      businessId: other.business.id,
      program: { rule: { kind: 'percent', rateBp: 1000 } },
    })
    await promoter('Outsider', 'OUT10', other)
    await sell('OUT10', 'O-1', other)
    await sell('OTHER10', 'O-2', other)
    await sell('JAY10', 'J-1')

    const sheets = await workbookOf((await exported('2026-03', 'xlsx')).path)
    expect(sheets.map((sheet) => sheet.name)).toEqual(['Summary', 'Jay Martin'])
    const cells = sheets.flatMap((sheet) => sheet.rows.flat().map(String))
    expect(cells.some((cell) => cell.includes('Outsider') || cell.startsWith('O-'))).toBe(false)
    const csv = readFileSync((await exported('2026-03', 'csv')).path, 'utf8')
    expect(csv).not.toContain('Outsider')
    expect(csv).not.toContain('O-1')
  })

  it('can be cancelled like every export', async () => {
    await sell('JAY10', 'J-1')
    const { jobId } = await ws.call('exports.statements', {
      businessId: shop.business.id,
      periodKey: '2026-03',
      format: 'xlsx',
    })
    await ws.call('jobs.cancel', { jobId })
    expect((await ws.settle(jobId)).status).toBe('cancelled')
  })

  it('an empty period exports a summary with a zero total', async () => {
    const sheets = await workbookOf((await exported('2026-02', 'xlsx')).path)
    expect(sheets.map((sheet) => sheet.name)).toEqual(['Summary'])
    const { data } = tableOf(sheets[0]?.rows ?? [], 'Promoter')
    expect(data).toEqual([['Total', 0, 0, 0, 0, 0, 0, 0, undefined, undefined, 0]])
  })
})

describe('statement export (csv)', () => {
  it('writes the summary block and every line, neutralized, in plain decimals', async () => {
    await promoter('=cmd', 'CMD10')
    const sale = await sell('CMD10', 'C-1')
    await sell('JAY10', 'J-1')
    await sell('JAY10', '@J-2')
    await refund(sale.entryId, 1000)
    const expected = await statements('2026-03')

    const { path, fileName, job } = await exported('2026-03', 'csv')
    // Title lines, empty lines, headers, 2 statements and the total, then 4 lines.
    expect([job.done, job.total]).toEqual([8 + 2 + 4, 8 + 2 + 4])
    expect(fileName).toBe('statements-2026-03-Corner-Bakery-2026-03-10.csv')
    const text = readFileSync(path, 'utf8')
    expect(
      text.startsWith('\uFEFFPayout statements of Corner Bakery: March 2026 (2026-03)\r\n'),
    ).toBe(true)
    const rows = parse(text.slice(1), { relax_column_count: true }) as string[][]
    expect(rows[1]?.[0]).toContain(`Ledger head: ${expected.ledgerHead}`)

    const summaryAt = rows.findIndex((row) => row[0] === 'Promoter')
    const linesAt = rows.findIndex((row, index) => index > summaryAt && row[0] === 'Promoter')
    expect(rows[summaryAt]).toEqual([
      'Promoter',
      'Promoter ID',
      'Opening (EUR)',
      'Accrued (EUR)',
      'Reversed (EUR)',
      'Adjustments (EUR)',
      'Pending (EUR)',
      'Payable (EUR)',
      'Paid (EUR)',
      'Paid on',
      'Reference',
      'Closing (EUR)',
    ])
    const summary = rows.slice(summaryAt + 1, linesAt - 1)
    const decimal = (minor: number) => (minor / 100).toFixed(2)
    expect(summary.slice(0, -1)).toEqual(
      expected.statements.map((s) => [
        s.promoterName === '=cmd' ? "'=cmd" : s.promoterName,
        String(s.promoterId),
        ...[
          s.openingMinor,
          s.accruedMinor,
          s.reversedMinor,
          s.adjustmentsMinor,
          s.pendingMinor,
          s.payableMinor,
          s.paidMinor,
        ].map(decimal),
        '',
        '',
        decimal(s.closingMinor),
      ]),
    )
    expect(summary[summary.length - 1]?.[0]).toBe('Total')

    expect(rows[linesAt]).toEqual([
      'Promoter',
      'Promoter ID',
      'Date',
      'Order',
      'Type',
      'Base (EUR)',
      'Amount (EUR)',
      'Note',
    ])
    const lines = rows.slice(linesAt + 1)
    for (const statement of expected.statements) {
      const own = lines.filter((line) => line[1] === String(statement.promoterId))
      const total = own.reduce((sum, line) => sum + Math.round(Number(line[6]) * 100), 0)
      expect(total).toBe(linesTotal(statement))
    }
    expect(lines.map((line) => [line[0], line[3], line[4], line[6]])).toEqual([
      ["'=cmd", 'C-1', 'sale', '4.50'],
      ["'=cmd", 'C-1', 'reversal', '-1.00'],
      ['Jay Martin', 'J-1', 'sale', '4.50'],
      ['Jay Martin', "'@J-2", 'sale', '4.50'],
    ])
    expect(lines[0]?.[2]).toBe('2026-03-10 13:01')
  })
})
