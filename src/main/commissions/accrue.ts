import type { Business } from '../../shared/contract/businesses'
import type { Workspace } from '../db/database'
import { preparedQuery } from '../db/prepared-query'
import { findCampaignRule, findProgram } from '../db/repos/programs.repo'
import { chooseWinner, type Attribution, type Engagement } from './choose-winner'
import { commissionOf, type SaleAmounts } from './commission-math'
import type { HashedCommission } from '../ledger/entry-hash'
import { bookingPeriod, periodKeyOf } from './periods'

/** A sale as attribution sees it. */
export interface SaleToAttribute {
  occurredAt: number
  customerId: number | null
  /** The codes used, in the order the sale lists them. */
  codes: { campaignId: number; promoterId: number | null }[]
  amounts: SaleAmounts
}

/** A commission row to append with its ledger entry (see appendEntry). */
export type CommissionDraft = HashedCommission

export interface AccrualPlan {
  /** Who won and why: stored in the sale's details, so its hash covers it. */
  attribution: Attribution
  commissions: CommissionDraft[]
  /** Engagement points the sale's coupons earn, written once the entry has its id. */
  couponEvents: { promoterId: number; points: number }[]
}

/** At most this many competing engagements are kept with a sale. */
const KEPT_ENGAGEMENTS = 10
const DAY_MS = 86_400_000

const engagementsAsOf = preparedQuery(
  (db, p: { businessId: number; customerId: number; at: number }) =>
    db.qb
      .selectFrom('engagement_events')
      .select((eb) => [
        'promoter_id',
        eb.fn.sum<number>('points').as('points'),
        eb.fn.min<number>('occurred_at').as('first_at'),
        eb.fn.max<number>('occurred_at').as('last_at'),
      ])
      .where('business_id', '=', p.businessId)
      .where('customer_id', '=', p.customerId)
      .where('occurred_at', '<=', p.at)
      .groupBy('promoter_id'),
)

const lastClosed = preparedQuery((db, p: { businessId: number }) =>
  db.qb
    .selectFrom('payout_periods')
    .select((eb) => eb.fn.max('period_key').as('key'))
    .where('business_id', '=', p.businessId),
)

const periodVolume = preparedQuery(
  (db, p: { businessId: number; promoterId: number; periodKey: string }) =>
    db.qb
      .selectFrom('commissions')
      .select((eb) => [
        eb.fn.countAll<number>().as('sales'),
        eb.fn.coalesce(eb.fn.sum<number>('base_minor'), eb.lit(0)).as('base'),
      ])
      .where('business_id', '=', p.businessId)
      .where('promoter_id', '=', p.promoterId)
      .where('period_key', '=', p.periodKey)
      .where('kind', '=', 'accrual'),
)

const insertEvent = preparedQuery(
  (
    db,
    p: {
      business_id: number
      promoter_id: number
      customer_id: number
      kind: 'coupon'
      points: number
      occurred_at: number
      entry_id: number
      created_at: number
    },
  ) => db.qb.insertInto('engagement_events').values(p),
)

/** The last closed payout period of a business, or null. */
export function lastClosedPeriod(db: Workspace, businessId: number): string | null {
  return db.sql.first(lastClosed(db, { businessId }))?.key ?? null
}

/**
 * Decides who earned a sale and what they earned, inside the sale's write transaction and
 * before its entry is appended (the entry's hash covers both). A code's promoter gains a
 * coupon engagement with the customer; the program's model then picks among the customer's
 * live engagements. Without a customer, the first code's promoter wins outright.
 */
