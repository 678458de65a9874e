import { expect, type Page } from '@playwright/test'

export class PromotersPage {
  constructor(readonly page: Page) {}

  async add(name: string, email: string) {
    await this.page.getByRole('button', { name: 'New promoter' }).click()
    const dialog = this.page.getByRole('dialog', { name: 'New promoter' })
    await dialog.getByLabel('Name').fill(name)
    await dialog.getByLabel('Email').fill(email)
    await dialog.getByRole('button', { name: 'Add promoter' }).click()
    await expect(dialog).toBeHidden()
    await expect(this.page.getByRole('row', { name: new RegExp(name) })).toBeVisible()
  }
}
