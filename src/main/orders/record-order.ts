import type { Business } from '../../shared/contract/businesses'
import type { Refusal } from '../../shared/refusals'
import { DomainError } from '../api/domain-error'
import type { Workspace } from '../db/database'
import { appendEntry } from '../ledger/append-entry'
import { planAccrual, recordCouponEvents, type SaleToAttribute } from '../commissions/accrue'
import type { Attribution } from '../commissions/choose-winner'
import { amountsOfOrder } from '../commissions/sale-amounts'
import { checkSale } from '../fraud/at-sale'
import { takeDayUse, takeUse } from '../ledger/take-uses'
import { orderDay } from './order-cells'
import { engineFigureOf, EngineFigures } from './engine-figure'
import { checkOrderCodes, CodeBook, importedAlready, importKey, type UsedCode } from './order-codes'
import { OrderCustomers } from './order-customers'
import { fieldOfCode, limitRejection } from './order-limits'
import { acceptedOutcome, refusedOutcome, type OrderOutcome } from './order-outcome'
import { isRejection, type SourceOrder } from './source-order'

/**
 * What an imported order's ledger entry details: the file's lines, and the engine's figure.
 * Values the file leaves blank are left out (the entry is hashed and stored a million times).
 */
export interface ImportedDetails {
  import: { id: number; row: number; lastRow: number }
  sourceChannel?: string
  lines: {
    sku: string
    name?: string
    quantity: number
    unitPriceMinor: number
    discountMinor: number
    coupon?: string
  }[]
  orderCoupon?: string
  orderDiscountMinor?: number
  trackingCode?: string
  /** What the engine would have given; the discount recorded is the file's. */
  engineDiscountMinor: number | null
  flagged: boolean
  /** Who earned the order and why. */
  attribution?: Attribution
}

function refusalOf(error: unknown): Refusal | null {
  if (!(error instanceof DomainError) || error.code !== 'refused') return null
  return (error.extra.details?.refusal as Refusal | undefined) ?? null
}

/**
 * Writes the orders of an import to the ledger, each in its own savepoint inside the caller's
 * transaction: an order whose limit the database refuses leaves nothing (no use, no customer,
 * no entry), and the orders around it stay.
 */
export class OrderRecorder {
  private readonly book: CodeBook
  private readonly figures: EngineFigures
  private readonly customers: OrderCustomers

  constructor(
    private readonly db: Workspace,
    private readonly business: Business,
    private readonly importId: number,
    private readonly now: number,
  ) {
    this.book = new CodeBook(db, business.id)
    this.figures = new EngineFigures(db, business)
    this.customers = new OrderCustomers(db, business.id)
  }

  /**
   * Call inside a write transaction with orders read from the file; codes are looked up
   * afresh for every batch, so a code switched off meanwhile counts.
   */
  record(orders: SourceOrder[]): OrderOutcome[] {
    this.book.clear()
    this.figures.prime(orders)
    const imported = importedAlready(this.db, this.business.id, orders)
    return orders.map((order) => this.one(order, imported))
  }

  private one(order: SourceOrder, imported: ReadonlySet<string>): OrderOutcome {
    const codes = checkOrderCodes(this.business, this.book, order, imported)
    if (isRejection(codes)) return refusedOutcome(order, codes)
    const taking: { code: UsedCode | null } = { code: null }
    // Only a code's limits can refuse an order once its checks passed; an order without codes
    // needs no savepoint (any other failure aborts the whole chunk).
    if (codes.length === 0) return this.write(order, codes, taking)
    try {
      return this.db.sql.transaction(() => this.write(order, codes, taking))
    } catch (error) {
      const refusal = refusalOf(error)
      if (!refusal || !taking.code) throw error
      const day = orderDay(order.occurredAt, this.business.timeZone)
      const field = fieldOfCode(order, taking.code)
      return refusedOutcome(order, limitRejection(taking.code, refusal.params, field, day))
    }
  }

  private write(order: SourceOrder, codes: UsedCode[], taking: { code: UsedCode | null }) {
    const { db, business } = this
    const ref = order.customer
    const customer = ref ? this.customers.findOrCreate(ref, this.now) : null
    const customerId = customer?.id ?? null
    const engine = engineFigureOf(this.figures, order, codes, () =>
      ref && customer ? this.customers.engineFacts(ref, customer) : null,
    )
    const day = orderDay(order.occurredAt, business.timeZone)
    for (const used of codes) {
      taking.code = used
      takeUse(db, business, used.code, customerId)
      if (used.terms.maxUsesPerDay !== null)
        takeDayUse(db, business, used.terms.campaignId, day, used.terms.maxUsesPerDay)
    }
    taking.code = null
    const outcome = acceptedOutcome(order, codes, engine)
    const toAttribute: SaleToAttribute = {
      occurredAt: order.occurredAt,
      customerId,
      codes: codes.map((used) => ({
        campaignId: used.terms.campaignId,
        promoterId: used.code.promoter?.id ?? null,
      })),
      amounts: amountsOfOrder(business, order),
    }
    const accrual = planAccrual(db, business, toAttribute)
    const entryId = appendEntry(db, {
      businessId: business.id,
      timeZone: business.timeZone,
      kind: 'sale',
      orderRef: order.orderRef,
      idempotencyKey: importKey(order.orderRef),
      customerId,
      channel: 'import',
      location: null,
      occurredAt: order.occurredAt,
      currency: business.currency,
      subtotalMinor: order.subtotalMinor,
      discountMinor: order.discountMinor,
      shippingMinor: order.shippingMinor,
      totalMinor: order.totalMinor,
      detailsJson: JSON.stringify({
        ...this.details(order, engine, outcome.flagged),
        attribution: accrual.attribution,
      }),
      redemptions: codes.map((used) => ({
        codeId: used.code.id,
        campaignId: used.terms.campaignId,
        promoterId: used.code.promoter?.id ?? null,
        discountMinor: used.discountMinor,
      })),
      promotionUses: [],
      commissions: accrual.commissions,
    })
    recordCouponEvents(db, business, toAttribute, accrual, entryId, this.now)
    checkSale(
      db,
      business,
      {
        entryId,
        customerId,
        occurredAt: order.occurredAt,
        location: null,
        context: { phone: order.customer?.phone ?? undefined },
      },
      this.now,
      // Orders from a file are history: the import scans for fraud once, when it is done.
      false,
    )
    // Last: should anything above throw, the savepoint takes the new customer back, and the
    // remembered ids must not keep it.
    if (customer) this.customers.written(customer, order.occurredAt)
    return outcome
  }

  private details(order: SourceOrder, engine: number | null, flagged: boolean): ImportedDetails {
    // undefined, unlike null, leaves the key out of the JSON.
    return {
      import: { id: this.importId, row: order.row, lastRow: order.lastRow },
      sourceChannel: order.sourceChannel ?? undefined,
      lines: order.lines.map((line) => ({
        sku: line.sku,
        name: line.name ?? undefined,
        quantity: line.quantity,
        unitPriceMinor: line.unitPriceMinor,
        discountMinor: line.discountMinor,
        coupon: line.coupon ?? undefined,
      })),
      orderCoupon: order.orderCoupon ?? undefined,
      orderDiscountMinor: order.orderDiscountMinor || undefined,
      trackingCode: order.trackingCode ?? undefined,
      engineDiscountMinor: engine,
      flagged,
    }
  }
}
