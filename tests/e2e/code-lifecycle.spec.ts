import { test, expect, snap } from './fixtures'
import { readSheet, tableOf } from '../fixtures/xlsx'
import { ShellPage } from './pages/shell.page'
import { PromotersPage } from './pages/promoters.page'
import { CampaignsPage } from './pages/campaigns.page'
import { CheckoutPage } from './pages/checkout.page'

test('a shop owner issues a 20-use code, a customer uses it twice, the third use is refused, and the history exports', async ({
  page,
  app,
}) => {
  void app
  const shell = new ShellPage(page)
  await shell.createFirstBusiness('Corner Bakery')

  await shell.open('Promoters')
  await new PromotersPage(page).add('Jay Martin', 'jay@example.com')

  await shell.open('Campaigns')
  const campaigns = new CampaignsPage(page)
  await campaigns.create({ name: 'Autumn promoters', percent: '10' })
  await campaigns.addCode({
    code: 'jay10',
    promoter: 'Jay Martin',
    maxUses: '20',
    maxUsesPerCustomer: '2',
  })
  await expect(campaigns.codeRow('JAY10')).toContainText('0 / 20')
  await expect(campaigns.codeRow('JAY10')).toContainText('active')
  await snap(page, 'campaign')

  await shell.open('Checkout')
  const checkout = new CheckoutPage(page)
  const sale = (orderRef: string) => ({
    code: 'JAY10',
    email: 'ana@example.com',
    lines: [
      { sku: 'BRD-SOUR', name: 'Sourdough loaf', quantity: '2', unitPrice: '6.50' },
      { sku: 'CKE-TART', name: 'Lemon tart', unitPrice: '24.00' },
    ],
    orderRef,
  })
  await checkout.fill(sale('A-1001'))
  await expect(checkout.result()).toContainText('JAY10 applies')
  await expect(page.getByTestId('total-discount')).toHaveText('−€3.70')
  await expect(page.getByTestId('total-total')).toHaveText('€33.30')
  await snap(page, 'checkout')
  await checkout.record()
  await checkout.newSale()
  await checkout.fill(sale('A-1002'))
  await expect(checkout.result()).toContainText('JAY10 applies')
  await checkout.record()
  await checkout.newSale()

  // The same customer, written differently, is still the same customer.
  await checkout.fill({ ...sale('A-1003'), email: 'ANA+promo@Example.com' })
  await expect(checkout.result()).toContainText('JAY10 does not apply')
  await expect(checkout.result()).toContainText(
    'This customer has already used this code twice, the most allowed.',
  )
  await expect(page.getByRole('button', { name: 'Record sale' })).toBeDisabled()
  await snap(page, 'checkout-refused')

  await shell.open('Redemptions')
  const history = page.getByRole('grid', { name: 'Redemption history' })
  await expect(history.getByRole('row', { name: /A-1001/ })).toContainText('JAY10')
  await expect(history.getByRole('row', { name: /A-1002/ })).toContainText('Jay Martin')
  await expect(page.getByTestId('figure-uses')).toHaveText('2')
  await expect(page.getByTestId('figure-revenue')).toHaveText('€66.60')
  await expect(page.getByTestId('figure-discount-given')).toHaveText('€7.40')
  await snap(page, 'redemptions')

  const downloading = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export to Excel' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(
    /^redemptions-Corner-Bakery-\d{4}-\d{2}-\d{2}\.xlsx$/,
  )
  await expect(page.getByRole('dialog')).toContainText('2 rows exported')

  const rows = await readSheet(await download.path(), 'Redemptions')
  const { header, data } = tableOf(rows, 'Occurred')
  expect(header).toEqual([
    'Occurred',
    'Order',
    'Code',
    'Campaign',
    'Promoter',
    'Customer',
    'Channel',
    'Location',
    'Subtotal',
    'Discount',
    'Total',
  ])
  expect(data.map((row) => row[1]).sort()).toEqual(['A-1001', 'A-1002'])
  for (const row of data) {
    expect(row.slice(2, 7)).toEqual([
      'JAY10',
      'Autumn promoters',
      'Jay Martin',
      'ana@example.com',
      'in_store',
    ])
    expect(row.slice(8, 11)).toEqual([37, 3.7, 33.3])
  }
  expect(rows.some((row) => String(row[0]).includes('Ledger head: '))).toBe(true)
})
