import { expect, type Page } from '@playwright/test'

/** The Payouts page: periods, the chosen period's statements, closing, paying, exporting. */
export class PayoutsPage {
  constructor(readonly page: Page) {}

  readonly periods = () => this.page.getByRole('table', { name: 'Payout periods' })
  readonly statements = () => this.page.getByRole('grid', { name: 'Statements' })
  readonly section = () => this.page.getByRole('region', { name: 'Period statements' })

  period(label: string) {
    return this.periods().getByRole('row', { name: new RegExp(label) })
  }

  statement(promoter: string) {
    return this.statements().getByRole('row', { name: new RegExp(promoter) })
  }

  /** A statement's cell by its column's header, e.g. 'Payable'. */
  async cell(promoter: string, column: string) {
    const headers = await this.statements().getByRole('columnheader').allInnerTexts()
    const index = headers.findIndex((text) => text.trim() === column)
    if (index < 0) throw new Error(`No column ${column} in ${headers.join(', ')}`)
    return this.statement(promoter).getByRole('gridcell').nth(index)
  }

  async closePeriod(label: string) {
    await this.section().getByRole('button', { name: 'Close period' }).click()
    const dialog = this.page.getByRole('dialog', { name: `Close ${label}?` })
    await expect(dialog).toContainText('land as adjustments in the next period')
    await dialog.getByRole('button', { name: 'Close period' }).click()
    await expect(dialog).toBeHidden()
  }

  async markPaid(promoter: string, reference: string) {
    await this.statements()
      .getByRole('button', { name: `Mark ${promoter} paid` })
      .click()
    const dialog = this.page.getByRole('dialog', { name: `Mark ${promoter}’s statement paid` })
    await dialog.getByLabel('Payment reference').fill(reference)
    await dialog.getByRole('button', { name: 'Mark paid' }).click()
    await expect(dialog).toBeHidden()
  }
}
