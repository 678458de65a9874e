import { expect, type Page } from '@playwright/test'

export interface CampaignInput {
  name: string
  percent?: string
  amount?: string
  minSpend?: string
}

export interface CodeInput {
  code: string
  promoter?: string
  maxUses?: string
  maxUsesPerCustomer?: string
  startsOn?: string
  endsOn?: string
}

/** The campaign list, the new-campaign dialog and a campaign's page with its codes. */
export class CampaignsPage {
  constructor(readonly page: Page) {}

  async create(input: CampaignInput) {
    await this.page.getByRole('button', { name: 'New campaign' }).click()
    const dialog = this.page.getByRole('dialog', { name: 'New campaign' })
    await dialog.getByLabel('Campaign name').fill(input.name)
    if (input.amount) {
      await dialog.getByRole('button', { name: 'Amount off' }).click()
      await dialog.getByLabel('Amount off').fill(input.amount)
    } else if (input.percent) {
      await dialog.getByLabel('Percent off').fill(input.percent)
    }
    if (input.minSpend) await dialog.getByLabel('Minimum spend (optional)').fill(input.minSpend)
    await dialog.getByRole('button', { name: 'Create campaign' }).click()
    await expect(dialog).toBeHidden()
    await expect(this.page.getByRole('heading', { level: 1, name: input.name })).toBeVisible()
  }

  codeDialog() {
    return this.page.getByRole('dialog', { name: /New code in/ })
  }

  /** Fills the new-code dialog and submits it; the caller checks the outcome. */
  async submitCode(input: CodeInput) {
    await this.page.getByRole('button', { name: 'Add code' }).click()
    const dialog = this.codeDialog()
    await dialog.getByLabel('Code', { exact: true }).fill(input.code)
    if (input.promoter) {
      await dialog.getByLabel('Promoter').click()
      await this.page.getByRole('option', { name: input.promoter }).click()
    }
    if (input.maxUses !== undefined) await dialog.getByLabel('Total uses').fill(input.maxUses)
    if (input.maxUsesPerCustomer !== undefined)
      await dialog.getByLabel('Uses per customer').fill(input.maxUsesPerCustomer)
    if (input.startsOn) await dialog.getByLabel('First day').fill(input.startsOn)
    if (input.endsOn) await dialog.getByLabel('Last day').fill(input.endsOn)
    await dialog.getByRole('button', { name: 'Create code' }).click()
  }

  async addCode(input: CodeInput) {
    await this.submitCode(input)
    await expect(this.codeDialog()).toBeHidden()
    await expect(this.codeRow(input.code)).toBeVisible()
  }

  codeRow(code: string) {
    return this.page
      .getByRole('grid', { name: 'Codes' })
      .getByRole('row', { name: new RegExp(code.toUpperCase()) })
  }
}
