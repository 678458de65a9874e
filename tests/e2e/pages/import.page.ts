import { expect, type Page } from '@playwright/test'

/** The Import page: choose a file, pick its layout or mapping, check it, import it. */
export class ImportPage {
  constructor(readonly page: Page) {}

  readonly summary = () => this.page.getByLabel('Import summary')
  readonly orders = () => this.page.getByRole('grid', { name: 'Orders in the file' })
  readonly history = () => this.page.getByRole('grid', { name: 'Past imports' })

  /** The row of an order in the preview. */
  order(orderRef: string) {
    return this.orders().getByRole('row', { name: new RegExp(orderRef) })
  }

  async chooseFile(name: string, content: string | Buffer) {
    await this.page
      .getByLabel('Order file')
      .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content) })
    await expect(this.page.getByText(name, { exact: true })).toBeVisible()
  }

  async chooseLayout(option: string | RegExp) {
    await this.page.getByRole('combobox', { name: 'Layout' }).click()
    await this.page.getByRole('option', { name: option }).click()
  }

  /** Runs the dry run and waits for its preview. */
  async check() {
    await this.page.getByRole('button', { name: /^Check (file|again)$/ }).click()
    await expect(this.summary()).toBeVisible()
  }

  async show(filter: RegExp) {
    await this.page
      .getByRole('group', { name: 'Show orders' })
      .getByRole('button', { name: filter })
      .click()
  }

  /** Imports the checked file and waits for the job to finish. */
  async importOrders(count: number, outcome: string | RegExp) {
    await this.page
      .getByRole('button', { name: `Import ${count} order${count === 1 ? '' : 's'}` })
      .click()
    const job = this.page.getByRole('dialog', { name: /^Importing / })
    await expect(job).toContainText(outcome)
    return job
  }
}