export function planAccrual(db: Workspace, business: Business, sale: SaleToAttribute): AccrualPlan {
  const program = findProgram(db, business.id)
  const couponPromoters = [
    ...new Set(sale.codes.flatMap((code) => (code.promoterId === null ? [] : [code.promoterId]))),
  ]
  let attribution: Attribution
  let couponEvents: AccrualPlan['couponEvents'] = []
  if (sale.customerId === null) {
    const owner = couponPromoters[0] ?? null
    attribution = {
      model: program.attributionModel,
      promoterId: owner,
      reason: owner === null ? 'none' : 'code_owner',
      engagements: [],
    }
  } else {
    couponEvents = couponPromoters.map((promoterId) => ({
      promoterId,
      points: program.points.coupon,
    }))
    const engagements = withCouponEvents(
      db.sql.all(
        engagementsAsOf(db, {
          businessId: business.id,
          customerId: sale.customerId,
          at: sale.occurredAt,
        }),
      ),
      couponEvents,
      sale.occurredAt,
    )
    attribution = chooseWinner(
      program.attributionModel,
      program.engagementLifetimeDays,
      engagements,
      sale.occurredAt,
    )
    attribution.engagements = attribution.engagements.slice(0, KEPT_ENGAGEMENTS)
  }

  const promoterId = attribution.promoterId
  if (promoterId === null) return { attribution, commissions: [], couponEvents }
  // The winner's own code on this sale decides which campaign's rule applies.
  const campaignId = sale.codes.find((code) => code.promoterId === promoterId)?.campaignId ?? null
  const rule = (campaignId !== null ? findCampaignRule(db, campaignId) : null) ?? program.rule
  if (rule.kind === 'none') return { attribution, commissions: [], couponEvents }

  const originPeriodKey = periodKeyOf(sale.occurredAt, business.timeZone, program.periodLength)
  const periodKey = bookingPeriod(
    originPeriodKey,
    lastClosedPeriod(db, business.id),
    business.timeZone,
  )
  const volume =
    rule.kind === 'tiered'
      ? db.sql.first(periodVolume(db, { businessId: business.id, promoterId, periodKey }))
      : undefined
  const commission = commissionOf(
    rule,
    sale.amounts,
    { sales: volume?.sales ?? 0, baseMinor: volume?.base ?? 0 },
    business.currency,
  )
  return {
    attribution,
    couponEvents,
    commissions: [
      {
        promoterId,
        campaignId,
        kind: 'accrual',
        periodKey,
        originPeriodKey,
        baseMinor: commission.baseMinor,
        amountMinor: commission.amountMinor,
        payableAt: sale.occurredAt + program.holdingDays * DAY_MS,
        note: commission.note,
      },
    ],
  }
}

function withCouponEvents(
  rows: { promoter_id: number; points: number; first_at: number; last_at: number }[],
  events: AccrualPlan['couponEvents'],
  at: number,
): Engagement[] {
  const engagements = new Map<number, Engagement>(
    rows.map((row) => [
      row.promoter_id,
      {
        promoterId: row.promoter_id,
        points: Number(row.points),
        firstAt: row.first_at,
        lastAt: row.last_at,
      },
    ]),
  )
  for (const event of events) {
    const known = engagements.get(event.promoterId)
    engagements.set(event.promoterId, {
      promoterId: event.promoterId,
      points: (known?.points ?? 0) + event.points,
      firstAt: Math.min(known?.firstAt ?? at, at),
      lastAt: Math.max(known?.lastAt ?? at, at),
    })
  }
  return [...engagements.values()]
}

/** Writes the coupon engagements a sale earned, once its entry exists. */
export function recordCouponEvents(
  db: Workspace,
  business: Business,
  sale: SaleToAttribute,
  plan: AccrualPlan,
  entryId: number,
  now: number,
): void {
  if (sale.customerId === null) return
  for (const event of plan.couponEvents) {
    db.sql.run(
      insertEvent(db, {
        business_id: business.id,
        promoter_id: event.promoterId,
        customer_id: sale.customerId,
        kind: 'coupon',
        points: event.points,
        occurred_at: sale.occurredAt,
        entry_id: entryId,
        created_at: now,
      }),
    )
  }
}
