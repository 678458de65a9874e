import { expect, type Page } from '@playwright/test'

export interface ProductInput {
  sku: string
  name: string
  category?: string
  brand?: string
  price: string
  onSale?: boolean
  outOfStock?: boolean
}

/** The catalog: its grid and search, the product dialog and the import dialog. */
export class ProductsPage {
  constructor(readonly page: Page) {}

  readonly grid = () => this.page.getByRole('grid', { name: 'Products' })
  readonly importDialog = () => this.page.getByRole('dialog', { name: 'Import products' })

  /** The row of a SKU, in any case (an import writes the file's spelling). */
  row(sku: string) {
    return this.grid().getByRole('row', { name: new RegExp(sku, 'i') })
  }

  async add(product: ProductInput) {
    await this.page.getByRole('button', { name: 'New product' }).click()
    const dialog = this.page.getByRole('dialog', { name: 'New product' })
    await dialog.getByLabel('SKU').fill(product.sku)
    await dialog.getByLabel('Name').fill(product.name)
    if (product.category) await dialog.getByLabel('Category').fill(product.category)
    if (product.brand) await dialog.getByLabel('Brand').fill(product.brand)
    await dialog.getByLabel('Price').fill(product.price)
    if (product.onSale) await dialog.getByLabel('On sale').check()
    if (product.outOfStock) await dialog.getByLabel('In stock').uncheck()
    await dialog.getByRole('button', { name: 'Add product' }).click()
    await expect(dialog).toBeHidden()
    await expect(this.row(product.sku)).toBeVisible()
  }

  /** Opens the import dialog if needed and picks a file; the dry run's report follows. */
  async chooseFile(name: string, content: string | Buffer) {
    if (!(await this.importDialog().isVisible())) {
      await this.page.getByRole('button', { name: 'Import', exact: true }).click()
    }
    await this.importDialog()
      .getByLabel('Catalog file')
      .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content) })
    await expect(this.importDialog().getByText(name)).toBeVisible()
  }

  async search(text: string) {
    await this.page.getByLabel('Find a product').fill(text)
  }
}
