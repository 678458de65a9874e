import { sql, type CompiledQuery } from 'kysely'
import type { Business } from '../../shared/contract/businesses'
import type { FraudSettings, FraudSignal } from '../../shared/fraud/settings'
import type { Workspace } from '../db/database'
import { LIMIT_ONE, preparedQuery } from '../db/prepared-query'
import {
  MINUTE,
  promoterKeys,
  selfReferralEvidence,
  SIGNAL_COLUMNS,
  type SignalColumn,
} from './detectors'

/** What the new sale's order said about who placed it, as stored in its order signals. */
export interface SaleSignals {
  entryId: number
  customerId: number | null
  occurredAt: number
  location: string | null
  ip_key: string | null
  device_key: string | null
  address_key: string | null
  phone_key: string | null
}

/*
 * Running every detector at every sale costs several times the sale itself, and almost every
 * sale sets off nothing. The screen below asks a few indexed questions first and lets through
 * only the detectors that could fire. Each question is a necessary condition of its detector
 * (it never rules out a hit the detector would find), so the detectors still decide, with the
 * same evidence, whenever a hit is possible.
 */

const saleCodes = preparedQuery((db, p: { entryId: number }) =>
  db.qb
    .selectFrom('redemptions as r')
    .innerJoin('codes as c', 'c.id', 'r.code_id')
    .innerJoin('campaigns as ca', 'ca.id', 'r.campaign_id')
    .leftJoin('promoters as p', 'p.id', 'r.promoter_id')
    .select([
      'r.code_id',
      'r.campaign_id',
      'r.channel',
      'r.customer_id',
      'c.customer_id as personal_customer_id',
      sql<number>`ca.conditions_json like '%"new_customer"%'`.as('new_customers_only'),
      'p.email as promoter_email',
      'p.phone as promoter_phone',
    ])
    .where('r.entry_id', '=', p.entryId)
    .where('r.uses', '>', 0),
)

const customerKeys = preparedQuery((db, p: { customerId: number }) =>
  db.qb
    .selectFrom('customers')
    .select(['email', 'email_key', 'phone_key'])
    .where('id', '=', p.customerId),
)

const codeUsesSince = preparedQuery((db, p: { codeId: number; since: number }) =>
  db.qb
    .selectFrom('redemptions')
    .select(sql<number>`count(*)`.as('n'))
    .where('code_id', '=', p.codeId)
    .where('occurred_at', '>=', p.since),
)

const customerOrdersSince = preparedQuery((db, p: { customerId: number; since: number }) =>
  db.qb
    .selectFrom('order_signals')
    .select(sql<number>`count(*)`.as('n'))
    .where('customer_id', '=', p.customerId)
    .where('occurred_at', '>=', p.since),
)

const ipOrdersSince = preparedQuery((db, p: { businessId: number; ip: string; since: number }) =>
  db.qb
    .selectFrom('order_signals')
    .select(sql<number>`count(*)`.as('n'))
    .where('business_id', '=', p.businessId)
    .where('ip_key', '=', p.ip)
    .where('occurred_at', '>=', p.since),
)

type Probe = { businessId: number; value: string; customerId: number }

/** One query per column: a column name cannot be a parameter. */
const otherCustomerWith = Object.fromEntries(
  SIGNAL_COLUMNS.map((column) => [
    column,
    preparedQuery((db, p: Probe) =>
      db.qb
        .selectFrom('order_signals')
        .select('entry_id')
        .where('business_id', '=', p.businessId)
        .where(column, '=', p.value)
        .where('customer_id', 'is not', null)
        .where('customer_id', '!=', p.customerId)
        .limit(LIMIT_ONE),
    ),
  ]),
) as Record<SignalColumn, (db: Workspace, p: Probe) => CompiledQuery<{ entry_id: number }>>

const otherCustomerWithPhone = preparedQuery(
  (db, p: { businessId: number; phoneKey: string; customerId: number }) =>
    db.qb
      .selectFrom('customers')
      .select('id')
      .where('business_id', '=', p.businessId)
      .where('phone_key', '=', p.phoneKey)
      .where('id', '!=', p.customerId)
      .limit(LIMIT_ONE),
)

