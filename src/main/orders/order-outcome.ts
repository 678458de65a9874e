import type { CustomerRef } from '../../shared/contract/codes'
import type { OrderImportRow } from '../../shared/contract/order-imports'
import type { UsedCode } from './order-codes'
import type { RejectedSource, Rejection, SourceOrder } from './source-order'

/**
 * What a pass over a file decided for one order: the row the preview and the history show
 * (the contract's OrderImportRow, less its status), plus what the import needs to go on.
 */
export interface OrderOutcome extends Omit<OrderImportRow, 'status'> {
  accepted: boolean
  /** False when the order's own cells were refused: final, the import does not read it again. */
  readable: boolean
  /** The order's rows as read: the import reads them again, the error report shows them. */
  cells: string[][]
}

export function customerLabel(customer: CustomerRef | null): string | null {
  return customer ? (customer.email ?? customer.externalId ?? customer.phone ?? null) : null
}

function codesOf(order: SourceOrder): string[] {
  const codes = [order.trackingCode, order.orderCoupon, ...order.lines.map((line) => line.coupon)]
  return [...new Set(codes.filter((code): code is string => Boolean(code)))]
}

/** An order that passed every check; `engineDiscountMinor` null when it has nothing to compare. */
export function acceptedOutcome(
  order: SourceOrder,
  codes: readonly UsedCode[],
  engineDiscountMinor: number | null,
): OrderOutcome {
  const flagged = engineDiscountMinor !== null && engineDiscountMinor !== order.discountMinor
  return outcomeOf(
    order,
    codes.map((used) => used.text),
    engineDiscountMinor,
    flagged,
    null,
  )
}

/** An order read in full, then refused by a check against the workspace. */
export function refusedOutcome(order: SourceOrder, rejection: Rejection): OrderOutcome {
  return outcomeOf(order, codesOf(order), null, false, rejection)
}

/** An order whose cells could not be read. */
export function unreadableOutcome(source: RejectedSource): OrderOutcome {
  return {
    seq: source.seq,
    row: source.row,
    lastRow: source.lastRow,
    orderRef: source.orderRef,
    occurredAt: null,
    customerLabel: null,
    lines: source.cells.length,
    codes: [],
    subtotalMinor: null,
    discountMinor: null,
    totalMinor: null,
    engineDiscountMinor: null,
    flagged: false,
    accepted: false,
    readable: false,
    reason: source.reason,
    field: source.field,
    message: source.message,
    cells: source.cells,
  }
}

// Written out field by field: an object spread in this per-order path cost several times
// the rest of reading a row (V8 builds such objects slowly, and the garbage collector pays).
function outcomeOf(
  order: SourceOrder,
  codes: string[],
  engineDiscountMinor: number | null,
  flagged: boolean,
  rejection: Rejection | null,
): OrderOutcome {
  return {
    seq: order.seq,
    row: order.row,
    lastRow: order.lastRow,
    orderRef: order.orderRef,
    occurredAt: order.occurredAt,
    customerLabel: customerLabel(order.customer),
    lines: order.lines.length,
    codes,
    subtotalMinor: order.subtotalMinor,
    discountMinor: order.discountMinor,
    totalMinor: order.totalMinor,
    engineDiscountMinor,
    flagged,
    accepted: rejection === null,
    readable: true,
    reason: rejection?.reason ?? null,
    field: rejection?.field ?? null,
    message: rejection?.message ?? null,
    cells: order.cells,
  }
}

/** Whether an import changed what the check said about an order (so its row is rewritten). */
export function sameOutcome(a: OrderOutcome, b: OrderOutcome): boolean {
  return (
    a.accepted === b.accepted &&
    a.reason === b.reason &&
    a.message === b.message &&
    a.engineDiscountMinor === b.engineDiscountMinor
  )
}
