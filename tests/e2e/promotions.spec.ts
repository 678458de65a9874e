import { test, expect, snap } from './fixtures'
import { ShellPage } from './pages/shell.page'
import { CampaignsPage } from './pages/campaigns.page'
import { CheckoutPage } from './pages/checkout.page'

test('the editor builds an automatic tiered promotion and a buy-2-get-1 code, and checkout explains both', async ({
  page,
  app,
}) => {
  void app
  test.setTimeout(120_000)
  const shell = new ShellPage(page)
  await shell.createFirstBusiness('Trail Shop')
  await shell.open('Campaigns')
  const campaigns = new CampaignsPage(page)
  const editor = campaigns.editor()

  // (a) An automatic tiered promotion, typed in the generic tiers table.
  await editor.open()
  await editor.name('Volume discount')
  await snap(page, 'editor-new')
  await editor.kind('Automatic, no code')
  await editor.discount('Tiers')
  await editor.setTier(0, '2', '5')
  // A tier's own mistake shows beside its field, as it is typed.
  await editor.setTier(1, '1', '10')
  await expect(editor.tier(1)).toContainText('Each tier must start above the one before.')
  await editor.setTier(1, '5', '10')
  await expect(editor.tier(1)).not.toContainText('Each tier must start above the one before.')
  await expect(editor.summary()).toHaveText('5% off from 2 items, 10% off from 5 items.')
  await snap(page, 'editor-tiers')
  await editor.create('Volume discount')
  await expect(page.getByTestId('campaign-terms')).toHaveText(
    '5% off from 2 items, 10% off from 5 items.',
  )
  await expect(page.getByRole('button', { name: 'Add code' })).toHaveCount(0)
  await expect(page.getByText('Automatic campaigns need no code')).toBeVisible()

  // Its page tries a cart against it alone: five items reach the second tier.
  const testCart = page.getByLabel('Test cart')
  await testCart.getByLabel('SKU').fill('CAP-1')
  await testCart.getByLabel('Qty').fill('5')
  await testCart.getByLabel('Unit price').fill('6.00')
  const tried = page.getByLabel('Checkout result').getByRole('group', {
    name: 'Promotion Volume discount',
  })
  await expect(tried).toContainText('Applied')
  await expect(tried.getByTestId('promotion-amount')).toHaveText('−€3.00')
  await snap(page, 'campaign-try-cart')

  // Paused, it applies to nothing: the page and the list say so. Then it resumes.
  const active = page.getByRole('switch', { name: 'Campaign active' })
  await active.click()
  await expect(page.getByText('Paused: this campaign applies to no cart')).toBeVisible()
  await snap(page, 'campaign-paused')
  await shell.open('Campaigns')
  const volumeRow = page
    .getByRole('table', { name: 'Campaigns' })
    .getByRole('row', { name: /Volume discount/ })
  await expect(volumeRow).toContainText('Paused')
  await volumeRow.click()
  await active.click()
  await expect(page.getByText('Paused: this campaign applies to no cart')).toBeHidden()

  // (b) Buy 2 get 1 free is a third off the items in the deal: above the default 30% policy.
  await shell.open('Campaigns')
  await editor.open()
  await editor.name('Trio deal')
  await editor.discount('Buy X get Y')
  const policyMessage = editor.dialog.getByText('This takes up to 33.33% off an item')
  await policyMessage.scrollIntoViewIfNeeded()
  await expect(policyMessage).toBeVisible()
  await snap(page, 'editor-policy')
  await editor.dialog.getByRole('button', { name: 'Cancel' }).click()
  await shell.open('Settings')
  await page.getByLabel('Largest discount (%)').fill('50')
  await page.getByRole('button', { name: 'Save policy' }).click()
  await expect(page.getByText(/^Saved\. New codes follow/)).toBeVisible()

  await shell.open('Campaigns')
  await editor.open()
  await editor.name('Trio deal')
  await editor.discount('Buy X get Y')
  await expect(editor.dialog).not.toContainText('This takes up to')
  await editor.fill('Priority', '1')
  await editor.addChips('Categories', ['Socks'], editor.selector('Only these items'))
  await editor.fill('Uses per day', '50')
  const schedule = await editor.addCondition('Weekdays and hours')
  await expect(editor.summary()).toHaveText(
    'Buy 2 get 1 free, on Socks, Fridays 18:00–20:00, at most 50 uses a day.',
  )
  await schedule.getByRole('button', { name: 'Saturday' }).click()
  await editor.fill('Until', '21:30', schedule)
  await expect(editor.summary()).toHaveText(
    'Buy 2 get 1 free, on Socks, Fridays and Saturdays 18:00–21:30, at most 50 uses a day.',
  )
  await editor.fill('Until', '17:00', schedule)
  await expect(schedule).toContainText('The end must be after the start.')
  await expect(editor.dialog.getByRole('status', { name: 'Summary' })).toContainText(
    'One condition is incomplete',
  )
  await snap(page, 'editor-buy-x-get-y')
  // The deal runs every day in the end: the condition goes.
  await schedule.getByRole('button', { name: 'Remove condition Weekdays and hours' }).click()
  await expect(editor.summary()).toHaveText('Buy 2 get 1 free, on Socks, at most 50 uses a day.')
  await editor.create('Trio deal')
  await campaigns.addCode({ code: 'TRIO' })

  await shell.open('Campaigns')
  const list = page.getByRole('table', { name: 'Campaigns' })
  await expect(list.getByRole('row', { name: /Volume discount/ })).toContainText('Automatic')
  await expect(list.getByRole('row', { name: /Volume discount/ })).toContainText('Active')
  await snap(page, 'campaigns-kinds')

  // One item: the tier is not reached, and the panel says what would unlock it.
  await shell.open('Checkout')
  const checkout = new CheckoutPage(page)
  await checkout.fill({ lines: [{ sku: 'SOCK-1', name: 'Trail socks', unitPrice: '12.00' }] })
  const volume = checkout.promotion('Volume discount')
  await expect(volume).toContainText('Not applied')
  await expect(volume).toContainText('Add 1 more item')
  await expect(page.getByTestId('total-total')).toHaveText('€12.00')
  await snap(page, 'checkout-tier-hint')

  // Three of the same socks with the code: the deal (priority 1) gives one free, then the tier
  // takes 5% off what is left.
  await checkout.fill({
    code: 'TRIO',
    email: 'mia@example.com',
    lines: [
      {
        sku: 'SOCK-1',
        name: 'Trail socks',
        quantity: '3',
        unitPrice: '12.00',
        category: 'Socks',
      },
    ],
  })
  await expect(checkout.result()).toContainText('TRIO applies')
  const trio = checkout.promotion('Trio deal')
  await expect(trio).toContainText('Applied')
  await expect(trio.getByTestId('promotion-amount')).toHaveText('−€12.00')
  await trio.getByRole('button', { name: /checks passed/ }).click()
  await expect(trio.getByRole('list', { name: 'Checks for Trio deal' })).toContainText(
    'Buy 2 get 1: applies once',
  )
  await expect(volume).toContainText('Applied')
  await expect(volume.getByTestId('promotion-amount')).toHaveText('−€1.20')
  await expect(volume).toContainText('Add 2 more items to get 10% off.')
  const lineDiscount = page.getByTestId('line-0-discount')
  await expect(lineDiscount).toContainText('−€13.20')
  await expect(lineDiscount).toContainText('Trio deal −€12.00')
  await expect(lineDiscount).toContainText('Volume discount −€1.20')
  await expect(page.getByTestId('total-subtotal')).toHaveText('€36.00')
  await expect(page.getByTestId('total-discount')).toHaveText('−€13.20')
  await expect(page.getByTestId('total-total')).toHaveText('€22.80')
  await snap(page, 'checkout-buy-x-get-y')
  await checkout.record()
  await expect(page.getByText('Sale POS-')).toContainText('€22.80')
})

test('prices that include tax show the tax contained in the total', async ({ page, app }) => {
  void app
  const shell = new ShellPage(page)
  await shell.createFirstBusiness('Tax Shop')
  await shell.open('Settings')
  const business = page.getByRole('form', { name: 'Business' })
  await business.getByRole('combobox', { name: 'Prices' }).click()
  await page.getByRole('option', { name: 'Prices include tax' }).click()
  await business.getByLabel('Default tax rate').fill('20')
  await business.getByRole('button', { name: 'Save business' }).click()
  await expect(business.getByText('Saved.')).toBeVisible()
  await snap(page, 'settings-tax')

  await shell.open('Checkout')
  const checkout = new CheckoutPage(page)
  await checkout.fill({ lines: [{ sku: 'MUG-1', name: 'Mug', unitPrice: '12.00' }] })
  await expect(page.getByTestId('total-tax')).toHaveText('€2.00')
  await expect(checkout.result()).toContainText('Tax (incl.)')
  await expect(page.getByTestId('total-total')).toHaveText('€12.00')
  await snap(page, 'checkout-tax')
})
