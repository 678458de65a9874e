import type { z } from 'zod'
import type { cartInput } from '../../../../shared/contract/checkout'
import { parseMoney } from '../../../../shared/money'

/** One cart line as typed; category, brand and "on sale" override the catalog when filled. */
export interface CartLineValues {
  sku: string
  name: string
  quantity: string
  unitPrice: string
  category: string
  brand: string
  onSale: boolean
}

export interface CartValues {
  lines: CartLineValues[]
  shipping: string
}

export const emptyLine: CartLineValues = {
  sku: '',
  name: '',
  quantity: '1',
  unitPrice: '',
  category: '',
  brand: '',
  onSale: false,
}

type CartInput = z.input<typeof cartInput>
const optional = (text: string) => text.trim() || undefined

/** The typed cart as the API takes it, or null while a line is incomplete. */
export function toCart(values: CartValues, currency: string): CartInput | null {
  const lines: CartInput['lines'] = []
  for (const line of values.lines) {
    const unitPriceMinor = parseMoney(line.unitPrice, currency)
    const quantity = Number(line.quantity)
    if (
      !line.sku.trim() ||
      unitPriceMinor === null ||
      unitPriceMinor < 0 ||
      !Number.isInteger(quantity) ||
      quantity < 1
    )
      return null
    lines.push({
      sku: line.sku.trim(),
      name: optional(line.name),
      quantity,
      unitPriceMinor,
      category: optional(line.category),
      brand: optional(line.brand),
      onSale: line.onSale ? true : undefined,
    })
  }
  const shippingMinor = values.shipping.trim() ? parseMoney(values.shipping, currency) : 0
  if (lines.length === 0 || shippingMinor === null || shippingMinor < 0) return null
  return { lines, shippingMinor }
}

/** The customer as the API takes it: by email or id, with the segments typed for this sale. */
export function customerInput(values: {
  email: string
  externalId?: string
  customerTags: string[]
}) {
  const email = values.email.trim()
  const externalId = values.externalId?.trim() ?? ''
  return {
    customer:
      email || externalId
        ? { email: email || undefined, externalId: externalId || undefined }
        : undefined,
    customerTags: values.customerTags.length > 0 ? values.customerTags : undefined,
  }
}
