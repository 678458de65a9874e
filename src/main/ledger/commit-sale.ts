import { createHash } from 'node:crypto'
import type { Insertable } from 'kysely'
import type { MethodArgs } from '../../shared/contract'
import type { Receipt } from '../../shared/contract/checkout'
import type { Business } from '../../shared/contract/businesses'
import { explainSale } from '../../shared/promotions/explain'
import type { SaleResult } from '../../shared/promotions/outcome'
import { describeRefusal } from '../../shared/refusals'
import type { Workspace } from '../db/database'
import type { LedgerEntriesTable, PromotionUsesTable, RedemptionsTable } from '../db/schema'
import { LIMIT_ONE, preparedQuery } from '../db/prepared-query'
import { findCampaignTerms, takeDailyUse } from '../db/repos/campaigns.repo'
import { findEngineCode } from '../db/repos/codes.repo'
import {
  findOrCreateCustomer,
  recordCustomerTags,
  recordFirstOrder,
} from '../db/repos/customers.repo'
import { DomainError } from '../api/domain-error'
import { evaluateSale } from '../engine/evaluate'
import type { EngineCode } from '../engine/types'
import { loadSale } from '../checkout/load-sale'
import { GENESIS_HASH, saleHash } from './entry-hash'

export type CommitArgs = MethodArgs<'checkout.commit'>

interface StoredDetails {
  fingerprint: string
  result: SaleResult
}

/** What identifies "the same order" on a retry: everything the caller sent. */
function fingerprint(args: CommitArgs): string {
  const { code, customer, customerTags, cart, channel, location } = args
  return createHash('sha256')
    .update(JSON.stringify([code?.toUpperCase(), customer, customerTags, cart, channel, location]))
    .digest('hex')
}

/**
 * Records a sale in one write transaction: re-evaluates it under the lock, takes a use of the
 * code and of every capped promotion with conditional updates the database enforces, and
 * appends the hashed ledger entry with a row per promotion used. The same order reference
 * returns the first receipt and writes nothing.
 */
