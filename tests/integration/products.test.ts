import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestWorkspace, type TestWorkspace } from '../fixtures/workspace'
import { failureOf } from '../fixtures/api-failure'
import type { Business } from '../../src/shared/contract/businesses'
import type { MethodInput } from '../../src/shared/contract'
import { catalogFacets, productsBySku } from '../../src/main/db/repos/products.repo'
import { readTable } from '../../src/main/import/read-table'
import { createWebHost, listen } from '../../src/main/hosts/web-host'

let ws: TestWorkspace
let shop: Business

beforeEach(async () => {
  ws = await openTestWorkspace()
  shop = await ws.call('businesses.create', {
    name: 'Corner Bakery',
    currency: 'EUR',
    timeZone: 'Europe/Paris',
  })
})
afterEach(() => ws.close())

type SaveInput = MethodInput<'products.save'>

const save = (fields: Partial<SaveInput> & { sku: string }, businessId = shop.id) =>
  ws.call('products.save', { businessId, name: `Item ${fields.sku}`, priceMinor: 100, ...fields })

const csvFile = (text: string, name = 'catalog.csv') => ({
  name,
  contentBase64: Buffer.from(text, 'utf8').toString('base64'),
})

const importFile = (file: { name: string; contentBase64: string }, dryRun = false) =>
  ws.call('products.import', { businessId: shop.id, file, dryRun })

/** Runs a real import to its end. */
async function runImport(file: { name: string; contentBase64: string }) {
  const started = await importFile(file)
  if (started.dryRun) throw new Error('Expected a job')
  return ws.settle(started.jobId)
}

async function dryRun(file: { name: string; contentBase64: string }) {
  const result = await importFile(file, true)
  if (!result.dryRun) throw new Error('Expected a report')
  return result.report
}

const productCount = () =>
  Number(
    ws.db.sql.first(
      ws.db.qb.selectFrom('products').select((eb) => eb.fn.countAll<number>().as('n')),
    )?.n,
  )

describe('products.save', () => {
  it('adds and replaces a product, keeping its id', async () => {
    const added = await save({ sku: ' brd-sour ', name: 'Sourdough loaf', priceMinor: 450 })
    expect(added).toMatchObject({
      sku: 'brd-sour',
      name: 'Sourdough loaf',
      category: null,
      brand: null,
      priceMinor: 450,
      onSale: false,
      inStock: true,
    })
    const updated = await save({
      productId: added.id,
      sku: 'BRD-SOUR',
      name: 'Sourdough',
      category: 'Bread',
      priceMinor: 500,
      onSale: true,
      inStock: false,
    })
    expect(updated).toMatchObject({
      id: added.id,
      sku: 'BRD-SOUR',
      category: 'Bread',
      onSale: true,
    })
    expect(await ws.call('products.get', { businessId: shop.id, productId: added.id })).toEqual(
      updated,
    )
  })

  it('refuses a SKU another product has, whatever its case, on the sku field', async () => {
    await save({ sku: 'BRD-SOUR' })
    const other = await save({ sku: 'CAKE-1' })
    for (const attempt of [
      save({ sku: 'brd-sour' }),
      save({ productId: other.id, sku: 'Brd-Sour ' }),
    ]) {
      const failure = await failureOf(attempt)
      expect(failure.code).toBe('conflict')
      expect(failure.field).toBe('sku')
    }
    expect(productCount()).toBe(2)
  })

  it('validates fields with readable messages', async () => {
    const failure = await failureOf(save({ sku: ' ', name: '', priceMinor: -1 }))
    expect(failure.issues).toEqual([
      { field: 'sku', message: 'Enter a SKU.' },
      { field: 'name', message: 'Enter a name.' },
      { field: 'priceMinor', message: 'Amounts cannot be negative.' },
    ])
  })

  it('deletes a product', async () => {
    const product = await save({ sku: 'GONE' })
    expect(
      await ws.call('products.delete', { businessId: shop.id, productId: product.id }),
    ).toEqual(product)
    const failure = await failureOf(
      ws.call('products.get', { businessId: shop.id, productId: product.id }),
    )
    expect(failure).toMatchObject({ code: 'not_found', field: 'productId' })
  })
})

