import type { Insertable } from 'kysely'
import type { Workspace } from '../db/database'
import { LIMIT_ONE, preparedQuery } from '../db/prepared-query'
import { localDayOf } from '../time/local-dates'
import type {
  CommissionsTable,
  DailyTotalsTable,
  LedgerEntriesTable,
  PromotionUsesTable,
  RedemptionsTable,
} from '../db/schema'
import { GENESIS_HASH, saleHash, type HashedSale } from './entry-hash'

/** Everything an entry records (its hash covers all of it), and the business's time zone. */
export interface EntryDraft extends HashedSale {
  /** Where the entry's local day is counted in the daily totals. */
  timeZone: string
}

const insertEntry = preparedQuery((db, row: Insertable<LedgerEntriesTable>) =>
  db.qb.insertInto('ledger_entries').values(row).returning('id'),
)

const insertRedemption = preparedQuery((db, row: Insertable<RedemptionsTable>) =>
  db.qb.insertInto('redemptions').values(row),
)

const insertPromotionUse = preparedQuery((db, row: Insertable<PromotionUsesTable>) =>
  db.qb.insertInto('promotion_uses').values(row),
)

const insertCommission = preparedQuery((db, row: Insertable<CommissionsTable>) =>
  db.qb.insertInto('commissions').values(row),
)

type DailyRow = Insertable<DailyTotalsTable> & {
  orders: number
  sales_minor: number
  reversals: number
  reversed_minor: number
  discount_minor: number
  redemptions: number
  commission_minor: number
}

const addToDailyTotals = preparedQuery((db, row: DailyRow) =>
  db.qb
    .insertInto('daily_totals')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['business_id', 'day', 'channel']).doUpdateSet((eb) => ({
        orders: eb('daily_totals.orders', '+', eb.ref('excluded.orders')),
        sales_minor: eb('daily_totals.sales_minor', '+', eb.ref('excluded.sales_minor')),
        reversals: eb('daily_totals.reversals', '+', eb.ref('excluded.reversals')),
        reversed_minor: eb('daily_totals.reversed_minor', '+', eb.ref('excluded.reversed_minor')),
        discount_minor: eb('daily_totals.discount_minor', '+', eb.ref('excluded.discount_minor')),
        redemptions: eb('daily_totals.redemptions', '+', eb.ref('excluded.redemptions')),
        commission_minor: eb(
          'daily_totals.commission_minor',
          '+',
          eb.ref('excluded.commission_minor'),
        ),
      })),
    ),
)

const lastEntryHash = preparedQuery((db, p: { businessId: number }) =>
  db.qb
    .selectFrom('ledger_entries')
    .select('hash')
    .where('business_id', '=', p.businessId)
    .orderBy('id', 'desc')
    .limit(LIMIT_ONE),
)

const entryByKey = preparedQuery((db, p: { businessId: number; idempotencyKey: string }) =>
  db.qb
    .selectFrom('ledger_entries')
    .select(['id', 'kind', 'order_ref', 'occurred_at', 'details_json', 'reverses_entry_id'])
    .where('business_id', '=', p.businessId)
    .where('idempotency_key', '=', p.idempotencyKey),
)

/** The business's last hash: what the next entry chains from. */
export function headHash(db: Workspace, businessId: number): string {
  return db.sql.first(lastEntryHash(db, { businessId }))?.hash ?? GENESIS_HASH
}

/** The entry an idempotency key already wrote, if any: a retry returns it. */
export function entryByIdempotencyKey(db: Workspace, businessId: number, idempotencyKey: string) {
  return db.sql.first(entryByKey(db, { businessId, idempotencyKey }))
}

/**
 * Appends one entry, chained to the business's previous one, with a row per code used and per
 * automatic promotion applied and its commissions. Call it inside the write transaction that took the uses, so the
 * counters and the entries can never disagree. Returns the entry's id.
 */
export function appendEntry(db: Workspace, draft: EntryDraft): number {
  const prevHash = headHash(db, draft.businessId)
  const hash = saleHash(prevHash, draft)
  const inserted = db.sql.first(
    insertEntry(db, {
      business_id: draft.businessId,
      kind: draft.kind,
      order_ref: draft.orderRef,
      idempotency_key: draft.idempotencyKey,
      customer_id: draft.customerId,
      channel: draft.channel,
      location: draft.location,
      occurred_at: draft.occurredAt,
      currency: draft.currency,
      subtotal_minor: draft.subtotalMinor,
      discount_minor: draft.discountMinor,
      shipping_minor: draft.shippingMinor,
      total_minor: draft.totalMinor,
      details_json: draft.detailsJson,
      prev_hash: prevHash,
      hash,
      reverses_entry_id: draft.reversesEntryId ?? null,
    }),
  )
  if (!inserted) throw new Error('Appending a ledger entry returned no id.')
  const entryId = inserted.id
  for (const redemption of draft.redemptions) {
    db.sql.run(
      insertRedemption(db, {
        entry_id: entryId,
        business_id: draft.businessId,
        code_id: redemption.codeId,
        campaign_id: redemption.campaignId,
        promoter_id: redemption.promoterId,
        customer_id: draft.customerId,
        channel: draft.channel,
        location: draft.location,
        occurred_at: draft.occurredAt,
        subtotal_minor: draft.subtotalMinor,
        discount_minor: redemption.discountMinor,
        total_minor: draft.totalMinor,
        uses: redemption.uses ?? 1,
      }),
    )
  }
  for (const use of draft.promotionUses) {
    db.sql.run(
      insertPromotionUse(db, {
        entry_id: entryId,
        business_id: draft.businessId,
        campaign_id: use.campaignId,
        customer_id: draft.customerId,
        occurred_at: draft.occurredAt,
        discount_minor: use.discountMinor,
        uses: use.uses ?? 1,
      }),
    )
  }
  const sale = draft.kind === 'sale'
  // A clawback moves commission only: it is neither a sale nor a reversal of one.
  const reversal = draft.kind === 'refund' || draft.kind === 'void'
  db.sql.run(
    addToDailyTotals(db, {
      business_id: draft.businessId,
      day: localDayOf(draft.occurredAt, draft.timeZone),
      channel: draft.channel,
      orders: sale ? 1 : 0,
      sales_minor: sale ? draft.totalMinor : 0,
      reversals: reversal ? 1 : 0,
      reversed_minor: reversal ? draft.totalMinor : 0,
      discount_minor: draft.discountMinor,
      redemptions: sale ? draft.redemptions.length : 0,
      commission_minor: (draft.commissions ?? []).reduce((sum, c) => sum + c.amountMinor, 0),
    }),
  )
  for (const commission of draft.commissions ?? []) {
    db.sql.run(
      insertCommission(db, {
        business_id: draft.businessId,
        entry_id: entryId,
        sale_entry_id: commission.saleEntryId ?? entryId,
        promoter_id: commission.promoterId,
        campaign_id: commission.campaignId,
        kind: commission.kind,
        period_key: commission.periodKey,
        origin_period_key: commission.originPeriodKey,
        base_minor: commission.baseMinor,
        amount_minor: commission.amountMinor,
        payable_at: commission.payableAt,
        occurred_at: draft.occurredAt,
        note: commission.note,
      }),
    )
  }
  return entryId
}
