import { test, expect, snap } from './fixtures'
import { ShellPage } from './pages/shell.page'
import { CampaignsPage } from './pages/campaigns.page'
import { PromotersPage } from './pages/promoters.page'

test('the creation policy refuses a code that breaks it, naming each rule beside its field', async ({
  page,
  app,
}) => {
  void app
  const shell = new ShellPage(page)
  await shell.createFirstBusiness('Policy Shop', 'USD', 'America/New_York')
  await shell.open('Promoters')
  await new PromotersPage(page).add('Emma Laurent', 'emma@example.com')
  await shell.open('Campaigns')
  const campaigns = new CampaignsPage(page)

  // 35% is refused before anything is sent: the form knows the policy.
  const editor = campaigns.editor()
  await editor.open()
  await editor.name('Too generous')
  await editor.fill('Percent off', '35')
  await editor.submit()
  await expect(editor.dialog).toContainText('The policy allows at most 30%.')
  await editor.dialog.getByRole('button', { name: 'Cancel' }).click()

  await campaigns.create({ name: 'Spring partners', percent: '15' })
  await campaigns.submitCode({
    code: 'EMMA15',
    promoter: 'Emma Laurent',
    maxUses: '21',
    maxUsesPerCustomer: '3',
    startsOn: '2027-01-31',
    endsOn: '2027-03-01',
  })
  const dialog = campaigns.codeDialog()
  await expect(dialog).toContainText('21 uses is above the policy’s maximum of 20 uses per code.')
  await expect(dialog).toContainText('3 uses per customer is above the policy’s maximum of 2.')
  await expect(dialog).toContainText('The window is longer than the policy’s maximum of one month.')
  await snap(page, 'policy-refused')

  // Within the policy the same code is accepted.
  await dialog.getByLabel('Total uses').fill('20')
  await dialog.getByLabel('Uses per customer').fill('2')
  await dialog.getByLabel('Last day').fill('2027-02-27')
  await dialog.getByRole('button', { name: 'Create code' }).click()
  await expect(dialog).toBeHidden()
  await expect(campaigns.codeRow('EMMA15')).toContainText('scheduled')
})
