import { test, expect, snap } from './fixtures'
import { readSheet, tableOf } from '../fixtures/xlsx'
import { ShellPage } from './pages/shell.page'
import { CampaignsPage } from './pages/campaigns.page'

test('bulk generation shows progress, can be cancelled without leftovers, and the codes export', async ({
  page,
  app,
}) => {
  void app
  test.setTimeout(120_000)
  const shell = new ShellPage(page)
  await shell.createFirstBusiness('Gift Cards Co')
  await shell.open('Campaigns')
  const campaigns = new CampaignsPage(page)
  await campaigns.create({ name: 'Holiday cards', amount: '5.00' })

  const generate = async (count: string) => {
    await page.getByRole('button', { name: 'Generate codes' }).click()
    const dialog = page.getByRole('dialog', { name: /Generate codes for/ })
    await dialog.getByLabel('How many').fill(count)
    await dialog.getByLabel('Pattern').fill('XMAS-########')
    await dialog.getByRole('button', { name: 'Generate' }).click()
    return page.getByRole('dialog', { name: /Generating/ })
  }

  // A large run, cancelled at once: none of its codes remain.
  const large = await generate('600000')
  await large.getByRole('button', { name: 'Cancel' }).click()
  await expect(large).toContainText('Cancelled; nothing was kept.', { timeout: 60_000 })
  await large.getByRole('button', { name: 'Close' }).click()
  await expect(page.getByRole('grid', { name: 'Codes' })).toContainText('No codes yet.')

  const small = await generate('3000')
  await expect(small).toContainText('3,000 codes were added to Holiday cards.', { timeout: 60_000 })
  await snap(page, 'bulk-done')
  await small.getByRole('button', { name: 'Close' }).click()
  await expect(page.getByText(/of 3,?000/)).toBeVisible()

  const downloading = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export codes' }).click()
  const download = await downloading
  const codes = tableOf(await readSheet(await download.path(), 'Codes'), 'Code').data.map(
    (row) => row[0],
  )
  expect(codes).toHaveLength(3000)
  expect(new Set(codes).size).toBe(3000)
  for (const code of codes) expect(code).toMatch(/^XMAS-[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/)
})
