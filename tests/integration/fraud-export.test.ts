import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { minorToMajor } from '../../src/shared/money'
import { FRAUD_SIGNAL_LABELS } from '../../src/shared/fraud/settings'
import { MINUTE } from '../fixtures/clock'
import { createShop, saleInput, type Shop } from '../fixtures/shop'
import { tableOf, type SheetRows } from '../fixtures/xlsx'
import { openTestWorkspace, type TestWorkspace } from '../fixtures/workspace'

const MONEY_FORMAT = '#,##0.00 "EUR"'
const major = (minor: number) => minorToMajor(minor, 'EUR')
/** Paris is UTC+1 in March before the change: the sheet shows the shop's wall-clock time. */
const paris = (instant: number) => new Date(instant + 60 * MINUTE)

let ws: TestWorkspace
let shop: Shop
let businessId: number

/**
 * Jay buys with his own code (a self-referral), and two customers share a device (one person
 * behind two identities); the first case is confirmed, the second dismissed, and Jay's email
 * blocked, each decision with a note that a spreadsheet would run as a formula.
 */
beforeEach(async () => {
  ws = await openTestWorkspace()
  shop = await createShop(ws.call)
  businessId = shop.business.id
  await ws.call('program.update', {
    businessId,
    program: { rule: { kind: 'percent', rateBp: 1000 } },
  })
  await ws.call('checkout.commit', saleInput(shop, 'S-1', 'jay@example.com'))
  ws.clock.advance(MINUTE)
  await ws.call('checkout.commit', {
    ...saleInput(shop, 'S-2', 'ana@example.com'),
    context: { deviceId: 'DEV-7' },
  })
  ws.clock.advance(MINUTE)
  await ws.call('checkout.commit', {
    ...saleInput(shop, 'S-3', 'ben@example.com'),
    code: undefined,
    context: { deviceId: 'dev-7', ip: '10.0.0.9' },
  })
})
afterEach(() => ws.close())

async function casesBySignal() {
  const { rows } = await ws.call('fraud.cases', { businessId, status: 'open' })
  const self = rows.find((row) => row.signal === 'self_referral')
  const shared = rows.find((row) => row.signal === 'shared_identity')
  if (!self || !shared) throw new Error(`Expected two cases, got ${JSON.stringify(rows)}`)
  return { self, shared }
}

async function exportedBook() {
  const { jobId } = await ws.call('exports.fraudCases', { businessId })
  const job = await ws.settle(jobId)
  if (job.status !== 'done') throw new Error(`Export ${job.status}: ${job.message ?? ''}`)
  const file = ws.jobs.fileOf(jobId)
  const book = new ExcelJS.Workbook()
  await book.xlsx.readFile(file.path)
  return { book, fileName: file.fileName, message: job.message }
}

function sheetOf(book: ExcelJS.Workbook, name: string) {
  const sheet = book.getWorksheet(name)
  if (!sheet) throw new Error(`No sheet ${name}`)
  const rows: SheetRows = []
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    rows[number - 1] = Array.isArray(row.values) ? row.values.slice(1) : []
  })
  return { sheet, rows: Array.from(rows, (row) => row ?? []) }
}

/** The cell under `header` in the sheet row that holds `data`. */
function cellOf(
  found: ReturnType<typeof sheetOf>,
  header: string,
  row: ExcelJS.CellValue[] | undefined,
  firstHeader = 'Case',
) {
  const table = tableOf(found.rows, firstHeader)
  const column = table.header.indexOf(header)
  return found.sheet.getRow(found.rows.indexOf(row ?? []) + 1).getCell(column + 1)
}

