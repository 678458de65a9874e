import { createHash } from 'node:crypto'
import type { MethodArgs } from '../../shared/contract'
import type { Receipt } from '../../shared/contract/checkout'
import type { Business } from '../../shared/contract/businesses'
import { explainSale } from '../../shared/promotions/explain'
import type { SaleResult } from '../../shared/promotions/outcome'
import type { Workspace } from '../db/database'
import { findCampaignTerms } from '../db/repos/campaigns.repo'
import { findEngineCode } from '../db/repos/codes.repo'
import {
  findOrCreateCustomer,
  recordCustomerTags,
  recordFirstOrder,
} from '../db/repos/customers.repo'
import { DomainError } from '../api/domain-error'
import { evaluateSale } from '../engine/evaluate'
import { loadSale } from '../checkout/load-sale'
import { appendEntry, entryByIdempotencyKey } from './append-entry'
import {
  fromLegacyEvaluation,
  isLegacyDetails,
  legacyFingerprint,
  type LegacyDetails,
} from './legacy-details'
import { takeDayUse, takeUse } from './take-uses'
import { checkOverride, withRequiredCode } from '../checkout/sales-rules'
import { managerPinHash } from '../db/repos/businesses.repo'
import { planAccrual, recordCouponEvents, type SaleToAttribute } from '../commissions/accrue'
import type { Attribution } from '../commissions/choose-winner'
import { amountsOfTotals } from '../commissions/sale-amounts'
import { checkSale } from '../fraud/at-sale'
import { blockOf } from '../fraud/blocks'
import { describeRefusal } from '../../shared/refusals'

export type CommitArgs = MethodArgs<'checkout.commit'>

interface StoredDetails {
  fingerprint: string
  result: SaleResult
  /** Who earned the sale and why. */
  attribution?: Attribution
  /** A manager's PIN allowed the code on this manual order. */
  override?: { at: number }
}

/** What identifies "the same order" on a retry: everything the caller sent. */
function fingerprint(args: CommitArgs): string {
  const { code, customer, customerTags, cart, channel, location, context } = args
  // The context joined later: only when given, so earlier orders keep their fingerprint.
  const fields = [code?.toUpperCase(), customer, customerTags, cart, channel, location]
  return createHash('sha256')
    .update(JSON.stringify(context ? [...fields, context] : fields))
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
  const overridden = checkOverride(business, args, () => managerPinHash(db, business.id))
  return db.sql.transaction(() => {
    const existing = findEntry(db, business.id, idempotencyKey)
    if (existing) return duplicateReceipt(db, business, existing, args, print)

    const customerId = args.customer
      ? findOrCreateCustomer(db, business.id, args.customer, now)
      : null
    refuseBlocked(db, business, args, customerId)
    const loaded = loadSale(db, business, args, customerId, now)
    const result = evaluateSale(loaded.sale)
    const evaluation = withRequiredCode(
      explainSale(result, loaded.terms, business),
      business,
      args.channel,
    )
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
      if (promotion.maxUsesPerDay !== null)
        takeDayUse(db, business, promotion.campaignId, loaded.day, promotion.maxUsesPerDay)
    }
    if (customerId !== null) {
      if (args.customerTags) recordCustomerTags(db, customerId, args.customerTags)
      recordFirstOrder(db, customerId, now)
    }

    const { totals } = result
    const discountOf = (campaignId: number) => {
      const outcome = result.promotions.find((entry) => entry.campaignId === campaignId)
      return (outcome?.discountMinor ?? 0) + (outcome?.shippingDiscountMinor ?? 0)
    }
    const toAttribute: SaleToAttribute = {
      occurredAt: now,
      customerId,
      codes: applied.flatMap((promotion) =>
        promotion.code
          ? [{ campaignId: promotion.campaignId, promoterId: promotion.code.promoter?.id ?? null }]
          : [],
      ),
      amounts: amountsOfTotals(totals),
    }
    const accrual = planAccrual(db, business, toAttribute)
    const details: StoredDetails = {
      fingerprint: print,
      result,
      attribution: accrual.attribution,
      ...(overridden ? { override: { at: now } } : {}),
    }
    const entryId = appendEntry(db, {
      businessId: business.id,
      timeZone: business.timeZone,
      kind: 'sale',
      orderRef: args.orderRef,
      idempotencyKey,
      customerId,
      channel: args.channel,
      location: args.location ?? null,
      occurredAt: now,
      currency: business.currency,
      subtotalMinor: totals.subtotalMinor,
      discountMinor: totals.discountMinor + totals.shippingDiscountMinor,
      shippingMinor: totals.shippingMinor,
      totalMinor: totals.totalMinor,
      detailsJson: JSON.stringify(details),
      redemptions: applied.flatMap((promotion) =>
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
      ),
      promotionUses: applied
        .filter((promotion) => promotion.code === null)
        .map((promotion) => ({
          campaignId: promotion.campaignId,
          discountMinor: discountOf(promotion.campaignId),
        })),
      commissions: accrual.commissions,
    })
    recordCouponEvents(db, business, toAttribute, accrual, entryId, now)
    checkSale(
      db,
      business,
      {
        entryId,
        customerId,
        occurredAt: now,
        location: args.location ?? null,
        context: { ...args.context, phone: args.customer?.phone },
      },
      now,
    )
    return { entryId, orderRef: args.orderRef, duplicate: false, occurredAt: now, evaluation }
  })
}

/** A blocked email, phone, code, IP, device or customer refuses the sale before anything else. */
function refuseBlocked(
  db: Workspace,
  business: Business,
  args: CommitArgs,
  customerId: number | null,
): void {
  const block = blockOf(db, business.id, args, customerId)
  if (!block) return
  const refusal = describeRefusal({ reason: 'blocked', kind: block.kind }, business)
  throw new DomainError('refused', refusal.message, {
    field: block.field,
    details: { refusal },
  })
}

function findEntry(db: Workspace, businessId: number, idempotencyKey: string) {
  return entryByIdempotencyKey(db, businessId, idempotencyKey)
}

function duplicateReceipt(
  db: Workspace,
  business: Business,
  entry: NonNullable<ReturnType<typeof findEntry>>,
  args: CommitArgs,
  print: string,
): Receipt {
  const details = JSON.parse(entry.details_json) as StoredDetails | LegacyDetails
  const conflict = new DomainError(
    'conflict',
    `Order ${entry.order_ref} was already recorded with different contents; use a new order reference.`,
    { field: 'orderRef' },
  )
  const receipt = { entryId: entry.id, orderRef: entry.order_ref, duplicate: true as const }
  if (isLegacyDetails(details)) {
    if (details.fingerprint !== legacyFingerprint(args)) throw conflict
    return {
      ...receipt,
      occurredAt: entry.occurred_at,
      evaluation: fromLegacyEvaluation(details.evaluation),
    }
  }
  if (details.fingerprint !== print) throw conflict
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
    ...receipt,
    occurredAt: entry.occurred_at,
    evaluation: explainSale(details.result, terms, business),
  }
}
