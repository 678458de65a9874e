import type { MethodArgs } from '../../shared/contract'
import type { Business } from '../../shared/contract/businesses'
import type { Channel } from '../../shared/contract/checkout'
import type { ReversalReceipt, SaleDetail, SaleReversal } from '../../shared/contract/sales'
import { formatMoney } from '../../shared/money'
import { DomainError, notFound } from '../api/domain-error'
import type { Workspace } from '../db/database'
import { preparedQuery } from '../db/prepared-query'
import { mulDivRoundHalfUp, prorate } from '../engine/money'
import { appendEntry, entryByIdempotencyKey } from './append-entry'
import { planCommissionReversal } from '../commissions/reverse-commissions'
import { checkReversal } from '../fraud/at-sale'

type ReverseArgs = MethodArgs<'sales.reverse'>

interface ReversalDetails {
  reason: string
  requestId: string
  amountMinor: number
  usesReturned: boolean
}

const entryById = preparedQuery((db, p: { businessId: number; entryId: number }) =>
  db.qb
    .selectFrom('ledger_entries as e')
    .leftJoin('customers as cu', 'cu.id', 'e.customer_id')
    .select([
      'e.id',
      'e.kind',
      'e.order_ref',
      'e.customer_id',
      'e.channel',
      'e.location',
      'e.occurred_at',
      'e.subtotal_minor',
      'e.discount_minor',
      'e.shipping_minor',
      'e.total_minor',
      'cu.email as customer_email',
      'cu.external_id as customer_external_id',
    ])
    .where('e.business_id', '=', p.businessId)
    .where('e.id', '=', p.entryId),
)

const reversalsOf = preparedQuery((db, p: { entryId: number }) =>
  db.qb
    .selectFrom('ledger_entries')
    .select(['id', 'kind', 'occurred_at', 'total_minor', 'details_json'])
    .where('reverses_entry_id', '=', p.entryId)
    .orderBy('id'),
)

const codeRowsOf = preparedQuery((db, p: { entryId: number }) =>
  db.qb
    .selectFrom('redemptions as r')
    .innerJoin('codes as c', 'c.id', 'r.code_id')
    .select(['r.code_id', 'c.code', 'r.campaign_id', 'r.promoter_id', 'r.discount_minor'])
    .where('r.entry_id', '=', p.entryId)
    .orderBy('r.id'),
)

const promotionRowsOf = preparedQuery((db, p: { entryId: number }) =>
  db.qb
    .selectFrom('promotion_uses')
    .select(['campaign_id', 'discount_minor'])
    .where('entry_id', '=', p.entryId)
    .orderBy('id'),
)

/** Gives a use back; the guards keep counters from going below zero whatever happens. */
const returnCodeUse = preparedQuery((db, p: { codeId: number }) =>
  db.qb
    .updateTable('codes')
    .set((eb) => ({ uses_count: eb('uses_count', '-', 1) }))
    .where('id', '=', p.codeId)
    .where('uses_count', '>', 0),
)

const returnCustomerUse = preparedQuery((db, p: { codeId: number; customerId: number }) =>
  db.qb
    .updateTable('code_customer_uses')
    .set((eb) => ({ uses: eb('uses', '-', 1) }))
    .where('code_id', '=', p.codeId)
    .where('customer_id', '=', p.customerId)
    .where('uses', '>', 0),
)

type SaleRow = NonNullable<ReturnType<typeof findSaleRow>>

function findSaleRow(db: Workspace, businessId: number, entryId: number) {
  return db.sql.first(entryById(db, { businessId, entryId }))
}

function toReversal(row: {
  id: number
  kind: string
  occurred_at: number
  details_json: string
}): SaleReversal {
  const details = JSON.parse(row.details_json) as ReversalDetails
  return {
    entryId: row.id,
    kind: row.kind === 'void' ? 'void' : 'refund',
    amountMinor: details.amountMinor,
    reason: details.reason,
    usesReturned: details.usesReturned,
    occurredAt: row.occurred_at,
  }
}

/** A sale with its reversals; refuses anything that is not a sale of this business. */
export function saleDetail(db: Workspace, business: Business, entryId: number): SaleDetail {
  const sale = findSaleRow(db, business.id, entryId)
  if (!sale || sale.kind !== 'sale') throw notFound('This sale', 'entryId')
  return describeSale(db, sale)
}

function describeSale(db: Workspace, sale: SaleRow): SaleDetail {
  const reversals = db.sql.all(reversalsOf(db, { entryId: sale.id })).map(toReversal)
  const returned = reversals.reduce((sum, reversal) => sum + reversal.amountMinor, 0)
  const voided = reversals.some((reversal) => reversal.kind === 'void')
  return {
    entryId: sale.id,
    orderRef: sale.order_ref,
    channel: sale.channel as Channel,
    occurredAt: sale.occurred_at,
    subtotalMinor: sale.subtotal_minor,
    discountMinor: sale.discount_minor,
    totalMinor: sale.total_minor,
    codes: db.sql.all(codeRowsOf(db, { entryId: sale.id })).map((row) => row.code),
    customerLabel: sale.customer_email ?? sale.customer_external_id ?? null,
    reversals,
    refundableMinor: voided ? 0 : sale.total_minor - returned,
    voided,
  }
}

/**
 * The share of `value` reversed by this reversal: what the cumulative reversal reaches now
 * minus what it had reached before, each rounded half up, so a sale refunded in parts ends
 * reversed exactly in full.
 */
function shareOf(value: number, before: number, after: number, total: number): number {
  if (total === 0) return after > 0 || before === 0 ? value : 0
  const reached = (part: number) =>
    Math.sign(value) * mulDivRoundHalfUp(Math.abs(value), part, total)
  return reached(after) - reached(before)
}

