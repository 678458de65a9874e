import { expect, type Page } from '@playwright/test'

export interface SaleInput {
  code?: string
  email?: string
  customerTags?: string[]
  lines: {
    sku: string
    name?: string
    quantity?: string
    unitPrice: string
    category?: string
    brand?: string
  }[]
  orderRef?: string
}

/** The checkout screen: fill an order, read the engine's verdict, record the sale. */
export class CheckoutPage {
  constructor(readonly page: Page) {}

  readonly result = () => this.page.getByLabel('Checkout result')

  /** One promotion's card in the result: name, status, amount, hints and checks. */
  promotion(name: string) {
    return this.result().getByRole('group', { name: `Promotion ${name}` })
  }

  async fill(sale: SaleInput) {
    const form = this.page.getByRole('form', { name: 'Order' })
    await form.getByLabel('Code').fill(sale.code ?? '')
    await form.getByLabel('Customer email').fill(sale.email ?? '')
    for (const [index, line] of sale.lines.entries()) {
      if (index > 0) await form.getByRole('button', { name: 'Add line' }).click()
      await form.getByLabel('SKU').nth(index).fill(line.sku)
      await form
        .getByLabel('Item')
        .nth(index)
        .fill(line.name ?? '')
      await form
        .getByLabel('Qty')
        .nth(index)
        .fill(line.quantity ?? '1')
      await form.getByLabel('Unit price').nth(index).fill(line.unitPrice)
      if (line.category !== undefined || line.brand !== undefined) {
        const more = form.getByRole('button', { name: `More for line ${index + 1}` })
        if ((await more.getAttribute('aria-expanded')) !== 'true') await more.click()
        const details = form.getByRole('group', { name: `Line ${index + 1}` })
        await details.getByLabel('Category').fill(line.category ?? '')
        await details.getByLabel('Brand').fill(line.brand ?? '')
      }
    }
    for (const tag of sale.customerTags ?? []) {
      await form.getByLabel('Customer segments (optional)').fill(tag)
      await form.getByLabel('Customer segments (optional)').press('Enter')
    }
    if (sale.orderRef) await form.getByLabel('Order reference').fill(sale.orderRef)
  }

  async record() {
    await this.page.getByRole('button', { name: 'Record sale' }).click()
    await expect(this.page.getByText(/Sale .* recorded/)).toBeVisible()
  }

  async newSale() {
    await this.page.getByRole('button', { name: 'New sale' }).click()
  }
}
