import { expect, type Page } from '@playwright/test'
import { CampaignEditor } from './campaign-editor.page'

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

  editor() {
    return new CampaignEditor(this.page)
  }

  /** A code campaign: percent off (the editor's default) or an amount off, from a minimum spend. */
  async create(input: CampaignInput) {
    const editor = this.editor()
    await editor.open()
    await editor.name(input.name)
    if (input.amount) {
      await editor.discount('Amount off')
      await editor.fill('Amount off', input.amount)
    } else if (input.percent) {
      await editor.fill('Percent off', input.percent)
    }
    if (input.minSpend) {
      const condition = await editor.addCondition('Minimum spend')
      await editor.fill('At least', input.minSpend, condition)
    }
    await editor.create(input.name)
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