describe('products.list', () => {
  beforeEach(async () => {
    const rows = Array.from({ length: 30 }, (_, index) => {
      const n = String(index + 1).padStart(2, '0')
      return `SKU-${n},${index % 2 ? 'Rye' : 'Oat'} loaf ${n},${index + 1}.00`
    })
    expect((await runImport(csvFile(['sku,name,price', ...rows].join('\n')))).status).toBe('done')
  })

  it('pages on the server, by SKU by default', async () => {
    const page = await ws.call('products.list', { businessId: shop.id, page: 1, pageSize: 10 })
    expect(page.total).toBe(30)
    expect(page.rows.map((row) => row.sku)).toEqual(
      Array.from({ length: 10 }, (_, index) => `SKU-${index + 11}`),
    )
  })

  it('searches SKU prefixes and parts of names, in any case', async () => {
    const bySku = await ws.call('products.list', { businessId: shop.id, search: 'sku-2' })
    expect(bySku.rows.map((row) => row.sku)).toEqual(
      ['20', '21', '22', '23', '24', '25', '26', '27', '28', '29'].map((n) => `SKU-${n}`),
    )
    const byName = await ws.call('products.list', { businessId: shop.id, search: 'RYE LOAF 1' })
    expect(byName.total).toBe(5)
    // LIKE wildcards in the search are plain characters.
    expect((await ws.call('products.list', { businessId: shop.id, search: '%' })).total).toBe(0)
  })

  it('sorts on the server', async () => {
    const page = await ws.call('products.list', {
      businessId: shop.id,
      sort: { field: 'priceMinor', direction: 'desc' },
      pageSize: 3,
    })
    expect(page.rows.map((row) => row.priceMinor)).toEqual([3000, 2900, 2800])
  })
})

describe('productsBySku and catalogFacets', () => {
  it('finds products by SKU in any case, keyed by the upper-case SKU', async () => {
    await save({ sku: 'brd-sour', name: 'Sourdough', category: 'Bread', brand: 'Maison' })
    await save({ sku: 'CAKE-1', onSale: true })
    const found = productsBySku(ws.db, shop.id, [' Brd-Sour', 'cake-1', 'CAKE-1', 'unknown'])
    expect([...found.keys()].sort()).toEqual(['BRD-SOUR', 'CAKE-1'])
    expect(found.get('BRD-SOUR')).toEqual({
      sku: 'brd-sour',
      name: 'Sourdough',
      category: 'Bread',
      brand: 'Maison',
      priceMinor: 100,
      onSale: false,
      inStock: true,
    })
    expect(found.get('CAKE-1')?.onSale).toBe(true)
    expect(productsBySku(ws.db, shop.id, []).size).toBe(0)
  })

  it('looks up more than 500 SKUs at once', async () => {
    const rows = Array.from({ length: 1200 }, (_, index) => `P${index},Product ${index},1`)
    expect((await runImport(csvFile(['sku,name,price', ...rows].join('\n')))).status).toBe('done')
    const wanted = Array.from({ length: 1300 }, (_, index) => `p${index}`)
    const found = productsBySku(ws.db, shop.id, wanted)
    expect(found.size).toBe(1200)
    expect(found.get('P1199')?.name).toBe('Product 1199')
  })

  it('lists distinct categories and brands, sorted', async () => {
    await save({ sku: 'A', category: 'pastry', brand: 'Maison' })
    await save({ sku: 'B', category: 'Bread', brand: 'Maison' })
    await save({ sku: 'C', category: 'Bread' })
    expect(catalogFacets(ws.db, shop.id)).toEqual({
      categories: ['Bread', 'pastry'],
      brands: ['Maison'],
    })
    expect(await ws.call('products.facets', { businessId: shop.id })).toEqual({
      categories: ['Bread', 'pastry'],
      brands: ['Maison'],
    })
  })
})

describe('business isolation', () => {
  it('one business never sees another’s products', async () => {
    const other = await ws.call('businesses.create', {
      name: 'Northwind Outfitters',
      currency: 'USD',
      timeZone: 'America/New_York',
    })
    const ours = await save({ sku: 'SAME', name: 'Ours', category: 'Bread' })
    // The same SKU is free in another business.
    const theirs = await save({ sku: 'same', name: 'Theirs', category: 'Boots' }, other.id)
    expect((await ws.call('products.list', { businessId: shop.id })).rows).toEqual([ours])
    expect(productsBySku(ws.db, other.id, ['SAME']).get('SAME')?.name).toBe('Theirs')
    expect(catalogFacets(ws.db, other.id).categories).toEqual(['Boots'])
    for (const call of [
      () => ws.call('products.get', { businessId: shop.id, productId: theirs.id }),
      () => ws.call('products.delete', { businessId: shop.id, productId: theirs.id }),
      () => save({ productId: theirs.id, sku: 'X' }),
    ]) {
      expect((await failureOf(call())).code).toBe('not_found')
    }
    expect(await ws.call('products.get', { businessId: other.id, productId: theirs.id })).toEqual(
      theirs,
    )
  })
})