export function commitSale(
  db: Workspace,
  business: Business,
  args: CommitArgs,
  now: number,
): Receipt {
  const idempotencyKey = `sale:${args.orderRef}`
  const print = fingerprint(args)
  return db.sql.transaction(() => {
    const existing = findEntry(db, business.id, idempotencyKey)
    if (existing) return duplicateReceipt(db, business, existing, print)

    const customerId = args.customer
      ? findOrCreateCustomer(db, business.id, args.customer, now)
      : null
    const loaded = loadSale(db, business, args, customerId, now)
    const result = evaluateSale(loaded.sale)
    const evaluation = explainSale(result, loaded.terms, business)
    if (evaluation.refusal) {
      throw new DomainError('refused', evaluation.refusal.message, {
        field: evaluation.refusal.reason === 'empty_cart' ? 'cart' : 'code',
        details: { refusal: evaluation.refusal },
      })
    }
    const applied = loaded.sale.promotions.filter((promotion) =>
      result.promotions.some(
        (outcome) => outcome.campaignId === promotion.campaignId && outcome.status === 'applied',
      ),
    )
    for (const promotion of applied) {
      if (promotion.code) takeUse(db, business, promotion.code, customerId)
      if (promotion.maxUsesPerDay !== null) {
        if (!takeDailyUse(db, promotion.campaignId, loaded.day, promotion.maxUsesPerDay))
          throw refused(business, { reason: 'daily_cap', maxUsesPerDay: promotion.maxUsesPerDay })
      }
    }
    if (customerId !== null) {
      if (args.customerTags) recordCustomerTags(db, customerId, args.customerTags)
      recordFirstOrder(db, customerId, now)
    }

    const details: StoredDetails = { fingerprint: print, result }
    const { totals } = result
    const entry = {
      business_id: business.id,
      kind: 'sale' as const,
      order_ref: args.orderRef,
      idempotency_key: idempotencyKey,
      customer_id: customerId,
      channel: args.channel,
      location: args.location ?? null,
      occurred_at: now,
      currency: business.currency,
      subtotal_minor: totals.subtotalMinor,
      discount_minor: totals.discountMinor + totals.shippingDiscountMinor,
      shipping_minor: totals.shippingMinor,
      total_minor: totals.totalMinor,
      details_json: JSON.stringify(details),
    }
    const outcomeOf = (campaignId: number) =>
      result.promotions.find((outcome) => outcome.campaignId === campaignId)
    const discountOf = (campaignId: number) => {
      const outcome = outcomeOf(campaignId)
      return (outcome?.discountMinor ?? 0) + (outcome?.shippingDiscountMinor ?? 0)
    }
    const redemptions = applied.flatMap((promotion) =>
      promotion.code
        ? [
            {
              codeId: promotion.code.id,
              campaignId: promotion.campaignId,
              promoterId: promotion.code.promoter?.id ?? null,
              discountMinor: discountOf(promotion.campaignId),
            },
          ]
        : [],
    )
    const automatic = applied
      .filter((promotion) => promotion.code === null)
      .map((promotion) => ({
        campaignId: promotion.campaignId,
        discountMinor: discountOf(promotion.campaignId),
      }))
    const prevHash = headHash(db, business.id)
    const hash = saleHash(prevHash, {
      businessId: entry.business_id,
      kind: entry.kind,
      orderRef: entry.order_ref,
      idempotencyKey,
      customerId,
      channel: entry.channel,
      location: entry.location,
      occurredAt: now,
      currency: entry.currency,
      subtotalMinor: entry.subtotal_minor,
      discountMinor: entry.discount_minor,
      shippingMinor: entry.shipping_minor,
      totalMinor: entry.total_minor,
      detailsJson: entry.details_json,
      redemptions,
      promotionUses: automatic,
    })
    const inserted = db.sql.first(insertEntry(db, { ...entry, prev_hash: prevHash, hash }))
    const entryId = inserted?.id ?? 0
    for (const redemption of redemptions) {
      db.sql.run(
        insertRedemption(db, {
          entry_id: entryId,
          business_id: business.id,
          code_id: redemption.codeId,
          campaign_id: redemption.campaignId,
          promoter_id: redemption.promoterId,
          customer_id: customerId,
          channel: entry.channel,
          location: entry.location,
          occurred_at: now,
          subtotal_minor: entry.subtotal_minor,
          discount_minor: redemption.discountMinor,
          total_minor: entry.total_minor,
        }),
      )
    }
    for (const use of automatic) {
      db.sql.run(
        insertPromotionUse(db, {
          entry_id: entryId,
          business_id: business.id,
          campaign_id: use.campaignId,
          customer_id: customerId,
          occurred_at: now,
          discount_minor: use.discountMinor,
        }),
      )
    }
    return { entryId, orderRef: args.orderRef, duplicate: false, occurredAt: now, evaluation }
  })
}

// The statements of the redeem path, compiled once per workspace (see preparedQuery).
const insertEntry = preparedQuery((db, row: Insertable<LedgerEntriesTable>) =>
  db.qb.insertInto('ledger_entries').values(row).returning('id'),
)

const insertRedemption = preparedQuery((db, row: Insertable<RedemptionsTable>) =>
  db.qb.insertInto('redemptions').values(row),
)

const insertPromotionUse = preparedQuery((db, row: Insertable<PromotionUsesTable>) =>
  db.qb.insertInto('promotion_uses').values(row),
)

const bumpCodeUses = preparedQuery((db, p: { codeId: number }) =>
  db.qb
    .updateTable('codes')
    .set((eb) => ({ uses_count: eb('uses_count', '+', 1) }))
    .where('id', '=', p.codeId)
    .where('active', '=', 1)
    .where((eb) => eb.or([eb('max_uses', 'is', null), eb('uses_count', '<', eb.ref('max_uses'))]))
    .returning(['uses_count', 'max_uses', 'max_uses_per_customer']),
)

