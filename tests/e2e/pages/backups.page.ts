import { expect, type Page } from '@playwright/test'

/** The Backups section of Settings: the list, Back up now, Restore and how many to keep. */
export class BackupsSection {
  constructor(readonly page: Page) {}

  readonly section = () => this.page.getByRole('region', { name: 'Backups' })
  readonly table = () => this.section().getByRole('table', { name: 'Backups' })
  readonly rows = () => this.table().locator('tbody tr')

  /** Clicks "Back up now" and waits for the job to finish; returns its message. */
  async backUpNow(): Promise<string> {
    await this.section().getByRole('button', { name: 'Back up now' }).click()
    return this.finishJob('Backing up the workspace')
  }

  /** Opens the confirmation for the backup in the given row (0 = newest). */
  async askToRestore(row: number) {
    await this.rows()
      .nth(row)
      .getByRole('button', { name: /^Restore/ })
      .click()
    const confirm = this.page.getByRole('dialog', { name: 'Restore this backup?' })
    await expect(confirm).toContainText('First the backup is checked')
    return confirm
  }

  /** Confirms the open restore and waits for the job to finish; returns its message. */
  async confirmRestore(): Promise<string> {
    const confirm = this.page.getByRole('dialog', { name: 'Restore this backup?' })
    await confirm.getByRole('button', { name: 'Verify and restore' }).click()
    return this.finishJob('Restoring from backup')
  }

  async setKeep(value: string) {
    const form = this.section().getByRole('form', { name: 'Backups to keep' })
    await form.getByLabel('Backups to keep').fill(value)
    await form.getByRole('button', { name: 'Save' }).click()
  }

  private async finishJob(title: string): Promise<string> {
    const dialog = this.page.getByRole('dialog', { name: title })
    const outcome = dialog.getByRole('alert')
    await expect(outcome).toBeVisible({ timeout: 20_000 })
    const text = (await outcome.textContent()) ?? ''
    await dialog.getByRole('button', { name: 'Close' }).click()
    await expect(dialog).toBeHidden()
    return text
  }
}
