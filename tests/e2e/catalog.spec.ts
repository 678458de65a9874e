import { test, expect, snap } from './fixtures'
import { ShellPage } from './pages/shell.page'
import { ProductsPage } from './pages/products.page'

// Saved by a French spreadsheet: BOM, semicolons, decimal commas, a quoted name with a ';'.
const BAD_FILE =
  '\uFEFFsku;name;category;brand;price;on_sale\n' +
  'PAS-CROI;Croissant;Pastry;Maison Dupont;1,20;no\n' +
  'PAS-PAIN;Pain au chocolat;Pastry;Maison Dupont;1,3O;no\n'
const GOOD_FILE =
  '\uFEFFsku;name;category;brand;price;on_sale\n' +
  'PAS-CROI;Croissant;Pastry;Maison Dupont;1,20;no\n' +
  'PAS-PAIN;Pain au chocolat;Pastry;Maison Dupont;1,30;no\n' +
  'PAS-CROI-AM;"Almond croissant; twice baked";Pastry;Maison Dupont;2,10;yes\n' +
  'CAK-OPERA;Opéra slice;Cakes;;4,80;\n' +
  'brd-sour;Sourdough loaf (800 g);Bread;Maison Dupont;4,90;yes\n'

test('the catalog: add a product, import a checked file, search', async ({ page, app }) => {
  void app
  const shell = new ShellPage(page)
  await shell.createFirstBusiness('Corner Bakery')
  await shell.open('Products')
  const products = new ProductsPage(page)
  await expect(products.grid()).toContainText('No products yet.')

  await products.add({
    sku: 'BRD-SOUR',
    name: 'Sourdough loaf',
    category: 'Bread',
    brand: 'Maison Dupont',
    price: '4.50',
  })
  await expect(products.row('BRD-SOUR')).toContainText('€4.50')

  // The dry run finds the bad row and allows no import.
  await products.chooseFile('catalog.csv', BAD_FILE)
  const dialog = products.importDialog()
  const problems = dialog.getByRole('table', { name: 'Rows with problems' })
  await expect(problems.getByRole('row', { name: /3 price/ })).toContainText(
    '“1,3O” is not a price',
  )
  await expect(dialog.getByRole('button', { name: 'Import' })).toBeDisabled()
  await snap(page, 'catalog-import-problems')

  await products.chooseFile('catalog-fixed.csv', GOOD_FILE)
  await expect(dialog.getByLabel('Import check')).toContainText('New products4')
  await expect(dialog.getByLabel('Import check')).toContainText('Updates1')
  await snap(page, 'catalog-import-check')
  await dialog.getByRole('button', { name: 'Import 5 products' }).click()
  const job = page.getByRole('dialog', { name: 'Importing catalog-fixed.csv' })
  await expect(job).toContainText('5 products imported: 4 added, 1 updated.')
  await job.getByRole('button', { name: 'Close' }).click()

  await expect(products.row('PAS-CROI-AM')).toContainText('Almond croissant; twice baked')
  await expect(products.row('BRD-SOUR')).toContainText('Sourdough loaf (800 g)')
  await expect(products.row('BRD-SOUR')).toContainText('€4.90')
  await expect(products.row('BRD-SOUR')).toContainText('On sale')
  await snap(page, 'catalog')

  await products.search('croissant')
  await expect(products.grid().getByRole('row')).toHaveCount(3) // the header and two rows
  await expect(products.row('PAS-CROI-AM')).toBeVisible()
  await products.search('cak')
  await expect(products.row('CAK-OPERA')).toBeVisible()
  await expect(products.grid()).not.toContainText('Croissant')
})
