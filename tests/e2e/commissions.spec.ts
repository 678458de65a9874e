import type { Page } from '@playwright/test'
import { test, expect, snap } from './fixtures'
import { readSheet, tableOf } from '../fixtures/xlsx'
import { csv003 } from '../fixtures/order-files'
import { ShellPage } from './pages/shell.page'
import { PromotersPage } from './pages/promoters.page'
import { CampaignsPage } from './pages/campaigns.page'
import { ImportPage } from './pages/import.page'
import { ProgramSettingsPage } from './pages/program.page'
import { PayoutsPage } from './pages/payouts.page'
import { periodLabel } from '../../src/shared/commissions/periods'

const ZONE = 'Europe/Paris'
/** The host's clock is real: last month (in Paris) is the period that has ended. */
function lastMonth() {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date())
  const [year = 0, month = 1] = today.split('-').map(Number)
  const y = month === 1 ? year - 1 : year
  const m = month === 1 ? 12 : month - 1
  const mm = String(m).padStart(2, '0')
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return {
    today,
    day: (d: number) => `${y}-${mm}-${String(d).padStart(2, '0')}`,
    first: `${y}-${mm}-01`,
    last: `${y}-${mm}-${days}`,
    label: periodLabel(`${y}-${mm}`),
  }
}

async function configureTenPercent(page: Page) {
  const program = new ProgramSettingsPage(page)
  await program.form.scrollIntoViewIfNeeded()
  await program.ruleKind('Percent of sale')
  // Checked as it is typed, with the API's own schema.
  await program.field('Rate').fill('0')
  await expect(program.field('Rate')).toHaveAccessibleDescription('The percentage must be above 0.')
  await program.field('Rate').fill('10')
  await expect(program.summary()).toContainText(
    '10% of each attributed sale’s merchandise after discount, without tax or shipping.',
  )
  await expect(program.summary()).toContainText('The newest engagement wins the sale')
  await expect(program.summary()).toContainText('Monthly payout periods.')
  await program.save()
  // The section is taller than the window: look at all of it at once.
  await page.setViewportSize({ width: 1440, height: 1300 })
  await page
    .getByRole('region', { name: 'Affiliate program' })
    .evaluate((section) =>
      window.scrollTo(0, section.getBoundingClientRect().top + window.scrollY - 80),
    )
  await snap(page, 'settings-program')
  await page.setViewportSize({ width: 1440, height: 900 })
}

/** Three web orders of last month with Jay's code (discounts per unit): 54.00, 45.00 and 27.00 after 10% off. */
function lastMonthOrders(month: ReturnType<typeof lastMonth>): string {
  return csv003([
    {
      id: 'W-1',
      date: `${month.day(10)} 09:15`,
      email: 'ana@example.com',
      items: [
        { product: 'BRD-SOUR', price: '20.00', quantity: '3', discount: '2.00', coupon: 'JAY10' },
      ],
    },
    {
      id: 'W-2',
      date: `${month.day(12)} 10:40`,
      email: 'ben@example.com',
      items: [
        { product: 'CKE-TART', price: '25.00', quantity: '2', discount: '2.50', coupon: 'JAY10' },
      ],
    },
    {
      id: 'W-3',
      date: `${month.day(14)} 16:05`,
      email: 'cleo@example.com',
      items: [
        { product: 'CFE-BEAN', price: '15.00', quantity: '2', discount: '1.50', coupon: 'JAY10' },
      ],
    },
  ])
}

