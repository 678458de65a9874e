import { expect, type Page } from '@playwright/test'

type Dimension = 'Code' | 'Promoter' | 'Campaign' | 'Channel' | 'Location'

/** The analytics page: period, key figures, charts, breakdowns, comparison and leaderboard. */
export class AnalyticsPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'Analytics' })
      .click()
    await expect(this.page.getByRole('heading', { level: 1, name: 'Analytics' })).toBeVisible()
  }

  async preset(label: string) {
    await this.page
      .getByRole('group', { name: 'Preset periods' })
      .getByRole('button', { name: label })
      .click()
  }

  /** A key figure's value, e.g. figure('revenueMinor'). */
  figure(key: string) {
    return this.page.getByTestId(`kpi-${key}`)
  }

  change(key: string) {
    return this.page.getByTestId(`kpi-${key}-change`)
  }

  section(name: 'Over time' | 'Breakdown' | 'Compare campaigns' | 'Promoter leaderboard') {
    return this.page.getByRole('region', { name })
  }

  async breakDownBy(dimension: Dimension) {
    await this.section('Breakdown').getByRole('tab', { name: dimension }).click()
    await expect(this.breakdown(dimension)).toBeVisible()
  }

  breakdown(dimension: Dimension) {
    return this.page.getByRole('grid', { name: `By ${dimension.toLowerCase()}` })
  }

  breakdownRow(dimension: Dimension, label: string) {
    return this.breakdown(dimension).getByRole('row', { name: new RegExp(label) })
  }

  totals() {
    return this.page.getByTestId('breakdown-totals')
  }
}