describe('products.import', () => {
  it('reads CSV with a BOM, semicolons, quoted fields and decimal commas', async () => {
    const text =
      '\uFEFFSKU;Name;Category;Brand;Price;On_Sale;In_Stock\r\n' +
      'brd-1;"Loaf; ""country"" style";Bread;;4,50;yes;\r\n' +
      '\r\n' +
      'CAKE-2;"Two-line\nname";Cakes;Maison;12;0;no\r\n'
    const job = await runImport(csvFile(text))
    expect(job).toMatchObject({
      status: 'done',
      message: '2 products imported: 2 added, 0 updated.',
    })
    const found = productsBySku(ws.db, shop.id, ['BRD-1', 'CAKE-2'])
    expect(found.get('BRD-1')).toEqual({
      sku: 'brd-1',
      name: 'Loaf; "country" style',
      category: 'Bread',
      brand: null,
      priceMinor: 450,
      onSale: true,
      inStock: true,
    })
    expect(found.get('CAKE-2')).toMatchObject({
      name: 'Two-line\nname',
      priceMinor: 1200,
      onSale: false,
      inStock: false,
    })
  })

  it('reads the first sheet of an .xlsx workbook', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('Catalog')
    sheet.addRow(['sku', 'name', 'price', 'in_stock', 'category'])
    sheet.addRow(['XL-1', 'Walking boots', 89.9, true, 'Boots'])
    sheet.addRow(['XL-2', { richText: [{ text: 'Rain ' }, { text: 'jacket' }] }, '120.00', false])
    sheet.addRow(['XL-3', 'Socks', { formula: '2+3', result: 5 }, 'yes', null])
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer())
    const file = { name: 'catalog.xlsx', contentBase64: buffer.toString('base64') }
    expect((await runImport(file)).status).toBe('done')
    const found = productsBySku(ws.db, shop.id, ['XL-1', 'XL-2', 'XL-3'])
    expect(found.get('XL-1')).toMatchObject({ priceMinor: 8990, inStock: true, category: 'Boots' })
    expect(found.get('XL-2')).toMatchObject({
      name: 'Rain jacket',
      priceMinor: 12000,
      inStock: false,
    })
    expect(found.get('XL-3')).toMatchObject({ priceMinor: 500, category: null })
  })

  it('dry run counts what would change and writes nothing', async () => {
    await save({ sku: 'OLD-1', name: 'Old', priceMinor: 100 })
    const report = await dryRun(csvFile('sku,name,price\nold-1,Renamed,2\nNEW-1,New,3\n'))
    expect(report).toEqual({ rows: 2, added: 1, updated: 1, errors: [], errorCount: 0 })
    expect(productCount()).toBe(1)
    expect(productsBySku(ws.db, shop.id, ['OLD-1']).get('OLD-1')?.name).toBe('Old')
  })

  it('reports each bad row with its row number and column, and a real import then writes nothing', async () => {
    const file = csvFile(
      'sku,name,price,on_sale\nOK-1,Fine,1.00,\nBAD-1,Bad price,12.345,no\n,No sku,1,maybe\nok-1,Again,2,\n',
    )
    const report = await dryRun(file)
    expect(report.errors).toEqual([
      { row: 3, field: 'price', message: '“12.345” is not a price in EUR; write it like 12.50.' },
      { row: 4, field: 'on_sale', message: '“maybe” is not yes or no (or true/false, 1/0).' },
      { row: 4, field: 'sku', message: 'Enter a SKU.' },
      { row: 5, field: 'sku', message: 'The SKU ok-1 is already on row 2.' },
    ])
    expect(report).toMatchObject({ rows: 4, added: 1, updated: 0, errorCount: 4 })

    const job = await runImport(file)
    expect(job.status).toBe('failed')
    expect(job.error).toMatchObject({ code: 'invalid_input', field: 'file' })
    expect(job.message).toBe(
      'Nothing was imported: 4 problems, the first on row 3, price: “12.345” is not a price in EUR; write it like 12.50.',
    )
    expect(productCount()).toBe(0)
  })

  it('keeps the values of columns the file leaves out, and resets blank ones to the default', async () => {
    await save({ sku: 'A', category: 'Bread', brand: 'Maison', onSale: true, inStock: false })
    await save({ sku: 'B', category: 'Bread', brand: 'Maison', onSale: true, inStock: false })
    await runImport(csvFile('sku,name,price\nA,Renamed,9\n'))
    expect(productsBySku(ws.db, shop.id, ['A']).get('A')).toEqual({
      sku: 'A',
      name: 'Renamed',
      category: 'Bread',
      brand: 'Maison',
      priceMinor: 900,
      onSale: true,
      inStock: false,
    })
    await runImport(csvFile('sku,name,price,category,brand,on_sale,in_stock\nB,Plain,1,,,,\n'))
    expect(productsBySku(ws.db, shop.id, ['B']).get('B')).toMatchObject({
      category: null,
      brand: null,
      onSale: false,
      inStock: true,
    })
  })

  it('leaves nothing behind when cancelled while checking the rows', async () => {
    const rows = Array.from({ length: 40_000 }, (_, index) => `C${index},Item ${index},1.00`)
    const started = await importFile(csvFile(['sku,name,price', ...rows].join('\n')))
    if (started.dryRun) throw new Error('Expected a job')
    while (ws.jobs.get(started.jobId).done === 0)
      await new Promise((resolve) => setImmediate(resolve))
    await ws.call('jobs.cancel', { jobId: started.jobId })
    const job = await ws.settle(started.jobId)
    expect(job.status).toBe('cancelled')
    expect(job.done).toBeLessThan(40_000)
    expect(productCount()).toBe(0)
  })

  it('refuses files that cannot be a catalog, saying why', async () => {
    const cases: [string, string][] = [
      ['', 'The file is empty.'],
      [' \n ;; \n', 'The file is empty.'],
      [
        'SKU,title,cost\nA,B,1\n',
        'The file has no name, price columns. Its first row must name the columns; it has: SKU, title, cost.',
      ],
      ['sku,name,price\n', 'The file has a header row but no rows below it.'],
      [
        'sku,name,price\nA,B,1\nC,D,1,extra\n',
        'Row 3 has more values than the header has columns (3). Check the separator, or put quotes around values that contain it.',
      ],
      ['sku,name,price,Price\nA,B,1,1\n', 'The column “Price” appears twice in the header.'],
      ['sku,name,price\n"A,B,1\n', 'The file is not valid CSV'],
    ]
    for (const [text, message] of cases) {
      const failure = await failureOf(dryRun(csvFile(text)))
      expect(failure.field, text).toBe(text ? 'file' : 'file.contentBase64')
      expect(failure.message, text).toContain(text ? message : 'The file is empty.')
    }
    // Trailing empty cells, as spreadsheets save them, are not extra values.
    expect((await dryRun(csvFile('sku,name,price,,\nA,B,1,,\n'))).added).toBe(1)
  })

  it('refuses files over 20 MB and files that are not CSV or .xlsx', async () => {
    const tooLarge = await failureOf(
      importFile({ name: 'huge.csv', contentBase64: 'A'.repeat(28_000_000) }, true),
    )
    expect(tooLarge).toMatchObject({
      code: 'invalid_input',
      field: 'file.contentBase64',
    })
    expect(tooLarge.issues[0]?.message).toBe(
      'The file is larger than 20 MB; split it into smaller files.',
    )
    const wrongType = await failureOf(
      importFile({ name: 'catalog.pdf', contentBase64: 'QQ==' }, true),
    )
    expect(wrongType.issues[0]).toEqual({
      field: 'file.name',
      message: 'Choose a .csv or .xlsx file.',
    })
  })
})

