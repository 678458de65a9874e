import { z } from 'zod'
import { id } from './common'
import { method } from './define'

/**
 * The fields of an order a column can be mapped to, for files with one row per line item (an
 * online shop's export). Rows of one order follow each other and share its id; order-level
 * fields are read from the first of its rows that has them.
 */
export const ORDER_FIELDS = [
  'orderId',
  'orderDate',
  'sku',
  'productName',
  'quantity',
  'unitPrice',
  'lineDiscount',
  'lineCoupon',
  'orderCoupon',
  'orderDiscount',
  'shipping',
  'customerId',
  'email',
  'phone',
  'channel',
  'trackingCode',
] as const
export type OrderField = (typeof ORDER_FIELDS)[number]

/** Fields every mapping must map. */
export const REQUIRED_ORDER_FIELDS: readonly OrderField[] = [
  'orderId',
  'orderDate',
  'sku',
  'quantity',
  'unitPrice',
]

/** What each field means, for the mapping screen and the docs. */
export const ORDER_FIELD_LABELS: Record<OrderField, { label: string; help: string }> = {
  orderId: { label: 'Order id', help: 'The same on every row of one order.' },
  orderDate: {
    label: 'Order date',
    help: 'With or without a time; without a zone, the business’s.',
  },
  sku: { label: 'SKU', help: 'The product’s SKU; the product name is used when it is blank.' },
  productName: { label: 'Product name', help: 'Shown in the ledger’s details.' },
  quantity: { label: 'Quantity', help: 'Whole items.' },
  unitPrice: { label: 'Unit price', help: 'Full price of one item, before discount.' },
  lineDiscount: { label: 'Line discount', help: 'Per item or for the whole line (see below).' },
  lineCoupon: { label: 'Line coupon code', help: 'A coupon that applies to this line only.' },
  orderCoupon: { label: 'Order coupon code', help: 'A coupon for the whole order.' },
  orderDiscount: { label: 'Order discount', help: 'The discount the order coupon gave.' },
  shipping: { label: 'Shipping', help: 'Shipping charged on the order.' },
  customerId: { label: 'Customer id', help: 'The shop’s own customer id.' },
  email: { label: 'Customer email', help: 'Matches customers like checkout does.' },
  phone: { label: 'Customer phone', help: '' },
  channel: { label: 'Source channel', help: 'Kept in the ledger’s details (web, app, pos…).' },
  trackingCode: { label: 'Tracking code', help: 'A code of a tracking campaign (KEY_CODE).' },
}

export const DECIMAL_SEPARATORS = ['.', ','] as const
export type DecimalSeparator = (typeof DECIMAL_SEPARATORS)[number]

/**
 * How dates are written. Every format also reads ISO dates (2026-03-05 14:30, with an
 * optional offset such as +0100 or Z); `dmy` reads 05/03/2026, `mdy` reads 03/05/2026.
 */
export const DATE_FORMATS = ['iso', 'dmy', 'mdy'] as const
export type DateFormat = (typeof DATE_FORMATS)[number]

const columnName = z.string().trim().min(1).max(120, 'At most 120 characters.')

/** How a file's columns become orders. Column names are matched without regard to case. */
export const orderMapping = z
  .object({
    /** Field → the column of the file that holds it; leave a field out when the file has none. */
    columns: z.partialRecord(z.enum(ORDER_FIELDS), columnName),
    decimalSeparator: z.enum(DECIMAL_SEPARATORS).default('.'),
    dateFormat: z.enum(DATE_FORMATS).default('iso'),
    /** Whether a line discount is per item (multiplied by the quantity) or the line's total. */
    lineDiscountPer: z.enum(['unit', 'line']).default('line'),
  })
  .superRefine((mapping, context) => {
    for (const field of REQUIRED_ORDER_FIELDS) {
      if (!mapping.columns[field]) {
        context.addIssue({
          code: 'custom',
          path: ['columns', field],
          message: `Choose the column that holds the ${ORDER_FIELD_LABELS[field].label.toLowerCase()}.`,
        })
      }
    }
  })
export type OrderMapping = z.output<typeof orderMapping>

/** A mapping saved under a name, per business. */
export interface SavedOrderMapping {
  id: number
  businessId: number
  name: string
  mapping: OrderMapping
  createdAt: number
  updatedAt: number
}

/** A mapping shipped with the app (resources/order-mappings/), to start a new one from. */
export interface ExampleOrderMapping {
  key: string
  name: string
  description: string
  mapping: OrderMapping
}

const mappingName = z.string().trim().min(1, 'Name the mapping.').max(80, 'At most 80 characters.')

export const orderMappingsContract = {
  'orderMappings.list': method<{ saved: SavedOrderMapping[]; examples: ExampleOrderMapping[] }>()(
    z.object({ businessId: id }),
    'Lists the column mappings saved for a business, by name, and the examples shipped with the app.',
  ),
  'orderMappings.save': method<SavedOrderMapping>()(
    z.object({
      businessId: id,
      /** Leave out to add a mapping; give it to replace that one. */
      mappingId: id.optional(),
      name: mappingName,
      mapping: orderMapping,
    }),
    'Saves a named column mapping for order files; a name is unique within a business, whatever its case.',
  ),
  'orderMappings.delete': method<SavedOrderMapping>()(
    z.object({ businessId: id, mappingId: id }),
    'Removes a saved mapping; imports made with it keep their own copy.',
  ),
}