/** A null limit lets every use through; the limit is a value, so one SQL serves both cases. */
const bumpCustomerUses = preparedQuery(
  (db, p: { codeId: number; customerId: number; limit: number | null }) =>
    db.qb
      .insertInto('code_customer_uses')
      .values({ code_id: p.codeId, customer_id: p.customerId, uses: 1 })
      .onConflict((oc) =>
        oc
          .columns(['code_id', 'customer_id'])
          .doUpdateSet((eb) => ({ uses: eb('code_customer_uses.uses', '+', 1) }))
          .where((eb) =>
            eb.or([eb(eb.val(p.limit), 'is', null), eb('code_customer_uses.uses', '<', p.limit)]),
          ),
      )
      .returning('uses'),
)

const entryByKey = preparedQuery((db, p: { businessId: number; idempotencyKey: string }) =>
  db.qb
    .selectFrom('ledger_entries')
    .select(['id', 'order_ref', 'occurred_at', 'details_json'])
    .where('business_id', '=', p.businessId)
    .where('idempotency_key', '=', p.idempotencyKey),
)

const lastEntryHash = preparedQuery((db, p: { businessId: number }) =>
  db.qb
    .selectFrom('ledger_entries')
    .select('hash')
    .where('business_id', '=', p.businessId)
    .orderBy('id', 'desc')
    .limit(LIMIT_ONE),
)

/**
 * Takes one use of the code. The WHERE clauses make the database the judge: when the limit is
 * reached no row is updated, whatever any earlier read said.
 */
function takeUse(
  db: Workspace,
  business: Business,
  code: EngineCode,
  customerId: number | null,
): void {
  const codeId = code.id
  const bumped = db.sql.first(bumpCodeUses(db, { codeId }))
  if (!bumped) {
    throw refused(
      business,
      code.active ? { reason: 'exhausted', maxUses: code.maxUses ?? 0 } : { reason: 'inactive' },
    )
  }
  if (customerId === null) return
  const limit = bumped.max_uses_per_customer
  const counted = db.sql.first(bumpCustomerUses(db, { codeId, customerId, limit }))
  if (!counted)
    throw refused(business, { reason: 'customer_limit', maxUsesPerCustomer: limit ?? 0 })
}

function refused(business: Business, reason: Parameters<typeof describeRefusal>[0]): DomainError {
  const refusal = describeRefusal(reason, business)
  return new DomainError('refused', refusal.message, { field: 'code', details: { refusal } })
}

function findEntry(db: Workspace, businessId: number, idempotencyKey: string) {
  return db.sql.first(entryByKey(db, { businessId, idempotencyKey }))
}

function duplicateReceipt(
  db: Workspace,
  business: Business,
  entry: NonNullable<ReturnType<typeof findEntry>>,
  print: string,
): Receipt {
  const details = JSON.parse(entry.details_json) as StoredDetails
  if (details.fingerprint !== print) {
    throw new DomainError(
      'conflict',
      `Order ${entry.order_ref} was already recorded with different contents; use a new order reference.`,
      { field: 'orderRef' },
    )
  }
  const terms = new Map(
    details.result.promotions.map((outcome) => {
      const campaign = findCampaignTerms(db, business.id, outcome.campaignId)
      const code = outcome.code ? findEngineCode(db, business.id, outcome.code.toUpperCase()) : null
      return [
        outcome.campaignId,
        {
          ...campaign,
          maxUses: code?.code.maxUses,
          maxUsesPerCustomer: code?.code.maxUsesPerCustomer,
          exclusive: campaign.stacking.mode === 'exclusive',
        },
      ] as const
    }),
  )
  return {
    entryId: entry.id,
    orderRef: entry.order_ref,
    duplicate: true,
    occurredAt: entry.occurred_at,
    evaluation: explainSale(details.result, terms, business),
  }
}

export function headHash(db: Workspace, businessId: number): string {
  const row = db.sql.first(lastEntryHash(db, { businessId }))
  return row?.hash ?? GENESIS_HASH
}