test('a 10% rule pays commissions on last month’s sales; the period closes, is paid and exports', async ({
  page,
  app,
}) => {
  void app
  // Settings, an import, a refund and four payout steps: over a minute on a loaded machine.
  test.setTimeout(150_000)
  const month = lastMonth()
  const shell = new ShellPage(page)
  await shell.createFirstBusiness('Corner Bakery')

  await shell.open('Settings')
  await configureTenPercent(page)

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
    startsOn: month.first,
    endsOn: month.last,
  })
  await expect(page.getByTestId('campaign-commission')).toHaveText(
    'Follows the business rule: 10% of each attributed sale’s merchandise after discount, without tax or shipping.',
  )
  await lookAtCommissionDialog(page)

  await shell.open('Import')
  const imports = new ImportPage(page)
  await imports.chooseFile('last-month.csv', lastMonthOrders(month))
  await imports.check()
  await expect(imports.summary()).toContainText('To import3')
  const job = await imports.importOrders(3, '3 orders imported, 0 rejected.')
  await job.getByRole('button', { name: 'Close' }).click()

  // Jay's code won W-1; then W-2 is refunded in full, which takes its commission back.
  await shell.open('Redemptions')
  const history = page.getByRole('grid', { name: 'Redemption history' })
  await history.getByRole('button', { name: 'Who earned order W-1' }).click()
  const who = page.getByRole('dialog', { name: 'Who earned order W-1' })
  await expect(who.getByTestId('attribution-explanation')).toContainText(
    'Jay Martin earned this sale',
  )
  await expect(who.getByTestId('attribution-commission')).toHaveText('€5.40')
  await expect(who.getByRole('table', { name: 'Competing engagements' })).toContainText(
    'Jay Martin',
  )
  await snap(page, 'sale-attribution')
  await who.getByRole('button', { name: 'Close' }).click()
  await history.getByRole('button', { name: 'Refund or void order W-2' }).click()
  const refund = page.getByRole('dialog', { name: 'Refund or void order W-2' })
  await refund.getByLabel('Reason').fill('Tart arrived broken')
  await refund.getByRole('button', { name: 'Record the refund' }).click()
  await expect(refund).toBeHidden()

  await shell.open('Payouts')
  const payouts = new PayoutsPage(page)
  await expect(payouts.period(month.label)).toContainText('Open')
  await payouts.period(month.label).click()
  await expect(payouts.section()).toContainText('Ended: close it')
  await expect(await payouts.cell('Jay Martin', 'Accrued')).toHaveText('€12.60')
  await expect(await payouts.cell('Jay Martin', 'Reversed')).toHaveText('-€4.50')
  await expect(await payouts.cell('Jay Martin', 'Payable')).toHaveText('€8.10')
  await expect(await payouts.cell('Jay Martin', 'Closing')).toHaveText('€8.10')
  await expect(page.getByTestId('ledger-head')).toContainText(/Ledger head: [0-9a-f]{16,}/)

  await payouts.closePeriod(month.label)
  await expect(payouts.period(month.label)).toContainText('Closed')
  await expect(payouts.section()).toContainText('Ledger head at closing')
  await snap(page, 'payouts-statements')
  const payable = await (await payouts.cell('Jay Martin', 'Payable')).innerText()

  await payouts.markPaid('Jay Martin', 'TR-0001')
  await expect(await payouts.cell('Jay Martin', 'Paid')).toHaveText('€8.10')
  await expect(payouts.statement('Jay Martin')).toContainText(`Paid ${month.today}`)

  await page.getByRole('button', { name: 'Lines of Jay Martin’s statement' }).click()
  const lines = page.getByRole('dialog', { name: `Jay Martin · ${month.label}` })
  const linesGrid = lines.getByRole('grid', { name: 'Statement lines' })
  await expect(linesGrid.getByRole('row')).toHaveCount(5) // the header, three sales, one reversal
  await expect(linesGrid.getByRole('row', { name: /W-2.*Reversal/ })).toContainText('-€4.50')
  await expect(lines).toContainText('reference TR-0001')
  await snap(page, 'payouts-lines')
  await lines.getByRole('button', { name: 'Close' }).click()

  const downloading = page.waitForEvent('download')
  await payouts.section().getByRole('button', { name: 'Export to Excel' }).click()
  const download = await downloading
  await expect(page.getByRole('dialog')).toContainText('Downloaded')
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click()
  const summary = await readSheet(await download.path(), 'Summary')
  const { header, data } = tableOf(summary, 'Promoter')
  const jay = data.find((row) => row[0] === 'Jay Martin')
  expect(jay?.[header.indexOf('Payable')]).toBe(8.1)
  expect(payable).toBe('€8.10')

  await shell.open('Promoters')
  await page.getByRole('link', { name: 'Jay Martin' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Jay Martin' })).toBeVisible()
  await expect(page.getByTestId('figure-earned')).toHaveText('€8.10')
  await expect(page.getByTestId('figure-paid')).toHaveText('€8.10')
  await expect(page.getByTestId('figure-balance')).toHaveText('€0.00')
  await page.getByRole('button', { name: 'Record engagement' }).click()
  const engagement = page.getByRole('dialog', { name: 'Record an engagement for Jay Martin' })
  await engagement.getByRole('button', { name: 'Record engagement' }).click()
  await expect(engagement.getByLabel('Customer email')).toHaveAccessibleDescription(
    'Enter the customer’s email or customer id.',
  )
  await engagement.getByLabel('Customer email').fill('dora@example.com')
  await engagement.getByRole('button', { name: 'Record engagement' }).click()
  await expect(engagement).toBeHidden()
  await expect(page.getByRole('grid', { name: 'Engagements' })).toContainText('dora@example.com')
  await snap(page, 'promoter-engagements')
  await page.getByRole('tab', { name: 'Commissions' }).click()
  await expect(page.getByRole('grid', { name: 'Commissions' }).getByRole('row')).toHaveCount(5)
  await snap(page, 'promoter-page')
})

/** The campaign's commission dialog: its own tiered rule, checked and described as it is typed. */
async function lookAtCommissionDialog(page: Page) {
  await page.getByRole('button', { name: 'Change commission' }).click()
  const dialog = page.getByRole('dialog', { name: 'Commission for Web promoters' })
  await dialog.getByLabel('Give this campaign its own rule').check()
  await dialog
    .getByRole('group', { name: 'Commission kind' })
    .getByRole('button', { name: 'Tiered' })
    .click()
  await dialog.getByRole('button', { name: 'Add tier' }).click()
  const third = dialog.getByRole('group', { name: 'Tier 3' })
  await third.getByLabel('Starts above').fill('500')
  await expect(third.getByLabel('Starts above')).toHaveAccessibleDescription(
    'Each tier starts above the one before it.',
  )
  await third.getByLabel('Starts above').fill('5000')
  await expect(dialog.getByRole('status', { name: 'Rule summary' })).toContainText(
    'Tiers by the promoter’s sales in each payout period: 5% up to €1,000.00, 8% from €1,000.00 to €5,000.00, 10% above €5,000.00',
  )
  await snap(page, 'campaign-commission-dialog')
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toBeHidden()
}
