import { hash } from 'node:crypto'
import type { EntryKind } from '../db/schema'

/** The previous hash of a business's first ledger entry. */
export const GENESIS_HASH = '0'.repeat(64)

/** A commission row written with an entry: the sale's accrual, or a reversal's share of it. */
export interface HashedCommission {
  promoterId: number
  campaignId: number | null
  kind: 'accrual' | 'reversal'
  periodKey: string
  originPeriodKey: string
  baseMinor: number
  amountMinor: number
  payableAt: number
  note: string
  /** The sale the row belongs to; left out, the entry that writes it. */
  saleEntryId?: number
}

/** The fields of a sale entry that its hash covers, in a fixed order. */
export interface HashedSale {
  businessId: number
  kind: EntryKind
  orderRef: string
  idempotencyKey: string
  customerId: number | null
  channel: string
  location: string | null
  occurredAt: number
  currency: string
  subtotalMinor: number
  discountMinor: number
  shippingMinor: number
  totalMinor: number
  detailsJson: string
  redemptions: {
    codeId: number
    campaignId: number
    promoterId: number | null
    discountMinor: number
    /** Uses counted: 1 (the default) for a sale; 0 or −1 on a reversal. */
    uses?: number
  }[]
  /** Automatic promotions applied (or reversed). */
  promotionUses: { campaignId: number; discountMinor: number; uses?: number }[]
  /** For a refund or void: the sale it corrects. */
  reversesEntryId?: number | null
  /** Commissions accrued or reversed by this entry. */
  commissions?: HashedCommission[]
}

/**
 * sha256 over the previous entry's hash and this entry's fields. Changing, removing or
 * reordering any entry breaks every hash after it, which `verify` reports.
 */
export function saleHash(prevHash: string, sale: HashedSale): string {
  const fields = [
    sale.businessId,
    sale.kind,
    sale.orderRef,
    sale.idempotencyKey,
    sale.customerId,
    sale.channel,
    sale.location,
    sale.occurredAt,
    sale.currency,
    sale.subtotalMinor,
    sale.discountMinor,
    sale.shippingMinor,
    sale.totalMinor,
    sale.detailsJson,
    // Fields added later only join the hash when set, so older entries hash exactly as before.
    sale.redemptions.map((r) => [
      r.codeId,
      r.campaignId,
      r.promoterId,
      r.discountMinor,
      ...(r.uses === undefined || r.uses === 1 ? [] : [r.uses]),
    ]),
    ...(sale.promotionUses.length > 0
      ? [
          sale.promotionUses.map((use) => [
            use.campaignId,
            use.discountMinor,
            ...(use.uses === undefined || use.uses === 1 ? [] : [use.uses]),
          ]),
        ]
      : []),
    ...(sale.reversesEntryId == null ? [] : [{ reverses: sale.reversesEntryId }]),
    ...(sale.commissions && sale.commissions.length > 0
      ? [
          {
            commissions: sale.commissions.map((c) => [
              c.promoterId,
              c.campaignId,
              c.kind,
              c.periodKey,
              c.originPeriodKey,
              c.baseMinor,
              c.amountMinor,
              c.payableAt,
              c.note,
              c.saleEntryId ?? null,
            ]),
          },
        ]
      : []),
  ]
  // One-shot hashing of the joined text: the same UTF-8 bytes as hashing the parts in turn, with
  // none of a Hash object's cost, which counts when verifying a million entries.
  return hash('sha256', `${prevHash}\n${JSON.stringify(fields)}`)
}
