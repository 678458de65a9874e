import { expect, type Page } from '@playwright/test'

export interface SaleInput {
  code?: string
  email?: string
  lines: { sku: string; name?: string; quantity?: string; unitPrice: string }[]
  orderRef?: string
}

/** The checkout screen: fill an order, read the engine's verdict, record the sale. */
export class CheckoutPage {
  constructor(readonly page: Page) {}

  readonly result = () => this.page.getByLabel('Checkout result')

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
