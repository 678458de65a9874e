import { expect, type Locator, type Page } from '@playwright/test'

/** Settings → Affiliate program: attribution, payouts, the commission rule and its summary. */
export class ProgramSettingsPage {
  readonly form: Locator

  constructor(readonly page: Page) {
    this.form = page.getByRole('form', { name: 'Affiliate program settings' })
  }

  readonly summary = () => this.page.getByRole('status', { name: 'Program summary' })

  async ruleKind(label: string) {
    await this.form
      .getByRole('group', { name: 'Commission kind' })
      .getByRole('button', { name: label })
      .click()
  }

  field(label: string) {
    return this.form.getByLabel(label, { exact: true })
  }

  async save() {
    await this.form.getByRole('button', { name: 'Save program' }).click()
    await expect(this.form).toContainText('Saved.')
  }
}