/** The enabled signals this sale could set off; the detectors run for these only. */
export function signalsToCheck(
  db: Workspace,
  business: Business,
  settings: FraudSettings,
  sale: SaleSignals,
): Set<FraudSignal> {
  const codes = db.sql.all(saleCodes(db, { entryId: sale.entryId }))
  const customer =
    sale.customerId === null
      ? undefined
      : db.sql.first(customerKeys(db, { customerId: sale.customerId }))
  const possible = new Set<FraudSignal>()
  if (settings.sharedIdentity.enabled && sharesIdentity(db, business, sale, customer))
    possible.add('shared_identity')
  if (settings.velocity.enabled && tooFast(db, business, settings.velocity, sale, codes))
    possible.add('velocity')
  if (settings.selfReferral.enabled && customer && isSelfReferral(codes, customer, sale))
    possible.add('self_referral')
  if (settings.newCustomerAbuse.enabled && codes.some((code) => code.new_customers_only))
    possible.add('new_customer_abuse')
  if (settings.misuse.enabled && isMisused(settings.misuse, codes, sale)) possible.add('misuse')
  return possible
}

type SaleCode = RowOf<typeof saleCodes>
type CustomerKeys = RowOf<typeof customerKeys>
type RowOf<Q> = Q extends (...args: never[]) => CompiledQuery<infer R> ? R : never

function sharesIdentity(
  db: Workspace,
  business: Business,
  sale: SaleSignals,
  customer: CustomerKeys | undefined,
): boolean {
  if (sale.customerId === null) return false
  const customerId = sale.customerId
  for (const column of SIGNAL_COLUMNS) {
    const value = sale[column]
    if (!value) continue
    const query = otherCustomerWith[column](db, { businessId: business.id, value, customerId })
    if (db.sql.first(query)) return true
  }
  const phoneKey = customer?.phone_key
  return (
    !!phoneKey &&
    db.sql.first(otherCustomerWithPhone(db, { businessId: business.id, phoneKey, customerId })) !==
      undefined
  )
}

/** More sales in the window than allowed, counted generously (refund rows included). */
function tooFast(
  db: Workspace,
  business: Business,
  velocity: FraudSettings['velocity'],
  sale: SaleSignals,
  codes: SaleCode[],
): boolean {
  const since = sale.occurredAt - velocity.windowMinutes * MINUTE
  const over = (row: { n: number } | undefined) => Number(row?.n ?? 0) > velocity.maxRedemptions
  if (codes.some((code) => over(db.sql.first(codeUsesSince(db, { codeId: code.code_id, since })))))
    return true
  if (
    sale.customerId !== null &&
    over(db.sql.first(customerOrdersSince(db, { customerId: sale.customerId, since })))
  )
    return true
  return (
    sale.ip_key !== null &&
    over(db.sql.first(ipOrdersSince(db, { businessId: business.id, ip: sale.ip_key, since })))
  )
}

/** The promoter's own email or phone on the order, as the self-referral detector compares them. */
function isSelfReferral(codes: SaleCode[], customer: CustomerKeys, sale: SaleSignals): boolean {
  const order = { ...customer, order_phone_key: sale.phone_key }
  return codes.some(
    (code) =>
      selfReferralEvidence(
        promoterKeys({ email: code.promoter_email, phone: code.promoter_phone }),
        order,
      ).length > 0,
  )
}

/**
 * A personal code used by someone else, or an in-store campaign's code online. Any located
 * sale goes on to the regions check when regions are set: SQLite's lower() and JavaScript's
 * differ beyond ASCII, so the detector's own comparison decides.
 */
function isMisused(misuse: FraudSettings['misuse'], codes: SaleCode[], sale: SaleSignals): boolean {
  if (misuse.regions.length > 0 && sale.location !== null) return true
  return codes.some(
    (code) =>
      (code.personal_customer_id !== null && code.customer_id !== code.personal_customer_id) ||
      (misuse.inStoreCampaignIds.includes(code.campaign_id) &&
        (code.channel === 'online' || code.channel === 'import')),
  )
}
