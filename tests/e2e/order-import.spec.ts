import { test, expect, snap } from './fixtures'
import { readSheet, tableOf } from '../fixtures/xlsx'
import { csv003 } from '../fixtures/order-files'
import { ShellPage } from './pages/shell.page'
import { PromotersPage } from './pages/promoters.page'
import { CampaignsPage } from './pages/campaigns.page'
import { ImportPage } from './pages/import.page'

/** Today in Paris: the new campaign's window starts today. */
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date())

async function shopWithCode(page: import('@playwright/test').Page) {
  const shell = new ShellPage(page)
  await shell.createFirstBusiness('Corner Bakery')
  await shell.open('Promoters')
  await new PromotersPage(page).add('Jay Martin', 'jay@example.com')
  await shell.open('Campaigns')
  const campaigns = new CampaignsPage(page)
  await campaigns.create({ name: 'Web promoters', percent: '10' })
  await campaigns.addCode({
    code: 'JAY10',
    promoter: 'Jay Martin',
    maxUses: '20',
    maxUsesPerCustomer: '2',
  })
  return shell
}

test('imports a source-003 file: the preview lists the bad rows, the import writes the rest, history shows them', async ({
  page,
  app,
}) => {
  void app
  const shell = await shopWithCode(page)
  const file = csv003(
    [
      {
        id: 'W-2001',
        date: `${today} 09:15`,
        email: 'ana@example.com',
        items: [
          { product: 'BRD-SOUR', price: '20.00', quantity: '3', discount: '2.00', coupon: 'JAY10' },
          { product: 'CFE-BEAN', price: '14.50', quantity: '1', discount: '1.45', coupon: 'JAY10' },
        ],
      },
      {
        id: 'W-2002',
        date: `${today} 10:40`,
        email: 'ben@example.com',
        items: [
          { product: 'BRD-SOUR', price: '20.00', quantity: '3', discount: '5.00', coupon: 'JAY10' },
        ],
      },
      {
        id: 'W-2003',
        date: `${today} 11:05`,
        email: 'cleo@example.com',
        items: [
          { product: 'PAS-CROI', price: '1.20', quantity: '2', discount: '2.00', coupon: 'JAY10' },
        ],
      },
      {
        id: 'W-2004',
        date: `${today} 11:30`,
        email: 'dan@example.com',
        items: [
          {
            product: 'PAS-CROI',
            price: '1.20',
            quantity: '4',
            discount: '0.12',
            coupon: 'SPRING5',
          },
        ],
      },
    ],
    { bom: true, separator: ';' },
  )

  await shell.open('Import')
  const imports = new ImportPage(page)
  await imports.chooseFile('web-orders.csv', file.replace(/(\d)\.(\d\d)/g, '$1,$2'))
  await expect(page.getByRole('combobox', { name: 'Layout' })).toContainText('Source 003 layout')
  // A French export: semicolons and decimal commas.
  await page.getByRole('combobox', { name: 'Decimal separator' }).click()
  await page.getByRole('option', { name: 'Comma: 20,00' }).click()
  await imports.check()

  await expect(imports.summary()).toContainText('Orders4')
  await expect(imports.summary()).toContainText('To import2')
  await expect(imports.summary()).toContainText('Rejected2')
  await expect(imports.summary()).toContainText('Flagged discounts1')
  await expect(imports.order('W-2003')).toContainText('Discount above price')
  await expect(imports.order('W-2003')).toContainText('DISCOUNT01 (2,00) is above PRICE01 (1,20)')
  await expect(imports.order('W-2004')).toContainText('Unknown code')
  await expect(imports.order('W-2002')).toContainText('Will import')
  await expect(
    imports.order('W-2002').getByLabel(/Flagged: the engine would give €6.00/),
  ).toBeVisible()
  await snap(page, 'import-preview')

  await imports.show(/^Rejected/)
  await expect(imports.orders().getByRole('row')).toHaveCount(3) // the header and two orders
  await snap(page, 'import-rejected')
  await imports.show(/^All/)

  const job = await imports.importOrders(
    2,
    '2 orders imported, 2 rejected, 1 with a discount the engine would not have given.',
  )
  await snap(page, 'import-done')
  await job.getByRole('button', { name: 'Close' }).click()
  await expect(imports.summary()).toContainText('Imported2')
  await expect(imports.order('W-2001')).toContainText('Imported')
  await expect(imports.history().getByRole('row', { name: /web-orders\.csv/ })).toContainText(
    'Imported',
  )

  const downloading = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Download rejected rows' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(
    /^rejected-orders-Corner-Bakery-\d{4}-\d{2}-\d{2}\.xlsx$/,
  )
  const { header, data } = tableOf(await readSheet(await download.path(), 'Rejected orders'), 'Row')
  expect(header.slice(0, 6)).toEqual(['Row', 'Order', 'Reason', 'Column', 'Problem', 'ORDER_ID'])
  expect(data.map((row) => [row[0], row[1], row[2]])).toEqual([
    [4, 'W-2003', 'Discount above price'],
    [5, 'W-2004', 'Unknown code'],
  ])
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click()

  await shell.open('Redemptions')
  const history = page.getByRole('grid', { name: 'Redemption history' })
  await expect(history.getByRole('row', { name: /W-2001/ })).toContainText('JAY10')
  await expect(history.getByRole('row', { name: /W-2002/ })).toContainText('Import')
  await expect(history.getByRole('row', { name: /W-2003/ })).toHaveCount(0)
  await snap(page, 'import-history')
})

test('reads another shop’s export through a saved column mapping', async ({ page, app }) => {
  void app
  const shell = await shopWithCode(page)
  const shopify =
    'Name,Email,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Discount Code,Discount Amount,Shipping,Source\n' +
    `#1001,ana@example.com,${today} 09:02:11 +0100,2,Sourdough loaf,6.50,BRD-SOUR,JAY10,1.95,4.90,web\n` +
    '#1001,,,1,"Coffee beans, 500 g",6.50,CFE-BEAN,,,,\n' +
    `#1002,ben@example.com,${today} 09:30:00 +0100,1,Lemon tart,24.00,CKE-TART,,,0.00,web\n`

  await shell.open('Import')
  const imports = new ImportPage(page)
  await imports.chooseFile('shopify-orders.csv', shopify)
  await imports.chooseLayout('New column mapping…')
  const dialog = page.getByRole('dialog', { name: 'New column mapping' })
  await dialog.getByLabel('Mapping name').fill('Our web shop')
  // The first guess comes from the example shipped in resources/.
  await expect(dialog.getByRole('combobox', { name: 'Order id' })).toHaveText('Name')
  await expect(dialog.getByRole('combobox', { name: 'SKU' })).toHaveText('Lineitem sku')
  await expect(dialog).toContainText('e.g. #1001')
  await snap(page, 'import-mapping')
  await dialog.getByRole('button', { name: 'Save mapping' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('combobox', { name: 'Layout' })).toContainText('Our web shop')

  await imports.check()
  await expect(imports.summary()).toContainText('Orders2')
  await expect(imports.summary()).toContainText('To import2')
  await expect(imports.order('#1001')).toContainText('€19.50')
  await expect(imports.order('#1001')).toContainText('€1.95')
  await imports.importOrders(2, '2 orders imported, 0 rejected.')
})
