import type { Page } from '@playwright/test'
import { test, expect, snap } from './fixtures'
import { readSheet, tableOf } from '../fixtures/xlsx'
import { AnalyticsPage } from './pages/analytics.page'
import { CampaignsPage } from './pages/campaigns.page'
import { CheckoutPage } from './pages/checkout.page'
import { FraudPage } from './pages/fraud.page'
import { PayoutsPage } from './pages/payouts.page'
import { ProgramSettingsPage } from './pages/program.page'
import { PromotersPage } from './pages/promoters.page'
import { ShellPage } from './pages/shell.page'
import { periodLabel } from '../../src/shared/commissions/periods'

/** The host's clock is real: this month (in Paris) is the open payout period. */
function thisMonth(): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date())
  const [year = 0, month = 1] = today.split('-').map(Number)
  return periodLabel(`${year}-${String(month).padStart(2, '0')}`)
}

const SELF_REFERRAL = /Jay Martin’s own email on orders made with their code/

async function configure(page: Page) {
  const program = new ProgramSettingsPage(page)
  await program.form.scrollIntoViewIfNeeded()
  await program.ruleKind('Percent of sale')
  await program.field('Rate').fill('10')
  await program.save()

  const signals = page.getByRole('form', { name: 'Fraud signal settings' })
  await signals.scrollIntoViewIfNeeded()
  const velocity = signals.getByRole('group', { name: 'Too many redemptions too fast' })
  // Checked as it is typed, with the API's own schema.
  await velocity.getByLabel('At most').fill('0')
  await expect(velocity.getByLabel('At most')).toHaveAccessibleDescription('At least 1.')
  await velocity.getByLabel('At most').fill('8')
  await expect(velocity.getByLabel('At most')).not.toHaveAccessibleDescription('At least 1.')
  const misuse = signals.getByRole('group', { name: 'Code used where it should not be' })
  for (const region of ['Paris', 'Lyon']) {
    await misuse.getByLabel('Regions the business sells in').fill(region)
    await misuse.getByLabel('Regions the business sells in').press('Enter')
  }
  await signals
    .getByRole('group', { name: 'New-customer offer used by a returning customer' })
    .getByRole('switch')
    .uncheck()
  await signals.getByRole('button', { name: 'Save signals' }).click()
  await expect(signals).toContainText('Saved.')
  await page.setViewportSize({ width: 1440, height: 1100 })
  await page
    .getByRole('region', { name: 'Fraud signals' })
    .evaluate((section) =>
      window.scrollTo(0, section.getBoundingClientRect().top + window.scrollY - 80),
    )
  await snap(page, 'settings-fraud')
  await page.setViewportSize({ width: 1440, height: 900 })
}

/** Four sales: Jay buys with his own code, two honest customers use it, one sale is in Marseille. */
async function sell(page: Page) {
  const checkout = new CheckoutPage(page)
  const form = page.getByRole('form', { name: 'Order' })
  const sales = [
    { orderRef: 'S-1', code: 'JAY10', email: 'ana@example.com' },
    { orderRef: 'S-2', code: 'JAY10', email: 'jay@example.com', device: 'TABLET-7' },
    { orderRef: 'S-3', code: 'JAY10', email: 'ben@example.com' },
    { orderRef: 'S-4', code: '', email: 'cleo@example.com', location: 'Marseille' },
  ]
  for (const sale of sales) {
    await checkout.fill({
      code: sale.code,
      email: sale.email,
      orderRef: sale.orderRef,
      lines: [{ sku: 'CKE-TART', quantity: '2', unitPrice: '25.00' }],
    })
    if (sale.location) await form.getByLabel('Location (optional)').fill(sale.location)
    if (sale.device) {
      await form.getByRole('button', { name: /Fraud signals \(optional\)/ }).click()
      await form.getByLabel('Device id').fill(sale.device)
      await form.getByLabel('IP address').fill('203.0.113.7')
      await expect(form).toContainText('2 of 3 filled')
      await snap(page, 'checkout-fraud-signals')
    }
    if (sale.code) await expect(checkout.result()).toContainText(`${sale.code} applies`)
    await checkout.record()
    await checkout.newSale()
  }
}

