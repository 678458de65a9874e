import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { test, expect, snap, type AppHost } from './fixtures'
import { AnalyticsPage } from './pages/analytics.page'
import { CampaignsPage } from './pages/campaigns.page'
import { CheckoutPage } from './pages/checkout.page'
import { PromotersPage } from './pages/promoters.page'
import { ShellPage } from './pages/shell.page'

/** Calls the host's API directly, for setup the test is not about. */
async function api<T>(page: Page, app: AppHost, method: string, input: unknown): Promise<T> {
  const url = new URL(app.url)
  const response = await page.request.post(`${url.origin}/api/${method}`, {
    headers: { Authorization: `Bearer ${url.searchParams.get('token') ?? ''}` },
    data: input,
  })
  const envelope = (await response.json()) as
    { ok: true; value: T } | { ok: false; error: { message: string } }
  if (!envelope.ok) throw new Error(envelope.error.message)
  return envelope.value
}

test('three sales show up in the key figures, the breakdowns and the exports', async ({
  page,
  app,
}) => {
  const shell = new ShellPage(page)
  await shell.createFirstBusiness('Corner Bakery')
  const [business] = await api<{ id: number }[]>(page, app, 'businesses.list', {})
  await api(page, app, 'program.update', {
    businessId: business?.id,
    program: { rule: { kind: 'percent', rateBp: 1000 } },
  })
  await shell.open('Promoters')
  await new PromotersPage(page).add('Jay Martin', 'jay@example.com')
  await shell.open('Campaigns')
  const campaigns = new CampaignsPage(page)
  await campaigns.create({ name: 'Spring codes', percent: '10' })
  await campaigns.addCode({ code: 'JAY10', promoter: 'Jay Martin', maxUses: '20' })
  await campaigns.addCode({ code: 'SPRING10', maxUses: '20' })

  await shell.open('Checkout')
  const checkout = new CheckoutPage(page)
  // 45.00 and 27.00 with Jay's code (10 % commission: 7.20), 22.50 with the shop's.
  for (const [orderRef, code, email, quantity, unitPrice] of [
    ['S-1', 'JAY10', 'ana@example.com', '2', '25.00'],
    ['S-2', 'SPRING10', 'ben@example.com', '1', '25.00'],
    ['S-3', 'JAY10', 'cleo@example.com', '1', '30.00'],
  ] as const) {
    await checkout.fill({
      code,
      email,
      orderRef,
      lines: [{ sku: 'CKE-TART', quantity, unitPrice }],
    })
    await expect(checkout.result()).toContainText(`${code} applies`)
    await checkout.record()
    await checkout.newSale()
  }

  const analytics = new AnalyticsPage(page)
  await analytics.open()
  await expect(analytics.figure('orders')).toHaveText('3')
  await expect(analytics.figure('revenueMinor')).toHaveText('€94.50')
  await expect(analytics.figure('discountMinor')).toHaveText('€10.50')
  await expect(analytics.figure('commissionMinor')).toHaveText('€7.20')
  await expect(analytics.figure('netRevenueMinor')).toHaveText('€87.30')
  await expect(analytics.figure('newCustomers')).toHaveText('3')
  await expect(analytics.change('revenueMinor')).toHaveText('No previous data')
  await expect(analytics.breakdownRow('Code', 'JAY10')).toContainText('€72.00')
  await expect(analytics.totals()).toContainText('€10.50')
  await snap(page, 'analytics-sales')

  await analytics.breakDownBy('Promoter')
  await expect(analytics.breakdownRow('Promoter', 'Jay Martin')).toContainText('€7.20')
  await analytics.breakDownBy('Channel')
  await expect(analytics.totals()).toContainText('€94.50')
  await expect(analytics.section('Promoter leaderboard')).toContainText(/1\.\s*Jay Martin\s*€7\.20/)

  // The chart's data as CSV: one row per day of the last 30, today's holding the three sales.
  const downloading = page.waitForEvent('download')
  await analytics.section('Over time').getByRole('button', { name: 'Chart data to CSV' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/^analytics-dashboard-Corner-Bakery-.*\.csv$/)
  const lines = readFileSync(await download.path(), 'utf8')
    .trimEnd()
    .split('\r\n')
  expect(lines[0]).toBe(
    '\uFEFFDay,Orders,Redemptions,Revenue (EUR),Discount given (EUR),Commission cost (EUR)',
  )
  expect(lines).toHaveLength(31)
  expect(lines[30]).toMatch(/,3,3,94\.50,10\.50,7\.20$/)
  await page.getByRole('button', { name: 'Close' }).click()

  // A period that runs backwards is refused before anything is asked.
  await page.getByLabel('From').fill('2030-01-01')
  await expect(page.getByText('The first day must not be after the last.')).toBeVisible()
  await analytics.preset('This year')
  await expect(analytics.figure('orders')).toHaveText('3')
})

test('the demo’s two months read as a dashboard', async ({ page, app }) => {
  void app
  test.setTimeout(150_000)
  await page.getByRole('button', { name: 'Explore with demo data' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Campaigns' })).toBeVisible({
    timeout: 90_000,
  })
  const shell = new ShellPage(page)
  await shell.switchBusiness('Corner Bakery')
  const analytics = new AnalyticsPage(page)
  await analytics.open()
  await expect(analytics.figure('orders')).not.toHaveText('0')
  await expect(analytics.change('orders')).toContainText(/[▲▼]|No previous data|No change/)
  await expect(analytics.section('Over time').locator('svg path').first()).toBeVisible()
  await snap(page, 'analytics-dashboard')

  await analytics.section('Breakdown').scrollIntoViewIfNeeded()
  await snap(page, 'analytics-breakdown-code')
  await analytics.breakDownBy('Campaign')
  await expect(analytics.breakdown('Campaign')).toContainText('Winter promoters')
  // Sorting happens in the browser: by orders, fewest first.
  await analytics.breakdown('Campaign').getByRole('columnheader', { name: 'Orders' }).click()
  await snap(page, 'analytics-breakdown-campaign')

  await analytics.section('Compare campaigns').scrollIntoViewIfNeeded()
  await expect(
    analytics.section('Compare campaigns').getByRole('table', { name: 'Campaigns side by side' }),
  ).toBeVisible()
  await snap(page, 'analytics-compare')

  // Longer than three months: charted by month.
  const from = new Date(Date.now() - 200 * 86_400_000).toISOString().slice(0, 10)
  await page.getByLabel('From').fill(from)
  await expect(analytics.section('Over time')).toContainText('per month')
  await analytics.section('Over time').scrollIntoViewIfNeeded()
  await snap(page, 'analytics-year')

  // What if: the demo's past sales replayed under one of its campaigns.
  await shell.open('Campaigns')
  await page.getByRole('row', { name: /Winter promoters/ }).click()
  const whatIf = page.getByLabel('What if')
  await whatIf.getByRole('button', { name: 'Replay past sales' }).click()
  await expect(whatIf.getByTestId('what-if-uses')).toHaveText(/^[1-9][\d,]* sales$/)
  await expect(whatIf.getByTestId('what-if-discount')).toHaveText(/^€[\d,]+\.\d{2}$/)
  await whatIf.scrollIntoViewIfNeeded()
  await snap(page, 'campaign-what-if')
})
