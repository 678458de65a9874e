import { test, expect, snap } from './fixtures'
import { BackupsSection } from './pages/backups.page'
import { ShellPage } from './pages/shell.page'

test('back up, change something, restore: the change is undone and the replaced data is kept', async ({
  page,
  app,
}) => {
  void app
  const shell = new ShellPage(page)
  await shell.createFirstBusiness('Backup Bakery')
  await shell.open('Settings')
  const backups = new BackupsSection(page)
  // The host backed the (then empty) workspace up when it started.
  await expect(backups.section()).toContainText('backups folder next to the workspace file')
  await expect(backups.rows()).toHaveCount(1)
  await expect(backups.rows().first()).toContainText('Automatic')

  expect(await backups.backUpNow()).toMatch(/^Saved workspace_.*_manual\.sqlite \(\d+ KB\)\./)
  await expect(backups.rows()).toHaveCount(2)
  await expect(backups.rows().first()).toContainText('Manual')

  const business = page.getByRole('form', { name: 'Business' })
  await business.getByLabel('Name').fill('Renamed Bakery')
  await business.getByRole('button', { name: 'Save business' }).click()
  await expect(page.getByRole('combobox', { name: 'Business', exact: true })).toContainText(
    'Renamed Bakery',
  )

  await backups.askToRestore(0)
  await snap(page, 'settings-backups-restore')
  expect(await backups.confirmRestore()).toMatch(
    /^Restored workspace_.*_manual\.sqlite; its 0 ledger entries verified\. The data it replaced was saved as workspace_.*_before-restore\.sqlite\./,
  )
  await expect(page.getByRole('combobox', { name: 'Business', exact: true })).toContainText(
    'Backup Bakery',
  )
  await expect(backups.rows()).toHaveCount(3)
  await expect(backups.rows().first()).toContainText('Before a restore')

  await backups.setKeep('0')
  await expect(backups.section()).toContainText('Enter a number from 1 to 100.')
  await backups.setKeep('5')
  await expect(backups.section()).toContainText('Saved. Older backups beyond this number')
  await snap(page, 'settings-backups')
})
