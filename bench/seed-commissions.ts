import Database from 'better-sqlite3'
import { formatBasisPoints, formatMoney } from '../src/shared/money'
import { saleHash } from '../src/main/ledger/entry-hash'
import type { BenchShop } from './shop'

const ROWS_PER_TRANSACTION = 20_000
/** The bench program's rule: 10% of the sale's base. */
export const RATE_BP = 1_000

export interface CommissionSeed {
  /** Attributed sales to add, one commission row each. */
  sales: number
  /** The promoters they go to, in turn (so every promoter's rows spread over the whole table). */
  promoterIds: number[]
  periodKey: string
  startsAt: number
  endsAt: number
}

/**
 * Fills a closed workspace file with attributed sales of one payout period: a ledger entry and
 * a 10% accrual each, with raw batched inserts (as seed.ts does for redemptions). The entries
 * are hashed by the app's rule with their commission, chained from the ledger's last entry, so
 * the seeded ledger verifies. The ledger must hold one real sale: its amounts and details are
 * copied. Bases vary per sale, so the amounts differ and the sums are not trivially round.
 */
export function seedCommissions(file: string, shop: BenchShop, seed: CommissionSeed): void {
  const db = new Database(file)
  try {
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = OFF')
    const businessId = shop.business.id
    const currency = shop.business.currency
    const template = db
      .prepare(
        `select details_json, subtotal_minor, discount_minor, shipping_minor, total_minor, hash
         from ledger_entries where business_id = ? order by id desc limit 1`,
      )
      .get(businessId) as
      | {
          details_json: string
          subtotal_minor: number
          discount_minor: number
          shipping_minor: number
          total_minor: number
          hash: string
        }
      | undefined
    if (!template) throw new Error('Seeding needs one real sale in the ledger to copy.')

    const insertEntry = db.prepare(
      `insert into ledger_entries (business_id, kind, order_ref, idempotency_key, customer_id,
         channel, location, occurred_at, currency, subtotal_minor, discount_minor, shipping_minor,
         total_minor, details_json, prev_hash, hash)
       values (?, 'sale', ?, ?, null, 'online', null, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    const insertCommission = db.prepare(
      `insert into commissions (business_id, entry_id, sale_entry_id, promoter_id, campaign_id,
         kind, period_key, origin_period_key, base_minor, amount_minor, payable_at, occurred_at,
         note)
       values (?, ?, ?, ?, ?, 'accrual', ?, ?, ?, ?, ?, ?, ?)`,
    )
    const step = Math.max(1, Math.floor((seed.endsAt - seed.startsAt) / seed.sales))
    let prevHash = template.hash
    const insertRange = db.transaction((from: number, to: number) => {
      for (let index = from; index < to; index++) {
        const promoterId = seed.promoterIds[index % seed.promoterIds.length]
        if (promoterId === undefined) throw new Error('Seeding commissions needs promoters.')
        const orderRef = `STMT-${index}`
        const occurredAt = seed.startsAt + index * step
        const baseMinor = 1_000 + ((index * 7_919) % 20_000)
        const commission = {
          promoterId,
          campaignId: shop.campaignId,
          kind: 'accrual' as const,
          periodKey: seed.periodKey,
          originPeriodKey: seed.periodKey,
          baseMinor,
          amountMinor: Math.round((baseMinor * RATE_BP) / 10_000),
          payableAt: occurredAt,
          note: `${formatBasisPoints(RATE_BP)} of ${formatMoney(baseMinor, currency)}`,
        }
        const hash = saleHash(prevHash, {
          businessId,
          kind: 'sale',
          orderRef,
          idempotencyKey: `sale:${orderRef}`,
          customerId: null,
          channel: 'online',
          location: null,
          occurredAt,
          currency,
          subtotalMinor: template.subtotal_minor,
          discountMinor: template.discount_minor,
          shippingMinor: template.shipping_minor,
          totalMinor: template.total_minor,
          detailsJson: template.details_json,
          redemptions: [],
          promotionUses: [],
          commissions: [commission],
        })
        const entryId = insertEntry.run(
          businessId,
          orderRef,
          `sale:${orderRef}`,
          occurredAt,
          currency,
          template.subtotal_minor,
          template.discount_minor,
          template.shipping_minor,
          template.total_minor,
          template.details_json,
          prevHash,
          hash,
        ).lastInsertRowid
        prevHash = hash
        insertCommission.run(
          businessId,
          entryId,
          entryId,
          promoterId,
          commission.campaignId,
          seed.periodKey,
          seed.periodKey,
          commission.baseMinor,
          commission.amountMinor,
          commission.payableAt,
          occurredAt,
          commission.note,
        )
      }
    })
    for (let from = 0; from < seed.sales; from += ROWS_PER_TRANSACTION) {
      insertRange(from, Math.min(seed.sales, from + ROWS_PER_TRANSACTION))
    }
    db.pragma('wal_checkpoint(TRUNCATE)')
  } finally {
    db.close()
  }
}
