import type { OrderField, OrderMapping } from '../../shared/contract/order-mappings'
import {
  ORDER_FIELD_LABELS,
  ORDER_FIELDS,
  REQUIRED_ORDER_FIELDS,
} from '../../shared/contract/order-mappings'
import type { Fail, TableRow } from '../import/read-table'
import {
  CellReader,
  customerOf,
  isRejection,
  orderRefOf,
  overflowOf,
  reject,
  totalsOf,
  type ReadOrder,
  type Rejection,
  type SeenOrders,
  type SourceLine,
} from './source-order'

/**
 * A mapped file: one row per line item (an online shop's export). Consecutive rows with the
 * same order id are one order; its order-level values (date, customer, coupon, discount,
 * shipping…) are taken from the first of its rows that has them, as shops write them on the
 * first row only.
 */
export interface MappedLayout {
  width: number
  mapping: OrderMapping
  columns: Partial<Record<OrderField, { index: number; name: string }>>
  /** Optional columns the mapping names but the file lacks: those values are blank. */
  absent: string[]
}

export function mappedLayout(
  table: { header: string[]; column(name: string): number | undefined },
  mapping: OrderMapping,
  fail: Fail,
): MappedLayout {
  const columns: MappedLayout['columns'] = {}
  const missing: string[] = []
  const absent: string[] = []
  for (const field of ORDER_FIELDS) {
    const name = mapping.columns[field]
    if (!name) continue
    const index = table.column(name)
    if (index !== undefined) columns[field] = { index, name: table.header[index] ?? name }
    else if (REQUIRED_ORDER_FIELDS.includes(field))
      missing.push(`“${name}” (${ORDER_FIELD_LABELS[field].label})`)
    else absent.push(name)
  }
  if (missing.length > 0) {
    throw fail(
      `The mapping does not fit this file: it has no ${missing.join(', ')} column${missing.length > 1 ? 's' : ''}. Its header is: ${table.header.join(', ')}.`,
    )
  }
  return { width: table.header.length, mapping, columns, absent }
}

/** The rows of one order, gathered until a row with another order id arrives. */
export interface RowGroup {
  seq: number
  orderRef: string
  rows: TableRow[]
}

function cellOf(layout: MappedLayout, cells: string[], field: OrderField): string {
  const column = layout.columns[field]
  return column ? (cells[column.index] ?? '') : ''
}

const nameOf = (layout: MappedLayout, field: OrderField) =>
  layout.columns[field]?.name ?? ORDER_FIELD_LABELS[field].label

/** The first non-blank value of an order-level field over the order's rows. */
function firstOf(layout: MappedLayout, group: RowGroup, field: OrderField): string {
  for (const { cells } of group.rows) {
    const value = cellOf(layout, cells, field)
    if (value) return value
  }
  return ''
}

function readLine(
  layout: MappedLayout,
  cells: string[],
  reader: CellReader,
): SourceLine | Rejection {
  const cell = (field: OrderField) => cellOf(layout, cells, field)
  const name = (field: OrderField) => nameOf(layout, field)
  const sku = cell('sku') || cell('productName')
  if (!sku) return reject('missing_value', name('sku'), `Enter ${name('sku')}.`)
  if (sku.length > 64)
    return reject('bad_value', name('sku'), `${name('sku')} is longer than 64 characters.`)
  const price = reader.amount(cell('unitPrice'), name('unitPrice'))
  if (isRejection(price)) return price
  const quantity = reader.quantity(cell('quantity'), name('quantity'))
  if (isRejection(quantity)) return quantity
  const discount = reader.amount(cell('lineDiscount'), name('lineDiscount'), 0)
  if (isRejection(discount)) return discount
  const perUnit = layout.mapping.lineDiscountPer === 'unit'
  const discountMinor = perUnit ? discount * quantity : discount
  const grossMinor = price * quantity
  if (discountMinor > grossMinor) {
    const what = perUnit ? name('unitPrice') : `the line (${quantity} × ${reader.money(price)})`
    return reject(
      'discount_above_price',
      name('lineDiscount'),
      `${name('lineDiscount')} (${reader.money(discount)}) is above ${what}; a discount is at most the price.`,
    )
  }
  return {
    sku,
    name: cell('productName') || null,
    quantity,
    unitPriceMinor: price,
    grossMinor,
    discountMinor,
    coupon: cell('lineCoupon') || null,
    couponField: name('lineCoupon'),
  }
}

