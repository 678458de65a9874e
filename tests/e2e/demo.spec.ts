import { test, expect, snap } from './fixtures'
import { ShellPage } from './pages/shell.page'

test('the demo fills two businesses whose data never mixes', async ({ page, app }) => {
  void app
  test.setTimeout(150_000)
  await snap(page, 'start')
  await page.getByRole('button', { name: 'Explore with demo data' }).click()
  const shell = new ShellPage(page)
  // Two months of sales through checkout, each attributed and checked for fraud.
  await expect(page.getByRole('heading', { level: 1, name: 'Campaigns' })).toBeVisible({
    timeout: 90_000,
  })
  await shell.switchBusiness('Corner Bakery')
  await expect(page.getByRole('table', { name: 'Campaigns' })).toContainText('Autumn promoters')
  await expect(page.getByRole('table', { name: 'Campaigns' })).not.toContainText(
    'Trail season partners',
  )
  await snap(page, 'campaigns')

  await shell.open('Redemptions')
  const history = page.getByRole('grid', { name: 'Redemption history' })
  await expect(history).toContainText('€')
  await expect(history).not.toContainText('$')
  const bakeryUses = await page.getByTestId('figure-uses').textContent()
  await snap(page, 'redemptions-demo')

  await shell.switchBusiness('Northwind Outfitters')
  await shell.open('Redemptions')
  await expect(history).toContainText('$')
  await expect(history).not.toContainText('€')
  await expect(page.getByTestId('figure-uses')).not.toHaveText(bakeryUses ?? '')

  await shell.open('Codes')
  await expect(page.getByRole('grid', { name: 'Codes' })).toContainText('$10 off $80')
  await snap(page, 'codes')
})
