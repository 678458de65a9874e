import type { CustomerRef } from '../../shared/contract/codes'
import type { OrderRejection } from '../../shared/contract/order-imports'
import type { DateFormat, DecimalSeparator } from '../../shared/contract/order-mappings'
import { currencyExponent, minorToDecimal } from '../../shared/money'
import type { TableRow } from '../import/read-table'
import { parseAmount, parseOrderDate, parseQuantity } from './order-cells'

/** One line of an imported order; PRICE and DISCOUNT are per item, so both scale with quantity. */
export interface SourceLine {
  sku: string
  name: string | null
  quantity: number
  unitPriceMinor: number
  /** quantity × unit price. */
  grossMinor: number
  /** The line's discount as the file gives it (already × quantity for per-item discounts). */
  discountMinor: number
  /** The item-level coupon, as written, and the column it is in. */
  coupon: string | null
  couponField: string
}

interface OrderPlace {
  /** The order's place in the file, from 0: the import's checkpoint counts these. */
  seq: number
  row: number
  lastRow: number
  /** The rows as read, for the error report. */
  cells: string[][]
}

/** An order as a file states it, every value parsed; nothing looked up yet. */
export interface SourceOrder extends OrderPlace {
  orderRef: string
  occurredAt: number
  customer: CustomerRef | null
  sourceChannel: string | null
  /** KEY_CODE: a tracking code that attributes the order without a discount. */
  trackingCode: string | null
  /** A coupon for the whole order (mapped files). */
  orderCoupon: string | null
  /** The columns of the order id and of these two codes, for messages. */
  fields: { orderId: string; tracking: string; orderCoupon: string }
  orderDiscountMinor: number
  shippingMinor: number
  lines: SourceLine[]
  subtotalMinor: number
  /** Every line discount plus the order discount. */
  discountMinor: number
  totalMinor: number
}

export interface Rejection {
  reason: OrderRejection
  /** The column, as the file names it. */
  field: string
  message: string
}

export interface RejectedSource extends OrderPlace, Rejection {
  orderRef: string | null
}

export type ReadOrder = { ok: true; order: SourceOrder } | { ok: false; rejected: RejectedSource }

export function reject(reason: OrderRejection, field: string, message: string): Rejection {
  return { reason, field, message }
}

export const isRejection = (value: unknown): value is Rejection =>
  typeof value === 'object' && value !== null && 'reason' in value && 'message' in value

/** What reading cells needs: the currency's decimals, the separators and the zone. */
export class CellReader {
  readonly exponent: number
  constructor(
    readonly currency: string,
    readonly timeZone: string,
    readonly decimal: DecimalSeparator,
    readonly dateFormat: DateFormat,
  ) {
    this.exponent = currencyExponent(currency)
  }

  /** An amount as the file writes it (its decimal separator), for messages about its cells. */
  money(minor: number): string {
    const text = minorToDecimal(minor, this.currency)
    return this.decimal === ',' ? text.replace('.', ',') : text
  }

  /** An amount; blank gives `blank` (undefined: the value is required). */
  amount(text: string, field: string, blank?: number): number | Rejection {
    if (!text) return blank ?? reject('missing_value', field, `Enter ${field}.`)
    const minor = parseAmount(text, this.exponent, this.decimal)
    if (minor !== null) return minor
    const example = this.decimal === '.' ? '1234.50' : '1234,50'
    return reject(
      'bad_number',
      field,
      `${field} “${text}” is not an amount in ${this.currency}; write it like ${example} (decimal ${this.decimal === '.' ? 'point' : 'comma'}).`,
    )
  }

  quantity(text: string, field: string): number | Rejection {
    if (!text) return reject('missing_value', field, `Enter ${field}.`)
    return (
      parseQuantity(text) ??
      reject('bad_number', field, `${field} “${text}” is not a whole quantity from 1 to 100,000.`)
    )
  }

  date(text: string, field: string): number | Rejection {
    if (!text) return reject('missing_value', field, `Enter the order's date in ${field}.`)
    const example = { iso: '2026-03-05 14:30', dmy: '05/03/2026 14:30', mdy: '03/05/2026 2:30 PM' }
    return (
      parseOrderDate(text, this.dateFormat, this.timeZone) ??
      reject(
        'bad_date',
        field,
        `${field} “${text}” is not a date; write it like ${example[this.dateFormat]}.`,
      )
    )
  }
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** Who ordered, as checkout identifies customers; null for an anonymous order. */
export function customerOf(
  cells: { externalId?: string; email?: string; phone?: string },
  fields: { externalId: string; email: string; phone: string },
): CustomerRef | null | Rejection {
  const { externalId, email, phone } = cells
  if (email && (email.length > 200 || !EMAIL.test(email)))
    return reject('bad_value', fields.email, `${fields.email} “${email}” is not an email address.`)
  if (externalId && externalId.length > 100)
    return reject(
      'bad_value',
      fields.externalId,
      `${fields.externalId} is longer than 100 characters.`,
    )
  if (phone && phone.length > 40)
    return reject('bad_value', fields.phone, `${fields.phone} is longer than 40 characters.`)
  if (!externalId && !email && !phone) return null
  return {
    externalId: externalId || undefined,
    email: email || undefined,
    phone: phone || undefined,
  }
}

/** An order id usable as a ledger order reference. */
export function orderRefOf(text: string, field: string): string | Rejection {
  if (!text) return reject('missing_value', field, `Enter the order id in ${field}.`)
  if (text.length > 100)
    return reject('bad_value', field, `${field} is longer than 100 characters.`)
  return text
}

/** A row with more values than the header names: usually a separator inside an unquoted value. */
export function overflowOf(row: TableRow, width: number): Rejection | null {
  if (row.cells.length <= width) return null
  return reject(
    'bad_value',
    `column ${width + 1}`,
    `Row ${row.row} has ${row.cells.length} values but the header names ${width} columns; put quotes around values that contain the separator.`,
  )
}

/**
 * Remembers the order ids of a file: the same id twice is one order sent twice, and the second
 * copy is rejected as a duplicate order instead of doubling the sale.
 */
export class SeenOrders {
  private readonly firstRow = new Map<string, number>()

  check(orderRef: string, row: number, field: string): Rejection | null {
    const first = this.firstRow.get(orderRef)
    if (first === undefined) {
      this.firstRow.set(orderRef, row)
      return null
    }
    return reject(
      'duplicate_order',
      field,
      `Order ${orderRef} is already on row ${first} of this file.`,
    )
  }
}

/** Sums a draft order's lines; null when an amount outgrows exact arithmetic. */
export function totalsOf(
  lines: SourceLine[],
  orderDiscountMinor: number,
  shippingMinor: number,
): { subtotalMinor: number; discountMinor: number; totalMinor: number } | null {
  let subtotalMinor = 0
  let discountMinor = orderDiscountMinor
  for (const line of lines) {
    subtotalMinor += line.grossMinor
    discountMinor += line.discountMinor
  }
  const totalMinor = subtotalMinor - discountMinor + shippingMinor
  if (!Number.isSafeInteger(subtotalMinor) || !Number.isSafeInteger(totalMinor)) return null
  return { subtotalMinor, discountMinor, totalMinor }
}