/** Reads one gathered order of a mapped file. */
export function readMappedOrder(
  layout: MappedLayout,
  group: RowGroup,
  reader: CellReader,
  seen: SeenOrders,
): ReadOrder {
  const first = group.rows[0] as TableRow
  const last = group.rows[group.rows.length - 1] as TableRow
  const place = {
    seq: group.seq,
    row: first.row,
    lastRow: last.row,
    cells: group.rows.map((r) => r.cells),
  }
  const name = (field: OrderField) => nameOf(layout, field)
  const value = (field: OrderField) => firstOf(layout, group, field)
  const refused = (orderRef: string | null, rejection: Rejection): ReadOrder => ({
    ok: false,
    rejected: { ...place, orderRef, ...rejection },
  })
  const orderRef = orderRefOf(group.orderRef, name('orderId'))
  if (isRejection(orderRef)) return refused(null, orderRef)
  const duplicate = seen.check(orderRef, first.row, name('orderId'))
  if (duplicate) return refused(orderRef, duplicate)
  for (const row of group.rows) {
    const overflow = overflowOf(row, layout.width)
    if (overflow) return refused(orderRef, overflow)
  }
  const occurredAt = reader.date(value('orderDate'), name('orderDate'))
  if (isRejection(occurredAt)) return refused(orderRef, occurredAt)
  const customer = customerOf(
    { externalId: value('customerId'), email: value('email'), phone: value('phone') },
    { externalId: name('customerId'), email: name('email'), phone: name('phone') },
  )
  if (isRejection(customer)) return refused(orderRef, customer)
  const lines: SourceLine[] = []
  for (const row of group.rows) {
    const line = readLine(layout, row.cells, reader)
    if (isRejection(line)) return refused(orderRef, line)
    lines.push(line)
  }
  const shippingMinor = reader.amount(value('shipping'), name('shipping'), 0)
  if (isRejection(shippingMinor)) return refused(orderRef, shippingMinor)
  const orderDiscountMinor = reader.amount(value('orderDiscount'), name('orderDiscount'), 0)
  if (isRejection(orderDiscountMinor)) return refused(orderRef, orderDiscountMinor)
  const totals = totalsOf(lines, orderDiscountMinor, shippingMinor)
  if (!totals)
    return refused(
      orderRef,
      reject(
        'bad_number',
        name('unitPrice'),
        'The order’s amounts are too large to add up exactly.',
      ),
    )
  if (totals.discountMinor > totals.subtotalMinor) {
    return refused(
      orderRef,
      reject(
        'discount_above_price',
        name('orderDiscount'),
        `${name('orderDiscount')} (${reader.money(orderDiscountMinor)}) is above what the items cost after their own discounts (${reader.money(totals.subtotalMinor - totals.discountMinor + orderDiscountMinor)}).`,
      ),
    )
  }
  return {
    ok: true,
    order: {
      seq: place.seq,
      row: place.row,
      lastRow: place.lastRow,
      cells: place.cells,
      orderRef,
      occurredAt,
      customer,
      sourceChannel: value('channel').slice(0, 60) || null,
      trackingCode: value('trackingCode') || null,
      orderCoupon: value('orderCoupon') || null,
      fields: {
        orderId: name('orderId'),
        tracking: name('trackingCode'),
        orderCoupon: name('orderCoupon'),
      },
      orderDiscountMinor,
      shippingMinor,
      lines,
      subtotalMinor: totals.subtotalMinor,
      discountMinor: totals.discountMinor,
      totalMinor: totals.totalMinor,
    },
  }
}

/** The order id a row belongs to, for grouping. */
export function orderIdOfRow(layout: MappedLayout, cells: string[]): string {
  return cellOf(layout, cells, 'orderId')
}
