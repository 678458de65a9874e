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
  type SourceOrder,
} from './source-order'

/**
 * Source 003's order layout: one row per order, order columns, then numbered item groups.
 * PRICEnn is one item's full price and DISCOUNTnn one item's discount (at most the price);
 * both are multiplied by QUANTITYnn. COUPON_CODEnn is the coupon of PRODUCTnn alone.
 * Header names are matched without regard to case; the first name of each list is 003's.
 */
const ORDER_COLUMNS = {
  orderId: ['ORDER_ID', 'ORDER_NUMBER', 'ORDER_NO', 'ORDER'],
  orderDate: ['ORDER_DATE', 'DATE', 'ORDER_DATETIME'],
  customerId: ['CUSTOMER_ID', 'CUSTOMER_NUMBER', 'CUSTOMER'],
  email: ['EMAIL', 'CUSTOMER_EMAIL'],
  phone: ['PHONE', 'CUSTOMER_PHONE'],
  channel: ['CHANNEL', 'SOURCE'],
  keyCode: ['KEY_CODE', 'PROMO_CODE'],
  shipping: ['SHIPPING', 'SHIPPING_AMOUNT'],
} as const
type OrderColumn = keyof typeof ORDER_COLUMNS

const PRODUCT = /^PRODUCT(\d{1,3})$/i

interface Column {
  index: number
  /** The name as the file writes it, for messages. */
  name: string
}

interface ItemGroup {
  product: Column
  price: Column
  quantity: Column
  discount: Column | null
  coupon: Column | null
  name: Column | null
}

interface Layout {
  width: number
  order: Partial<Record<OrderColumn, Column>>
  groups: ItemGroup[]
}

type Table = { header: string[]; column(name: string): number | undefined }

/** Whether a header looks like 003's layout: PRODUCT01 with its PRICE01 and QUANTITY01. */
export function looksNumbered(table: Table): boolean {
  return ['PRODUCT01', 'PRICE01', 'QUANTITY01'].every((name) => table.column(name) !== undefined)
}

function findColumn(table: Table, names: readonly string[]): Column | undefined {
  for (const name of names) {
    const index = table.column(name)
    if (index !== undefined) return { index, name: table.header[index] ?? name }
  }
  return undefined
}

/** Finds 003's columns in a header, or says which the file lacks. */
export function numberedLayout(table: Table, fail: Fail): Layout {
  const order: Layout['order'] = {}
  for (const key of Object.keys(ORDER_COLUMNS) as OrderColumn[]) {
    const column = findColumn(table, ORDER_COLUMNS[key])
    if (column) order[key] = column
  }
  const groups: ItemGroup[] = []
  const missing: string[] = []
  for (const name of table.header) {
    const suffix = PRODUCT.exec(name)?.[1]
    if (!suffix) continue
    const sibling = (prefix: string) => findColumn(table, [`${prefix}${suffix}`])
    const price = sibling('PRICE')
    const quantity = sibling('QUANTITY')
    if (!price) missing.push(`PRICE${suffix}`)
    if (!quantity) missing.push(`QUANTITY${suffix}`)
    if (!price || !quantity) continue
    groups.push({
      product: { index: table.column(name) ?? 0, name },
      price,
      quantity,
      discount: sibling('DISCOUNT') ?? null,
      coupon: sibling('COUPON_CODE') ?? null,
      name: sibling('PRODUCT_NAME') ?? null,
    })
  }
  if (!order.orderId) missing.unshift('ORDER_ID')
  if (!order.orderDate) missing.unshift('ORDER_DATE')
  if (groups.length === 0 && missing.length === 0) missing.push('PRODUCT01, PRICE01, QUANTITY01')
  if (missing.length > 0) {
    throw fail(
      `This is not source 003's order layout: the file has no ${missing.join(', ')} column${missing.length > 1 ? 's' : ''}. Its header is: ${table.header.join(', ')}. For another shop's export, use a column mapping.`,
    )
  }
  return { width: table.header.length, order, groups }
}

