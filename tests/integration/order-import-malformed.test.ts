import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestWorkspace, type TestWorkspace } from '../fixtures/workspace'
import { createShop, type Shop } from '../fixtures/shop'
import { failureOf } from '../fixtures/api-failure'
import { checkOrders, countRows, csv003, fileOf, type Order003 } from '../fixtures/order-files'

let ws: TestWorkspace
let shop: Shop

beforeEach(async () => {
  ws = await openTestWorkspace()
  shop = await createShop(ws.call)
})
afterEach(() => ws.close())

const ORDERS: Order003[] = Array.from({ length: 40 }, (_, index) => ({
  id: `W-${index + 1}`,
  date: '2026-03-05 10:00',
  email: `c${index}@example.com`,
  items: [
    {
      product: 'PAS-CROI',
      price: '1.20',
      quantity: '2',
      discount: '0.12',
      coupon: index < 5 ? 'JAY10' : '',
    },
  ],
}))
const GOOD = csv003(ORDERS)

/** Nothing of the file stays: no run, no rows, no entry, no customer. */
function expectNothingWritten() {
  expect(countRows(ws, 'order_imports')).toBe(0)
  expect(countRows(ws, 'order_import_orders')).toBe(0)
  expect(countRows(ws, 'ledger_entries')).toBe(0)
  expect(countRows(ws, 'customers')).toBe(0)
}

/** Uploads then checks; the file-level failure of either step, as the caller sees it. */
async function failureOfImport(content: string | Uint8Array, name = 'orders.csv') {
  const upload = ws.call('orderImports.upload', {
    businessId: shop.business.id,
    file: fileOf(content, name),
  })
  const uploaded = await upload.catch(() => null)
  if (!uploaded) return (await failureOf(upload)).message
  const { jobId } = await ws.call('orderImports.check', {
    businessId: shop.business.id,
    importId: uploaded.run.id,
    format: { layout: 'numbered', decimalSeparator: '.', dateFormat: 'iso' },
  })
  const job = await ws.settle(jobId)
  expect(job.status).toBe('failed')
  return job.message ?? ''
}

describe('a malformed order file', () => {
  it('cut in the middle of a row: says it looks truncated, and keeps nothing of it', async () => {
    const cut = GOOD.slice(0, GOOD.lastIndexOf('PAS-CROI'))
    expect(await failureOfImport(cut)).toBe(
      "The file ends in the middle of row 41 (it has 7 of the header's 11 values and no line break): it looks truncated. Export it again.",
    )
    expectNothingWritten()
  })

  it('cut inside a quoted value: says so, and keeps nothing of it', async () => {
    const quoted = GOOD + 'W-99,2026-03-05,,"Ana ""the baker'
    expect(await failureOfImport(quoted)).toBe(
      'The file ends inside a quoted value on line 42: it looks truncated, or a quote is missing. Nothing was read from it.',
    )
    expectNothingWritten()
  })

  it('in the wrong encoding (UTF-16 without a byte-order mark): refused at once', async () => {
    const utf16 = Buffer.from(GOOD, 'utf16le')
    expect(await failureOfImport(utf16)).toMatch(
      /^The file is not text in a known encoding: it holds NUL bytes, as binary files and UTF-16 files without a byte-order mark do\./,
    )
    expectNothingWritten()
  })

  it('with a 10 MB line: refused at once, before any parsing', async () => {
    const huge = `${GOOD.split('\n')[0]}\nW-1,2026-03-05,${'x'.repeat(10 * 1024 * 1024)}\n`
    expect(await failureOfImport(huge)).toBe(
      "Line 2 is 10,485,775 characters long; an order file's rows are far shorter. This is not an order file, or it is damaged.",
    )
    expectNothingWritten()
  })

  it('a truncated workbook: refused at once', async () => {
    const workbook = new ExcelJS.Workbook()
    workbook.addWorksheet('Orders').addRows(
      GOOD.trim()
        .split('\n')
        .map((line) => line.split(',')),
    )
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer())
    expect(await failureOfImport(bytes.slice(0, Math.floor(bytes.length / 2)), 'orders.xlsx')).toBe(
      'The file looks like a workbook but cannot be read (it may be truncated or damaged); save it again as .xlsx or CSV.',
    )
    expectNothingWritten()
  })

  it('reads what is merely unusual: UTF-16 with its mark, Windows-1252, CRLF, a BOM, semicolons', async () => {
    const variants: [string, Uint8Array][] = [
      ['utf-16 with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(GOOD, 'utf16le')])],
      ['windows-1252', Buffer.from(GOOD.replace('PAS-CROI', 'CAFÉ-CRÈME'), 'latin1')],
      [
        'crlf, bom, semicolons',
        Buffer.from(csv003(ORDERS, { eol: '\r\n', bom: true, separator: ';' })),
      ],
    ]
    for (const [, content] of variants) {
      const { run, rows } = await checkOrders(ws, shop.business.id, fileOf(content))
      expect(run.counts).toMatchObject({ orders: 40, accepted: 40 })
      expect(rows[0]?.orderRef).toBe('W-1')
    }
  })
})
