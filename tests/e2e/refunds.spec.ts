import { test, expect, snap } from './fixtures'
import { ShellPage } from './pages/shell.page'
import { CampaignsPage } from './pages/campaigns.page'
import { CheckoutPage } from './pages/checkout.page'
import type { Page } from '@playwright/test'

/** A bakery with a 10%-off campaign and its code SPRING10 (20 uses, 2 per customer). */
async function openBakeryWithCode(page: Page): Promise<ShellPage> {
  const shell = new ShellPage(page)
  await shell.createFirstBusiness('Corner Bakery')
  await shell.open('Campaigns')
  const campaigns = new CampaignsPage(page)
  await campaigns.create({ name: 'Spring codes', percent: '10' })
  await campaigns.addCode({ code: 'SPRING10', maxUses: '20', maxUsesPerCustomer: '2' })
  return shell
}

test('a refund and a void are new rows under their sale, and the totals follow', async ({
  page,
  app,
}) => {
  void app
  const shell = await openBakeryWithCode(page)

  await shell.open('Checkout')
  const checkout = new CheckoutPage(page)
  for (const orderRef of ['B-1', 'B-2']) {
    // 2 × 25.00 − 10% = 45.00
    await checkout.fill({
      code: 'SPRING10',
      email: 'ana@example.com',
      lines: [{ sku: 'CKE-TART', name: 'Lemon tart', quantity: '2', unitPrice: '25.00' }],
      orderRef,
    })
    await expect(checkout.result()).toContainText('SPRING10 applies')
    await checkout.record()
    await checkout.newSale()
  }

  await shell.open('Redemptions')
  const history = page.getByRole('grid', { name: 'Redemption history' })
  await expect(page.getByTestId('figure-revenue')).toHaveText('€90.00')

  // A partial refund of B-1.
  await history.getByRole('button', { name: 'Refund or void order B-1' }).click()
  const dialog = page.getByRole('dialog', { name: 'Refund or void order B-1' })
  await expect(dialog).toContainText('Still refundable')
  await dialog.getByLabel('Amount to refund').fill('100.00')
  await dialog.getByLabel('Reason').fill('One tart was dropped')
  await dialog.getByRole('button', { name: 'Record the refund' }).click()
  await expect(dialog.getByLabel('Amount to refund')).toHaveAccessibleDescription(
    'At most €45.00 can still be refunded on order B-1.',
  )
  await dialog.getByLabel('Amount to refund').fill('22.50')
  await dialog.getByRole('button', { name: 'Record the refund' }).click()
  await expect(dialog).toBeHidden()
  await expect(history.getByRole('row').filter({ hasText: 'Refund' })).toContainText('-€22.50')
  await expect(page.getByTestId('figure-revenue')).toHaveText('€67.50')
  await expect(page.getByTestId('figure-uses')).toHaveText('2')

  // A void of B-2 cancels it and gives the customer's use back.
  await history.getByRole('button', { name: 'Refund or void order B-2' }).click()
  const voiding = page.getByRole('dialog', { name: 'Refund or void order B-2' })
  await voiding.getByLabel('Void (cancel the whole sale)').check()
  await expect(voiding).toContainText('SPRING10 gets its use back')
  await voiding.getByLabel('Reason').fill('Entered twice by mistake')
  await voiding.getByRole('button', { name: 'Void the sale' }).click()
  await expect(voiding).toBeHidden()
  await expect(history.getByRole('row').filter({ hasText: 'Void' })).toContainText('-€45.00')
  await expect(page.getByTestId('figure-revenue')).toHaveText('€22.50')
  await expect(page.getByTestId('figure-uses')).toHaveText('1')
  await snap(page, 'redemptions-reversals')

  // The refunded sale lists its correction.
  await history.getByRole('button', { name: 'Refund or void order B-1' }).click()
  await expect(page.getByRole('list', { name: 'Earlier corrections' })).toContainText(
    'Refunded €22.50 · One tart was dropped',
  )
  await snap(page, 'refund-dialog')
  await page.getByRole('button', { name: 'Cancel' }).click()

  // The sales and their corrections still verify.
  await shell.open('Settings')
  await page.getByRole('button', { name: 'Verify ledger' }).click()
  const verifying = page.getByRole('dialog', { name: 'Verifying the ledger' })
  await expect(verifying).toContainText('The ledger verifies: 4 entries checked')
  await snap(page, 'verify-ledger')
})

test('a code on an in-store order needs the manager PIN when the business says so', async ({
  page,
  app,
}) => {
  void app
  const shell = await openBakeryWithCode(page)

  await shell.open('Settings')
  const rules = page.getByRole('form', { name: 'Sales rules' })
  await rules.getByLabel('Codes on in-store and phone orders need a manager’s PIN').check()
  await rules.getByRole('button', { name: 'Save rules' }).click()
  await expect(rules).toContainText('Saved.')
  await rules.getByLabel('PIN', { exact: true }).fill('12')
  await rules.getByRole('button', { name: 'Set PIN' }).click()
  await expect(rules.getByLabel('PIN', { exact: true })).toHaveAccessibleDescription(
    'Use 4 to 12 digits.',
  )
  await rules.getByLabel('PIN', { exact: true }).fill('2468')
  await rules.getByRole('button', { name: 'Set PIN' }).click()
  await expect(rules).toContainText('Manager PIN (set)')
  await snap(page, 'settings-sales-rules')

  await shell.open('Checkout')
  const checkout = new CheckoutPage(page)
  await checkout.fill({
    code: 'SPRING10',
    email: 'ana@example.com',
    lines: [{ sku: 'CKE-TART', name: 'Lemon tart', unitPrice: '25.00' }],
    orderRef: 'P-1',
  })
  const pin = page.getByLabel('Manager PIN')
  await pin.fill('1111')
  await page.getByRole('button', { name: 'Record sale' }).click()
  await expect(
    page.getByRole('alert').filter({ hasText: 'That manager PIN is not right.' }),
  ).toBeVisible()
  await pin.fill('2468')
  await page.getByRole('button', { name: 'Record sale' }).click()
  await expect(page.getByText('Sale P-1 recorded')).toBeVisible()
})
