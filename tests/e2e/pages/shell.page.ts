import { expect, type Page } from '@playwright/test'

/** The frame of the app: the start screen, the business switcher and the sections. */
export class ShellPage {
  constructor(readonly page: Page) {}

  async createFirstBusiness(name: string, currency = 'EUR', timeZone = 'Europe/Paris') {
    await this.page.getByRole('button', { name: 'Create your first business' }).click()
    await this.fillBusinessDialog(name, currency, timeZone)
  }

  async createBusinessFromSwitcher(name: string, currency: string, timeZone: string) {
    await this.page.getByRole('combobox', { name: 'Business', exact: true }).click()
    await this.page.getByRole('option', { name: 'New business…' }).click()
    await this.fillBusinessDialog(name, currency, timeZone)
  }

  async switchBusiness(name: string) {
    await this.page.getByRole('combobox', { name: 'Business', exact: true }).click()
    await this.page.getByRole('option', { name: new RegExp(`^${name}`) }).click()
    await expect(this.page.getByRole('combobox', { name: 'Business', exact: true })).toContainText(
      name,
    )
  }

  async open(
    section:
      | 'Checkout'
      | 'Campaigns'
      | 'Codes'
      | 'Redemptions'
      | 'Promoters'
      | 'Payouts'
      | 'Fraud'
      | 'Products'
      | 'Import'
      | 'Settings',
  ) {
    await this.page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: section })
      .click()
    await expect(this.page.getByRole('heading', { level: 1, name: section })).toBeVisible()
  }

  private async fillBusinessDialog(name: string, currency: string, timeZone: string) {
    const dialog = this.page.getByRole('dialog', { name: 'New business' })
    await dialog.getByLabel('Business name').fill(name)
    await this.pickOption(dialog.getByLabel('Currency'), currency)
    await this.pickOption(dialog.getByLabel('Time zone'), timeZone)
    await dialog.getByRole('button', { name: 'Create business' }).click()
    await expect(dialog).toBeHidden()
    await expect(this.page.getByRole('combobox', { name: 'Business', exact: true })).toContainText(
      name,
    )
  }

  private async pickOption(input: ReturnType<Page['getByLabel']>, value: string) {
    if ((await input.inputValue()) === value) return
    await input.fill(value)
    await this.page.getByRole('option', { name: value, exact: true }).click()
  }
}