/**
 * Refunds part or all of a sale, or voids it, in one write transaction: a new entry pointing at
 * the sale, with negative amounts split over its codes and promotions, giving the codes' uses
 * back when the sale is voided, or fully refunded and the business says refunds do so.
 */
export function reverseSale(
  db: Workspace,
  business: Business,
  args: ReverseArgs,
  now: number,
): ReversalReceipt {
  const idempotencyKey = `reversal:${args.requestId}`
  return db.sql.transaction(() => {
    const existing = entryByIdempotencyKey(db, business.id, idempotencyKey)
    const sale = findSaleRow(db, business.id, args.entryId)
    if (!sale || sale.kind !== 'sale') throw notFound('This sale', 'entryId')
    if (existing) {
      const reversal = toReversal(existing)
      const same =
        existing.reverses_entry_id === sale.id &&
        reversal.kind === args.kind &&
        (args.amountMinor === undefined || args.amountMinor === reversal.amountMinor)
      if (!same)
        throw new DomainError(
          'conflict',
          'This request id was already used for a different correction; start a new one.',
          { field: 'requestId' },
        )
      return { reversal, sale: describeSale(db, sale), duplicate: true }
    }
    const before = describeSale(db, sale)
    if (before.voided)
      throw new DomainError('conflict', `Order ${sale.order_ref} was already voided.`, {
        field: 'kind',
      })
    if (args.kind === 'void' && before.reversals.length > 0)
      throw new DomainError(
        'conflict',
        `Order ${sale.order_ref} was already partly refunded; refund the rest instead of voiding it.`,
        { field: 'kind' },
      )
    const amount =
      args.kind === 'void' ? sale.total_minor : (args.amountMinor ?? before.refundableMinor)
    if (args.kind === 'refund' && before.refundableMinor === 0)
      throw new DomainError('conflict', `Order ${sale.order_ref} is already fully refunded.`, {
        field: 'amountMinor',
      })
    if (amount > before.refundableMinor)
      throw new DomainError(
        'invalid_input',
        `At most ${formatMoney(before.refundableMinor, business.currency)} can still be refunded on order ${sale.order_ref}.`,
        { field: 'amountMinor' },
      )

    const returnedBefore = sale.total_minor - before.refundableMinor
    const returnedAfter = returnedBefore + amount
    const full = returnedAfter === sale.total_minor
    const usesReturned = args.kind === 'void' || (full && business.sales.refundReturnsUse)
    const share = (value: number) =>
      -shareOf(value, returnedBefore, returnedAfter, sale.total_minor)

    const codeRows = db.sql.all(codeRowsOf(db, { entryId: sale.id }))
    const promotionRows = db.sql.all(promotionRowsOf(db, { entryId: sale.id }))
    // The rows' discount share is split over them by largest remainder (cumulatively, like the
    // shares), so they always add up, and a full reversal returns each row exactly. (An imported
    // order may carry discount no code accounts for: the rows' own total is the base.)
    const rowDiscounts = [...codeRows, ...promotionRows].map((row) => row.discount_minor)
    const rowsTotal = rowDiscounts.reduce((sum, discount) => sum + discount, 0)
    const splitAt = (returned: number) =>
      prorate(shareOf(rowsTotal, 0, returned, sale.total_minor), rowDiscounts)
    const rowsBefore = splitAt(returnedBefore)
    const rowsAfter = splitAt(returnedAfter)
    const rowShare = (index: number) => -((rowsAfter[index] ?? 0) - (rowsBefore[index] ?? 0))
    if (usesReturned) {
      for (const row of codeRows) {
        db.sql.run(returnCodeUse(db, { codeId: row.code_id }))
        if (sale.customer_id !== null)
          db.sql.run(returnCustomerUse(db, { codeId: row.code_id, customerId: sale.customer_id }))
      }
    }
    const details: ReversalDetails = {
      reason: args.reason,
      requestId: args.requestId,
      amountMinor: amount,
      usesReturned,
    }
    const entryId = appendEntry(db, {
      businessId: business.id,
      timeZone: business.timeZone,
      kind: args.kind,
      orderRef: sale.order_ref,
      idempotencyKey,
      customerId: sale.customer_id,
      channel: sale.channel,
      location: sale.location,
      occurredAt: now,
      currency: business.currency,
      subtotalMinor: share(sale.subtotal_minor),
      discountMinor: share(sale.discount_minor),
      shippingMinor: share(sale.shipping_minor),
      totalMinor: -amount,
      detailsJson: JSON.stringify(details),
      redemptions: codeRows.map((row, index) => ({
        codeId: row.code_id,
        campaignId: row.campaign_id,
        promoterId: row.promoter_id,
        discountMinor: rowShare(index),
        uses: usesReturned ? -1 : 0,
      })),
      promotionUses: promotionRows.map((row, index) => ({
        campaignId: row.campaign_id,
        discountMinor: rowShare(codeRows.length + index),
        uses: usesReturned ? -1 : 0,
      })),
      reversesEntryId: sale.id,
      commissions: planCommissionReversal(
        db,
        business,
        { id: sale.id, totalMinor: sale.total_minor },
        returnedAfter,
        full || args.kind === 'void',
      ),
    })
    checkReversal(
      db,
      business,
      codeRows.flatMap((row) => (row.promoter_id === null ? [] : [row.promoter_id])),
      now,
    )
    return {
      reversal: {
        entryId,
        kind: args.kind,
        amountMinor: amount,
        reason: args.reason,
        usesReturned,
        occurredAt: now,
      },
      sale: describeSale(db, sale),
      duplicate: false,
    }
  })
}