describe('products.import in browser mode', () => {
  it('takes a file above the host’s usual 5 MB body cap, and names the 20 MB cap above it', async () => {
    const token = 'catalog-test-token'
    const server = createWebHost({
      handlers: ws.handlers,
      jobs: ws.jobs,
      rendererDir: ws.dir,
      token,
    })
    const port = await listen(server, 0)
    const post = (contentBase64: string) =>
      fetch(`http://127.0.0.1:${port}/api/products.import`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({
          businessId: shop.id,
          file: { name: 'big.csv', contentBase64 },
          dryRun: true,
        }),
      })
    try {
      const note = 'x'.repeat(100)
      const rows = Array.from({ length: 50_000 }, (_, index) => `P${index},Item,1,${note}`)
      const big = csvFile(['sku,name,price,note', ...rows].join('\n'))
      expect(big.contentBase64.length).toBeGreaterThan(6_000_000)
      const accepted = await post(big.contentBase64)
      expect(await accepted.json()).toMatchObject({
        ok: true,
        value: { report: { added: 50_000 } },
      })
      const refused = await post('A'.repeat(30_000_000))
      expect(refused.status).toBe(413)
      expect(await refused.json()).toMatchObject({
        error: { message: 'The file is larger than 20 MB; split it into smaller files.' },
      })
    } finally {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    }
  })
})

describe('readTable', () => {
  it('matches header names in any case and pads short rows', async () => {
    const table = await readTable(Buffer.from('Code\tQty\tNote\nX\t2\n'), {
      required: ['code', 'QTY'],
    })
    expect(table.header).toEqual(['Code', 'Qty', 'Note'])
    expect(table.column('qty')).toBe(1)
    expect(table.column('missing')).toBeUndefined()
    expect(table.rows).toEqual([{ row: 2, cells: ['X', '2', ''] }])
  })

  it('reads Windows-1252 text that is not UTF-8', async () => {
    const latin = Buffer.from([...Buffer.from('sku;name\nA;Cr'), 0xe8, ...Buffer.from('me\n')])
    const table = await readTable(latin, { required: ['sku'] })
    expect(table.rows[0]?.cells).toEqual(['A', 'Crème'])
  })
})
