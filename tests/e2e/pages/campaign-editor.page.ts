import { expect, type Locator, type Page } from '@playwright/test'

/** The new-campaign editor: kind, discount from the registry, conditions, limits, summary. */
export class CampaignEditor {
  readonly dialog: Locator

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'New campaign' })
  }

  async open() {
    await this.page.getByRole('button', { name: 'New campaign' }).click()
    await expect(this.dialog).toBeVisible()
  }

  async name(name: string) {
    await this.dialog.getByLabel('Campaign name').fill(name)
  }

  /** 'Discount with codes', 'Tracking only' or 'Automatic, no code'. */
  async kind(label: string) {
    await this.dialog
      .getByRole('group', { name: 'Campaign kind' })
      .getByRole('button', { name: label })
      .click()
  }

  /** A discount kind by its title in the registry, e.g. 'Tiers' or 'Buy X get Y'. */
  async discount(title: string) {
    await this.dialog.getByRole('radio', { name: new RegExp(`^${title}`) }).check()
  }

  field(label: string, scope: Locator = this.dialog) {
    return scope.getByLabel(label, { exact: true })
  }

  async fill(label: string, value: string, scope?: Locator) {
    await this.field(label, scope).fill(value)
  }

  /** Picks an option of a select field (a `choice` argument). */
  async choose(label: string, option: string, scope: Locator = this.dialog) {
    await scope.getByRole('combobox', { name: label }).click()
    await this.page.getByRole('option', { name: option, exact: true }).click()
  }

  /** Adds chips to a chip input: each text is typed and confirmed with Enter. */
  async addChips(label: string, texts: string[], scope: Locator = this.dialog) {
    const input = scope.getByLabel(label, { exact: true })
    for (const text of texts) {
      await input.fill(text)
      await input.press('Enter')
    }
  }

  /** The "Only these items" or "Never these items" selector. */
  selector(label: 'Only these items' | 'Never these items') {
    return this.dialog.getByRole('group', { name: label })
  }

  tier(index: number) {
    return this.dialog.getByRole('group', { name: `Tier ${index + 1}` })
  }

  async setTier(index: number, from: string, off: string) {
    await this.fill('From', from, this.tier(index))
    await this.fill('Off', off, this.tier(index))
  }

  async addCondition(title: string) {
    await this.dialog.getByRole('button', { name: 'Add condition' }).click()
    await this.page.getByRole('menuitem', { name: new RegExp(`^${title}`) }).click()
    return this.dialog.getByRole('group', { name: `Condition: ${title}` })
  }

  summary() {
    return this.dialog.getByTestId('campaign-summary')
  }

  async submit() {
    await this.dialog.getByRole('button', { name: 'Create campaign' }).click()
  }

  /** Submits and waits for the new campaign's page. */
  async create(name: string) {
    await this.submit()
    await expect(this.dialog).toBeHidden()
    await expect(this.page.getByRole('heading', { level: 1, name })).toBeVisible()
  }
}