test('a self-referral is held, confirmed from the queue, clawed back from the payout, and blocked at checkout', async ({
  page,
  app,
}) => {
  void app
  // A long walk through five pages: on a loaded 2-core machine it takes over a minute.
  test.setTimeout(180_000)
  const shell = new ShellPage(page)
  await shell.createFirstBusiness('Corner Bakery')
  await shell.open('Settings')
  await configure(page)

  await shell.open('Promoters')
  await new PromotersPage(page).add('Jay Martin', 'jay@example.com')
  await shell.open('Campaigns')
  const campaigns = new CampaignsPage(page)
  await campaigns.create({ name: 'Spring codes', percent: '10' })
  await campaigns.addCode({ code: 'JAY10', promoter: 'Jay Martin', maxUses: '20' })

  await shell.open('Checkout')
  await sell(page)

  // Three sales with Jay's code at 45.00 each: 4.50 commission each, Jay's own one held.
  await shell.open('Payouts')
  const payouts = new PayoutsPage(page)
  const month = thisMonth()
  await expect(payouts.period(month)).toContainText('Open')
  await expect(await payouts.cell('Jay Martin', 'Accrued')).toHaveText('€13.50')
  await expect(await payouts.cell('Jay Martin', 'Pending')).toHaveText('€4.50')
  await expect(await payouts.cell('Jay Martin', 'Payable')).toHaveText('€9.00')
  await expect(await payouts.cell('Jay Martin', 'Closing')).toHaveText('€13.50')

  await shell.open('Fraud')
  const fraud = new FraudPage(page)
  await expect(fraud.tab(/^Open \(2\)/)).toBeVisible()
  // The most money at risk first: Jay's 4.50 held and 5.00 discount, before Marseille's nothing.
  await expect(fraud.rows().first()).toContainText(SELF_REFERRAL)
  await expect(fraud.rows().first()).toContainText('€9.50')
  await expect(fraud.rows().nth(1)).toContainText(
    'Sales in Marseille, outside the business’s regions',
  )

  // A scan of the whole history finds the same two cases again and opens none.
  await page.getByRole('button', { name: 'Scan history' }).click()
  const job = page.getByRole('dialog', { name: 'Scanning the history for fraud' })
  await expect(job).toContainText('2 cases opened or extended.')
  await job.getByRole('button', { name: 'Close' }).click()
  await expect(fraud.tab(/^Open \(2\)/)).toBeVisible()
  await snap(page, 'fraud-queue')

  const drawer = await fraud.openCase(SELF_REFERRAL)
  const orders = drawer.getByRole('table', { name: 'Orders and evidence' })
  await expect(orders.getByRole('row')).toHaveCount(2)
  await expect(orders).toContainText('S-2')
  await expect(orders).toContainText('Email: jay@example.com')
  const history = drawer.getByRole('region', { name: 'Promoter’s history' })
  await expect(history).toContainText(/Sales\s*3/)
  await expect(history).toContainText(/Earned\s*€13\.50/)
  await expect(drawer.getByRole('region', { name: 'Decisions' })).toContainText('No decision yet')
  await snap(page, 'fraud-case-drawer')

  await drawer.getByRole('button', { name: 'Confirm fraud…' }).click()
  const confirm = page.getByRole('dialog', { name: /^Confirm case/ })
  await expect(confirm).toContainText('The sales themselves are never reversed')
  await confirm.getByRole('button', { name: 'Confirm and reverse commissions' }).click()
  await expect(confirm.getByLabel('Note')).toHaveAccessibleDescription('Say why.')
  await snap(page, 'fraud-confirm-dialog')
  await confirm.getByRole('button', { name: 'Cancel' }).click()
  await fraud.decide('Confirm', 'Jay bought with his own code.', 'Sam Lee')
  await expect(drawer.getByText('Confirmed', { exact: true }).first()).toBeVisible()
  await expect(drawer.getByRole('list', { name: 'Decisions' })).toContainText('by Sam Lee')
  await expect(drawer.getByRole('list', { name: 'Decisions' })).toContainText(
    'Jay bought with his own code.',
  )

  // Block Jay's email straight from the case: the evidence fills it in.
  await drawer.getByRole('button', { name: 'Block…' }).click()
  await expect(fraud.blockDialog().getByLabel('Value', { exact: true })).toHaveValue(
    'jay@example.com',
  )
  await expect(fraud.blockDialog().getByLabel('Decided by')).toHaveValue('Sam Lee')
  await snap(page, 'fraud-block-dialog')
  await fraud.submitBlock()
  await expect(drawer.getByRole('list', { name: 'Decisions' })).toContainText('Blocked')
  await snap(page, 'fraud-case-confirmed')
  await drawer.getByRole('button', { name: 'Close' }).click()
  await expect(fraud.tab(/^Open \(1\)/)).toBeVisible()
  await expect(fraud.tab(/^Confirmed \(1\)/)).toBeVisible()

  await fraud.tab('Blocked').click()
  await page.getByRole('button', { name: 'Block a value' }).click()
  await fraud.blockDialog().getByLabel('Value', { exact: true }).fill('jay.promo@gmail.com')
  await fraud.blockDialog().getByLabel('Note (optional)').fill('Jay’s other address')
  await fraud.submitBlock()
  await expect(fraud.blocks().getByRole('row')).toHaveCount(3)
  await expect(fraud.blocks()).toContainText('jay@example.com')
  await expect(fraud.blocks()).toContainText('jay.promo@gmail.com')
  await snap(page, 'fraud-blocked')

  const downloading = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export cases' }).click()
  const download = await downloading
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click()
  const exported = tableOf(await readSheet(await download.path(), 'Cases'), 'Case')
  expect(exported.data.map((row) => row[4])).toEqual(['Open', 'Confirmed'])
  const decisions = tableOf(await readSheet(await download.path(), 'Decisions'), 'Case')
  expect(decisions.data.map((row) => [row[1], row[3]])).toEqual([
    ['Confirmed', 'Sam Lee'],
    ['Blocked', 'Sam Lee'],
  ])

  // The held 4.50 is no longer pending: it was clawed back; the sale itself still counts.
  await shell.open('Payouts')
  await expect(await payouts.cell('Jay Martin', 'Accrued')).toHaveText('€13.50')
  await expect(await payouts.cell('Jay Martin', 'Reversed')).toHaveText('-€4.50')
  await expect(await payouts.cell('Jay Martin', 'Pending')).toHaveText('€0.00')
  await expect(await payouts.cell('Jay Martin', 'Payable')).toHaveText('€9.00')
  await expect(await payouts.cell('Jay Martin', 'Closing')).toHaveText('€9.00')
  await page.getByRole('button', { name: 'Lines of Jay Martin’s statement' }).click()
  const lines = page.getByRole('dialog', { name: `Jay Martin · ${month}` })
  await expect(lines.getByRole('row', { name: /S-2.*Reversal/ })).toContainText('Clawed back')
  await snap(page, 'fraud-payout-after')
  await lines.getByRole('button', { name: 'Close' }).click()

  // Blocked at checkout, with the +tag and Gmail dot variants.
  await shell.open('Checkout')
  const checkout = new CheckoutPage(page)
  for (const email of ['Jay+x@example.com', 'JayPromo+1@gmail.com']) {
    await checkout.fill({ code: 'JAY10', email, lines: [{ sku: 'CKE-TART', unitPrice: '25.00' }] })
    await expect(checkout.result().getByRole('alert')).toContainText('Sale refused: blocked')
    await expect(checkout.result()).toContainText(
      'This email address is blocked at this business after a fraud review.',
    )
    await expect(page.getByRole('button', { name: 'Record sale' })).toBeDisabled()
  }
  await snap(page, 'checkout-blocked')

  const analytics = new AnalyticsPage(page)
  await analytics.open()
  await expect(analytics.figure('orders')).toHaveText('4')
  // Commission cost counts the clawback: only the two honest sales' 4.50 each.
  await expect(analytics.figure('commissionMinor')).toHaveText('€9.00')
  await snap(page, 'fraud-analytics')
})
