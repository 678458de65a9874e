import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestWorkspace, type TestWorkspace } from '../fixtures/workspace'
import { createShop, type Shop } from '../fixtures/shop'
import { failureOf } from '../fixtures/api-failure'
import { checkOrders, fileOf, finished, importOrders } from '../fixtures/order-files'
import type { OrderMapping } from '../../src/shared/contract/order-mappings'

let ws: TestWorkspace
let shop: Shop

beforeEach(async () => {
  ws = await openTestWorkspace()
  shop = await createShop(ws.call)
})
afterEach(() => ws.close())

/** The example shipped in resources/, as the mapping screen offers it. */
async function example(): Promise<OrderMapping> {
  const { examples } = await ws.call('orderMappings.list', { businessId: shop.business.id })
  const online = examples.find((item) => item.key === 'online-shop')
  if (!online) throw new Error('The online-shop example is missing')
  return online.mapping
}

// A French shop's export: BOM, semicolons, decimal commas, day-first dates, a quoted name with a
// semicolon and a line break, one row per line item, order values on each order's first row.
const FRENCH =
  '\uFEFFName;Email;Created at;Lineitem quantity;Lineitem name;Lineitem price;Lineitem sku;Discount Code;Discount Amount;Shipping;Source\n' +
  '#1001;ana@example.com;05/03/2026 14:30;2;Pain au levain;6,50;BRD-SOUR;jay10;1,95;4,90;web\n' +
  '#1001;;;1;"Café; grains\n500 g";6,50;CFE-BEAN;;;;\n' +
  '#1002;ben@example.com;06/03/2026 09:05;3;Croissant;1,20;PAS-CROI;;;0;pos\n' +
  '#1003;cleo@example.com;06/03/2026 10:00;1;Tarte;24,00;CKE-TART;JAY10;9,00;0;web\n' +
  '#1001;ana@example.com;07/03/2026 10:00;1;Pain;6,50;BRD-SOUR;;;;web\n'

