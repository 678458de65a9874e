import { expect, type Page } from '@playwright/test'

/** The Fraud page: the queue by status, a case's drawer with its decisions, and the block list. */
export class FraudPage {
  constructor(readonly page: Page) {}

  tab(name: RegExp | string) {
    return this.page.getByRole('tablist', { name: 'Cases' }).getByRole('tab', { name })
  }

  queue(status: 'Open' | 'Dismissed' | 'Confirmed' = 'Open') {
    return this.page.getByRole('grid', { name: `${status} cases` })
  }

  /** The queue's data rows, top first. */
  rows(status: 'Open' | 'Dismissed' | 'Confirmed' = 'Open') {
    return this.queue(status)
      .getByRole('row')
      .filter({ has: this.page.getByRole('gridcell') })
  }

  drawer() {
    return this.page.getByRole('dialog', { name: /^Case #\d+/ })
  }

  async openCase(summary: RegExp) {
    await this.page
      .getByRole('button', { name: new RegExp(`Open case \\d+: ${summary.source}`) })
      .click()
    await expect(this.drawer()).toBeVisible()
    return this.drawer()
  }

  async decide(action: 'Dismiss' | 'Confirm', note: string, decidedBy: string) {
    await this.drawer()
      .getByRole('button', { name: action === 'Confirm' ? 'Confirm fraud…' : 'Dismiss…' })
      .click()
    const dialog = this.page.getByRole('dialog', { name: new RegExp(`^${action}`) })
    await dialog.getByLabel('Note').fill(note)
    await dialog.getByLabel('Decided by').fill(decidedBy)
    await dialog.getByRole('button', { name: /Confirm and reverse|Dismiss case/ }).click()
    await expect(dialog).toBeHidden()
  }

  blockDialog() {
    return this.page.getByRole('dialog', { name: /^Block/ })
  }

  async submitBlock() {
    await this.blockDialog().getByRole('button', { name: 'Block', exact: true }).click()
    await expect(this.blockDialog()).toBeHidden()
  }

  blocks() {
    return this.page.getByRole('grid', { name: 'Blocked values' })
  }
}