function readLine(
  group: ItemGroup,
  cells: string[],
  reader: CellReader,
): SourceLine | Rejection | null {
  const cell = (column: Column | null) => (column ? (cells[column.index] ?? '') : '')
  const sku = cell(group.product)
  if (!sku) {
    const filled = [group.price, group.quantity, group.discount, group.coupon].find((c) => cell(c))
    return filled
      ? reject(
          'missing_value',
          group.product.name,
          `${filled.name} is filled but ${group.product.name} is blank.`,
        )
      : null
  }
  const price = reader.amount(cell(group.price), group.price.name)
  if (isRejection(price)) return price
  const quantity = reader.quantity(cell(group.quantity), group.quantity.name)
  if (isRejection(quantity)) return quantity
  const discountName = group.discount?.name ?? 'DISCOUNT'
  const discount = reader.amount(cell(group.discount), discountName, 0)
  if (isRejection(discount)) return discount
  if (discount > price) {
    return reject(
      'discount_above_price',
      discountName,
      `${discountName} (${reader.money(discount)}) is above ${group.price.name} (${reader.money(price)}); a discount is at most the price.`,
    )
  }
  return {
    sku,
    name: cell(group.name) || null,
    quantity,
    unitPriceMinor: price,
    grossMinor: price * quantity,
    discountMinor: discount * quantity,
    coupon: cell(group.coupon) || null,
    couponField: group.coupon?.name ?? group.product.name.replace(/^PRODUCT/i, 'COUPON_CODE'),
  }
}

/** Reads one row of a 003 file as one order. */
export function readNumberedRow(
  layout: Layout,
  tableRow: TableRow,
  seq: number,
  reader: CellReader,
  seen: SeenOrders,
): ReadOrder {
  const { row, cells } = tableRow
  const place = { seq, row, lastRow: row, cells: [cells] }
  const cell = (key: OrderColumn) => {
    const column = layout.order[key]
    return column ? (cells[column.index] ?? '') : ''
  }
  const name = (key: OrderColumn) => layout.order[key]?.name ?? ORDER_COLUMNS[key][0]
  const refused = (orderRef: string | null, rejection: Rejection): ReadOrder => ({
    ok: false,
    rejected: { ...place, orderRef, ...rejection },
  })

  const orderRef = orderRefOf(cell('orderId'), name('orderId'))
  if (isRejection(orderRef)) return refused(null, orderRef)
  const problem = seen.check(orderRef, row, name('orderId')) ?? overflowOf(tableRow, layout.width)
  if (problem) return refused(orderRef, problem)
  const occurredAt = reader.date(cell('orderDate'), name('orderDate'))
  if (isRejection(occurredAt)) return refused(orderRef, occurredAt)
  const customer = customerOf(
    { externalId: cell('customerId'), email: cell('email'), phone: cell('phone') },
    { externalId: name('customerId'), email: name('email'), phone: name('phone') },
  )
  if (isRejection(customer)) return refused(orderRef, customer)
  const shippingMinor = reader.amount(cell('shipping'), name('shipping'), 0)
  if (isRejection(shippingMinor)) return refused(orderRef, shippingMinor)

  const lines: SourceLine[] = []
  for (const group of layout.groups) {
    const line = readLine(group, cells, reader)
    if (isRejection(line)) return refused(orderRef, line)
    if (line) lines.push(line)
  }
  const first = layout.groups[0]?.product.name ?? 'PRODUCT01'
  if (lines.length === 0)
    return refused(
      orderRef,
      reject('missing_value', first, `The order has no product: ${first} is blank.`),
    )
  const totals = totalsOf(lines, 0, shippingMinor)
  if (!totals)
    return refused(
      orderRef,
      reject('bad_number', first, 'The order’s amounts are too large to add up exactly.'),
    )
  const order: SourceOrder = {
    seq,
    row,
    lastRow: row,
    cells: place.cells,
    orderRef,
    occurredAt,
    customer,
    sourceChannel: cell('channel').slice(0, 60) || null,
    trackingCode: cell('keyCode') || null,
    orderCoupon: null,
    fields: { orderId: name('orderId'), tracking: name('keyCode'), orderCoupon: '' },
    orderDiscountMinor: 0,
    shippingMinor,
    lines,
    subtotalMinor: totals.subtotalMinor,
    discountMinor: totals.discountMinor,
    totalMinor: totals.totalMinor,
  }
  return { ok: true, order }
}