describe('fraud case export', () => {
  it('writes every case, the orders behind them and every decision, in the business’s zone', async () => {
    const { self, shared } = await casesBySignal()
    ws.clock.advance(10 * MINUTE)
    const confirmedAt = ws.clock.now()
    await ws.call('fraud.decide', {
      businessId,
      caseId: self.id,
      action: 'confirm',
      note: '=HYPERLINK("http://evil.example","click")',
      decidedBy: '@Sam',
    })
    ws.clock.advance(MINUTE)
    await ws.call('fraud.decide', {
      businessId,
      caseId: shared.id,
      action: 'dismiss',
      note: 'Same family, same tablet',
      decidedBy: 'Sam',
    })
    await ws.call('fraud.block', {
      businessId,
      kind: 'email',
      value: 'jay@example.com',
      note: '+1 self-referral',
      decidedBy: 'Sam',
      caseId: self.id,
    })

    const { book, fileName } = await exportedBook()
    expect(fileName).toMatch(/^fraud-cases-Corner-Bakery-\d{4}-\d{2}-\d{2}\.xlsx$/)
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['Cases', 'Orders', 'Decisions'])

    const cases = sheetOf(book, 'Cases')
    const casesTable = tableOf(cases.rows, 'Case')
    expect(casesTable.header).toEqual([
      'Case',
      'Signal',
      'Subject',
      'Summary',
      'Status',
      'Promoter',
      'Orders',
      'Commission',
      'Discount',
      'At risk',
      'Opened',
      'Updated',
    ])
    expect(casesTable.data).toHaveLength(2)
    const selfRow = casesTable.data.find((row) => row[0] === self.id)
    const detail = await ws.call('fraud.case', { businessId, caseId: self.id })
    expect(selfRow?.slice(0, 7)).toEqual([
      self.id,
      FRAUD_SIGNAL_LABELS.self_referral,
      self.subject,
      self.summary,
      'Confirmed',
      'Jay Martin',
      1,
    ])
    // Confirmed: the commission was clawed back, the discount stays at risk.
    expect(detail.commissionMinor).toBe(0)
    expect(selfRow?.slice(7, 10)).toEqual([
      0,
      major(detail.discountMinor),
      major(detail.atRiskMinor),
    ])
    expect(cellOf(cases, 'At risk', selfRow).numFmt).toBe(MONEY_FORMAT)
    expect(selfRow?.[10]).toEqual(paris(self.openedAt))
    expect(selfRow?.[11]).toEqual(paris(confirmedAt))
    const sharedRow = casesTable.data.find((row) => row[0] === shared.id)
    expect(sharedRow?.[4]).toBe('Dismissed')
    expect(sharedRow?.[6]).toBe(2)

    const orders = sheetOf(book, 'Orders')
    const ordersTable = tableOf(orders.rows, 'Case')
    expect(ordersTable.header).toEqual([
      'Case',
      'Order',
      'Date',
      'Customer',
      'Codes',
      'Total',
      'Discount',
      'Commission',
      'Evidence',
    ])
    expect(ordersTable.data.map((row) => [row[0], row[1]])).toEqual([
      [self.id, 'S-1'],
      [shared.id, 'S-2'],
      [shared.id, 'S-3'],
    ])
    const [jay, ana, ben] = ordersTable.data
    const order = detail.entries[0]
    expect(jay?.slice(2)).toEqual([
      paris(order?.occurredAt ?? 0),
      'jay@example.com',
      'JAY10',
      major(order?.totalMinor ?? -1),
      major(order?.discountMinor ?? -1),
      0,
      'email jay@example.com',
    ])
    expect(cellOf(orders, 'Total', jay).numFmt).toBe(MONEY_FORMAT)
    expect(ana?.[3]).toBe('ana@example.com')
    expect(ana?.[7]).toBe(4.5) // 10 % of 45.00, payable again once dismissed
    expect(ana?.[8]).toBe('device dev-7')
    expect(ben?.[4] ?? null).toBeNull() // a sale without a code: an empty cell

    const decisions = tableOf(sheetOf(book, 'Decisions').rows, 'Case')
    expect(decisions.header).toEqual(['Case', 'Action', 'Note', 'Decided by', 'Decided at'])
    expect(decisions.data).toEqual([
      [
        self.id,
        'Confirmed',
        '\'=HYPERLINK("http://evil.example","click")',
        "'@Sam",
        paris(confirmedAt),
      ],
      [shared.id, 'Dismissed', 'Same family, same tablet', 'Sam', paris(confirmedAt + MINUTE)],
      [self.id, 'Blocked', "'+1 self-referral", 'Sam', paris(confirmedAt + MINUTE)],
    ])
  })

  it('writes the headers alone when the business has no case', async () => {
    const other = await ws.call('businesses.create', {
      name: 'Quiet Shop',
      currency: 'EUR',
      timeZone: 'Europe/Paris',
    })
    const { jobId } = await ws.call('exports.fraudCases', { businessId: other.id })
    const job = await ws.settle(jobId)
    expect(job.status).toBe('done')
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(ws.jobs.fileOf(jobId).path)
    for (const [name, first] of [
      ['Cases', 'Case'],
      ['Orders', 'Case'],
      ['Decisions', 'Case'],
    ] as const)
      expect(tableOf(sheetOf(book, name).rows, first).data).toEqual([])
    expect(job.message).toBe('0 rows exported.')
  })

  it('is refused for a business that does not exist', async () => {
    await expect(ws.call('exports.fraudCases', { businessId: 999 })).rejects.toThrow()
  })
})