describe('a mapped online-shop export', () => {
  it('saves mappings by name per business, names ignoring case', async () => {
    const mapping = await example()
    const saved = await ws.call('orderMappings.save', {
      businessId: shop.business.id,
      name: 'Web shop',
      mapping,
    })
    expect(saved.mapping.columns.orderId).toBe('Name')
    const clash = await failureOf(
      ws.call('orderMappings.save', { businessId: shop.business.id, name: 'web SHOP ', mapping }),
    )
    expect(clash.message).toBe('A mapping called Web shop already exists; names ignore case.')
    const other = await createShop(ws.call, { name: 'Other shop', code: 'OTHER10' })
    await ws.call('orderMappings.save', {
      businessId: other.business.id,
      name: 'Web shop',
      mapping,
    })
    const listed = await ws.call('orderMappings.list', { businessId: shop.business.id })
    expect(listed.saved.map((item) => item.name)).toEqual(['Web shop'])
    const incomplete = await failureOf(
      ws.call('orderMappings.save', {
        businessId: shop.business.id,
        name: 'Half',
        mapping: { ...mapping, columns: { orderId: 'Name' } },
      }),
    )
    expect(incomplete.issues?.map((issue) => issue.field)).toEqual([
      'mapping.columns.orderDate',
      'mapping.columns.sku',
      'mapping.columns.quantity',
      'mapping.columns.unitPrice',
    ])
  })

  it('groups line items into orders and reads commas, day-first dates and quoted line breaks as the mapping says', async () => {
    const saved = await ws.call('orderMappings.save', {
      businessId: shop.business.id,
      name: 'Boutique',
      mapping: { ...(await example()), decimalSeparator: ',', dateFormat: 'dmy' },
    })
    const { run, rows } = await importOrders(ws, shop.business.id, fileOf(FRENCH), {
      layout: 'mapped',
      mappingId: saved.id,
    })
    expect(run.format).toMatchObject({ layout: 'mapped', mappingName: 'Boutique' })
    expect(run.rows).toBe(5)
    expect(rows.map((row) => [row.orderRef, row.row, row.lastRow, row.status, row.reason])).toEqual(
      [
        ['#1001', 2, 3, 'imported', null],
        ['#1002', 4, 4, 'imported', null],
        ['#1003', 5, 5, 'imported', null],
        ['#1001', 6, 6, 'rejected', 'duplicate_order'],
      ],
    )
    expect(rows[0]).toMatchObject({
      occurredAt: Date.UTC(2026, 2, 5, 13, 30),
      lines: 2,
      subtotalMinor: 1950,
      discountMinor: 195,
      totalMinor: 1950 - 195 + 490,
      engineDiscountMinor: 195,
      flagged: false,
    })
    // 9.00 off a 24.00 tart where the code gives 10%: recorded as given, flagged.
    expect(rows[2]).toMatchObject({ discountMinor: 900, engineDiscountMinor: 240, flagged: true })
    expect(rows[3]?.message).toBe('Order #1001 is already on row 2 of this file.')

    const entry = ws.db.sql.first(
      ws.db.qb
        .selectFrom('ledger_entries')
        .select(['details_json', 'shipping_minor'])
        .where('order_ref', '=', '#1001'),
    )
    expect(entry?.shipping_minor).toBe(490)
    expect(JSON.parse(entry?.details_json ?? '{}')).toMatchObject({
      sourceChannel: 'web',
      orderCoupon: 'jay10',
      orderDiscountMinor: 195,
      lines: [
        { sku: 'BRD-SOUR', name: 'Pain au levain', quantity: 2, unitPriceMinor: 650 },
        { sku: 'CFE-BEAN', name: 'Café; grains\n500 g', quantity: 1, unitPriceMinor: 650 },
      ],
    })
  })

  it('keeps the upload when the mapping does not fit the file, so another one can be tried', async () => {
    const saved = await ws.call('orderMappings.save', {
      businessId: shop.business.id,
      name: 'Wrong',
      mapping: {
        ...(await example()),
        columns: {
          orderId: 'Order',
          orderDate: 'Date',
          sku: 'Sku',
          quantity: 'Qty',
          unitPrice: 'Price',
        },
      },
    })
    const uploaded = await ws.call('orderImports.upload', {
      businessId: shop.business.id,
      file: fileOf(FRENCH),
    })
    expect(uploaded.suggestedLayout).toBe('mapped')
    expect(uploaded.header[0]).toBe('Name')
    expect(uploaded.sample[1]?.[4]).toBe('Café; grains\n500 g')
    const { jobId } = await ws.call('orderImports.check', {
      businessId: shop.business.id,
      importId: uploaded.run.id,
      format: { layout: 'mapped', mappingId: saved.id },
    })
    const job = await ws.settle(jobId)
    expect(job.message).toMatch(
      /^The mapping does not fit this file: it has no “Order” \(Order id\), “Date” \(Order date\), “Sku” \(SKU\), “Qty” \(Quantity\), “Price” \(Unit price\) columns\./,
    )
    const retried = await ws.call('orderMappings.save', {
      businessId: shop.business.id,
      name: 'Right',
      mapping: { ...(await example()), decimalSeparator: ',', dateFormat: 'dmy' },
    })
    await finished(
      ws,
      ws.call('orderImports.check', {
        businessId: shop.business.id,
        importId: uploaded.run.id,
        format: { layout: 'mapped', mappingId: retried.id },
      }),
    )
    const run = await ws.call('orderImports.get', {
      businessId: shop.business.id,
      importId: uploaded.run.id,
    })
    expect(run.counts).toMatchObject({ orders: 4, accepted: 3 })
  })
})

describe('an .xlsx file in source 003’s layout', () => {
  it('reads numeric cells and date cells as the business’s wall clock', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('Orders')
    sheet.addRow([
      'ORDER_ID',
      'ORDER_DATE',
      'EMAIL',
      'PRODUCT01',
      'PRICE01',
      'QUANTITY01',
      'DISCOUNT01',
      'COUPON_CODE01',
    ])
    sheet.addRow([
      'X-1',
      new Date(Date.UTC(2026, 2, 5, 14, 30)),
      'ana@example.com',
      'BRD-SOUR',
      20,
      3,
      2,
      'JAY10',
    ])
    sheet.addRow(['X-2', new Date(Date.UTC(2026, 2, 6)), '', 'PAS-CROI', 1.2, 2, 0.1, ''])
    const content = new Uint8Array(await workbook.xlsx.writeBuffer())
    const { rows } = await checkOrders(ws, shop.business.id, fileOf(content, 'orders.xlsx'))
    expect(
      rows.map((row) => [
        row.orderRef,
        row.occurredAt,
        row.subtotalMinor,
        row.discountMinor,
        row.status,
      ]),
    ).toEqual([
      ['X-1', Date.UTC(2026, 2, 5, 13, 30), 6000, 600, 'will_import'],
      ['X-2', Date.UTC(2026, 2, 5, 23, 0), 240, 20, 'will_import'],
    ])
  })
})
