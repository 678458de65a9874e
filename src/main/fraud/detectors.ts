import { sql } from 'kysely'
import type { Business } from '../../shared/contract/businesses'
import type { FraudSettings, FraudSignal } from '../../shared/fraud/settings'
import type { Workspace } from '../db/database'
import { emailKey, phoneKey } from '../engine/identity'
import type { Evidence, Hit } from './hits'

/**
 * The fraud signals as queries over the ledger. Each runs over the whole history (a scan) or,
 * given `entryId`, only over what one new sale could have set off (at redemption). Pure reads.
 */
export interface Scope {
  /** The new sale; undefined = the whole history. */
  entryId?: number
  now: number
}

/*
 * A sale's code row takes a use (uses = 1); the rows of its refunds and voids give one back or
 * none (-1, 0). So "r.uses > 0" keeps the sales' rows without reading each row's ledger entry,
 * which on a large history costs more than the rest of a detector.
 */

export const MINUTE = 60_000
const DAY = 86_400_000
/** Entries kept as evidence on one hit: enough to review, bounded for a huge history. */
const MAX_ENTRIES = 200
/**
 * At a sale, a hit carries at most this many entries (the newest first where the query orders
 * them): a busy code or a shop's shared IP would otherwise re-add hundreds on every sale.
 */
const MAX_ENTRIES_AT_SALE = 20

function limited<T>(rows: T[]): T[] {
  return rows.slice(0, MAX_ENTRIES)
}

/** The promoter's own email or phone on an order made with their code. */
export function selfReferral(db: Workspace, business: Business, scope: Scope): Hit[] {
  const rows = db.sql.all(
    db.qb
      .selectFrom('redemptions as r')
      .innerJoin('customers as cu', 'cu.id', 'r.customer_id')
      .leftJoin('order_signals as s', 's.entry_id', 'r.entry_id')
      .select([
        'r.entry_id',
        'r.promoter_id',
        'cu.email',
        'cu.email_key',
        'cu.phone',
        'cu.phone_key',
        's.phone_key as order_phone_key',
      ])
      .where('r.uses', '>', 0)
      // At a sale its entry decides, through its index (a promoter_id filter would tempt
      // SQLite, which keeps no statistics, to walk the promoter index instead); in a scan,
      // the business's rows with a promoter.
      .$if(scope.entryId !== undefined, (q) => q.where('r.entry_id', '=', scope.entryId ?? 0))
      .$if(scope.entryId === undefined, (q) =>
        q.where('r.business_id', '=', business.id).where('r.promoter_id', 'is not', null),
      ),
  )
  if (rows.length === 0) return []
  const wanted = [
    ...new Set(rows.flatMap((row) => (row.promoter_id === null ? [] : [row.promoter_id]))),
  ]
  const promoters = db.sql.all(
    db.qb
      .selectFrom('promoters')
      .select(['id', 'name', 'email', 'phone'])
      .where('business_id', '=', business.id)
      .$if(scope.entryId !== undefined, (q) => q.where('id', 'in', wanted)),
  )
  const keys = new Map(promoters.map((p) => [p.id, { name: p.name, ...promoterKeys(p) }]))
  const byPromoter = new Map<number, Hit>()
  for (const row of rows) {
    const promoter = row.promoter_id === null ? undefined : keys.get(row.promoter_id)
    if (!promoter || row.promoter_id === null) continue
    const evidence = selfReferralEvidence(promoter, row)
    if (evidence.length === 0) continue
    const hit = byPromoter.get(row.promoter_id) ?? {
      signal: 'self_referral' as const,
      subject: `promoter:${row.promoter_id}`,
      summary: `${promoter.name}’s own ${evidence.map((e) => e.field).join(' and ')} on orders made with their code`,
      promoterId: row.promoter_id,
      entries: [],
    }
    if (hit.entries.length < MAX_ENTRIES) hit.entries.push({ entryId: row.entry_id, evidence })
    byPromoter.set(row.promoter_id, hit)
  }
  return [...byPromoter.values()]
}

/** A promoter's email and phone as customers' are matched: by their normalized keys. */
export function promoterKeys(promoter: { email: string | null; phone: string | null }) {
  return {
    email: promoter.email ? emailKey(promoter.email) : null,
    phone: promoter.phone ? phoneKey(promoter.phone) : null,
  }
}

/** The promoter's own email or phone on an order: the customer's, or the phone the order gave. */
export function selfReferralEvidence(
  promoter: ReturnType<typeof promoterKeys>,
  order: {
    email: string | null
    email_key: string | null
    phone_key: string | null
    order_phone_key: string | null
  },
): Evidence[] {
  const evidence: Evidence[] = []
  if (promoter.email && order.email_key === promoter.email)
    evidence.push({ field: 'email', value: order.email ?? order.email_key })
  if (
    promoter.phone &&
    (order.phone_key === promoter.phone || order.order_phone_key === promoter.phone)
  )
    evidence.push({ field: 'phone', value: promoter.phone })
  return evidence
}

/** The order-signal columns that can tie one order to another customer's. */
export type SignalColumn = 'ip_key' | 'device_key' | 'address_key' | 'phone_key'
export const SIGNAL_COLUMNS = ['ip_key', 'device_key', 'address_key', 'phone_key'] as const
const SIGNAL_FIELDS: Record<SignalColumn, string> = {
  ip_key: 'ip',
  device_key: 'device',
  address_key: 'address',
  phone_key: 'phone',
}

/** The same phone, IP, device or delivery address behind several customer records. */
export function sharedIdentity(db: Workspace, business: Business, scope: Scope): Hit[] {
  const hits: Hit[] = []
  const mine =
    scope.entryId === undefined
      ? undefined
      : db.sql.first(
          db.qb
            .selectFrom('order_signals as s')
            .leftJoin('customers as cu', 'cu.id', 's.customer_id')
            .select([
              's.customer_id',
              's.ip_key',
              's.device_key',
              's.address_key',
              's.phone_key',
              'cu.phone_key as customer_phone_key',
            ])
            .where('s.entry_id', '=', scope.entryId),
        )
  if (scope.entryId !== undefined && !mine?.customer_id) return []
  for (const column of SIGNAL_COLUMNS) {
    if (mine && !mine[column]) continue
    const groups = db.sql.all(
      db.qb
        .selectFrom('order_signals')
        .select([
          sql<string>`${sql.ref(column)}`.as('value'),
          sql<number>`count(distinct customer_id)`.as('customers'),
        ])
        .where('business_id', '=', business.id)
        .where(column, 'is not', null)
        .where('customer_id', 'is not', null)
        .$if(mine !== undefined, (q) => q.where(column, '=', mine?.[column] ?? ''))
        .groupBy(column)
        .having(sql`count(distinct customer_id)`, '>', 1),
    )
    for (const group of groups) {
      const entries = db.sql.all(
        db.qb
          .selectFrom('order_signals')
          .select('entry_id')
          .where('business_id', '=', business.id)
          .where(column, '=', group.value)
          .where('customer_id', 'is not', null)
          .orderBy('entry_id', 'desc')
          .limit(MAX_ENTRIES),
      )
      const field = SIGNAL_FIELDS[column]
      hits.push({
        signal: 'shared_identity',
        subject: `${field}:${group.value}`,
        summary: `${Number(group.customers)} customers share the ${field} ${group.value}`,
        promoterId: null,
        entries: entries.map((row) => ({
          entryId: row.entry_id,
          evidence: [{ field, value: group.value }],
        })),
      })
    }
  }
  // The same phone on several customer records (each matched by a different email).
  if (!mine || mine.customer_phone_key) {
    const phones = db.sql.all(
      db.qb
        .selectFrom('customers')
        .select(['phone_key', sql<number>`count(*)`.as('customers')])
        .where('business_id', '=', business.id)
        .where('phone_key', 'is not', null)
        .$if(mine !== undefined, (q) => q.where('phone_key', '=', mine?.customer_phone_key ?? ''))
        .groupBy('phone_key')
        .having(sql`count(*)`, '>', 1),
    )
    for (const group of phones) {
      if (!group.phone_key) continue
      const entries = db.sql.all(
        db.qb
          .selectFrom('ledger_entries as e')
          .innerJoin('customers as cu', 'cu.id', 'e.customer_id')
          .select('e.id')
          .where('e.business_id', '=', business.id)
          .where('e.kind', '=', 'sale')
          .where('cu.phone_key', '=', group.phone_key)
          .orderBy('e.id', 'desc')
          .limit(MAX_ENTRIES),
      )
      hits.push({
        signal: 'shared_identity',
        subject: `phone:${group.phone_key}`,
        summary: `${Number(group.customers)} customers share the phone ${group.phone_key}`,
        promoterId: null,
        entries: entries.map((row) => ({
          entryId: row.id,
          evidence: [{ field: 'phone', value: group.phone_key ?? '' }],
        })),
      })
    }
  }
  return hits.filter((hit) => hit.entries.length > 0)
}

/**
 * More than the allowed redemptions of one code, by one customer or from one IP within the
 * window. A window function counts, for each sale, the sales of its group in the window before.
 */
export function velocity(
  db: Workspace,
  business: Business,
  settings: FraudSettings['velocity'],
  scope: Scope,
): Hit[] {
  const window = settings.windowMinutes * MINUTE
  const groups: {
    name: string
    table: 'redemptions' | 'order_signals'
    column: string
    label: (value: string) => string
  }[] = [
    { name: 'code', table: 'redemptions', column: 'code_id', label: (v) => `code #${v}` },
    {
      name: 'customer',
      table: 'order_signals',
      column: 'customer_id',
      label: (v) => `customer #${v}`,
    },
    { name: 'ip', table: 'order_signals', column: 'ip_key', label: (v) => `IP ${v}` },
  ]
  const hits: Hit[] = []
  for (const group of groups) {
    // At a sale, only the groups that sale belongs to, over the window before it.
    const since = scope.entryId === undefined ? 0 : scope.now - window
    const values =
      scope.entryId === undefined
        ? null
        : db.sql
            .all(
              sql<{
                value: string | number | null
              }>`select ${sql.ref(group.column)} as value from ${sql.table(group.table)} where entry_id = ${scope.entryId}`.compile(
                db.qb,
              ),
            )
            .map((row) => row.value)
            .filter((value) => value !== null)
    if (values && values.length === 0) continue
    const column = sql.ref(`t.${group.column}`)
    // Only sales: their code rows (uses > 0, see above); order signals exist for sales only.
    const rows = db.sql.all(
      sql<{ value: string | number; entry_id: number; n: number }>`
        select value, entry_id, n from (
          select ${column} as value, t.entry_id,
            count(*) over (partition by ${column} order by t.occurred_at
              range between ${sql.lit(window)} preceding and current row) as n
          from ${sql.table(group.table)} t
          where t.business_id = ${business.id} and ${column} is not null
            ${group.table === 'redemptions' ? sql`and t.uses > 0` : sql``}
            ${values ? sql`and t.occurred_at >= ${since} and ${column} in (${sql.join(values)})` : sql``}
        ) where n > ${settings.maxRedemptions}`.compile(db.qb),
    )
    const byValue = new Map<string, Hit>()
    for (const row of rows) {
      const value = String(row.value)
      const hit = byValue.get(value) ?? {
        signal: 'velocity' as const,
        subject: `${group.name}:${value}`,
        summary: `More than ${settings.maxRedemptions} redemptions within ${settings.windowMinutes} minutes by ${group.label(value)}`,
        promoterId: null,
        entries: [],
      }
      if (hit.entries.length < MAX_ENTRIES)
        hit.entries.push({
          entryId: row.entry_id,
          evidence: [{ field: group.name, value: `${row.n} in ${settings.windowMinutes} min` }],
        })
      byValue.set(value, hit)
    }
    hits.push(...byValue.values())
  }
  return hits
}

/**
 * A "new customers only" promotion used by someone who matches an earlier customer: the same
 * phone, IP, device or address seen on another customer's earlier order.
 */
export function newCustomerAbuse(db: Workspace, business: Business, scope: Scope): Hit[] {
  const candidates = db.sql.all(
    db.qb
      .selectFrom('redemptions as r')
      .innerJoin('campaigns as ca', 'ca.id', 'r.campaign_id')
      .leftJoin('order_signals as s', 's.entry_id', 'r.entry_id')
      .leftJoin('customers as cu', 'cu.id', 'r.customer_id')
      .select([
        'r.entry_id',
        'r.code_id',
        'r.customer_id',
        'r.occurred_at',
        's.ip_key',
        's.device_key',
        's.address_key',
        's.phone_key',
        'cu.phone_key as customer_phone_key',
      ])
      .where('r.uses', '>', 0)
      .where('ca.conditions_json', 'like', '%"new_customer"%')
      .$if(scope.entryId !== undefined, (q) => q.where('r.entry_id', '=', scope.entryId ?? 0))
      .$if(scope.entryId === undefined, (q) => q.where('r.business_id', '=', business.id)),
  )
  const hits = new Map<number, Hit>()
  for (const sale of candidates) {
    const evidence: { field: string; value: string }[] = []
    for (const column of SIGNAL_COLUMNS) {
      const value = sale[column]
      if (!value) continue
      const earlier = db.sql.first(
        db.qb
          .selectFrom('order_signals')
          .select('entry_id')
          .where('business_id', '=', business.id)
          .where(column, '=', value)
          .where('occurred_at', '<', sale.occurred_at)
          .where((eb) =>
            eb.or([eb('customer_id', 'is', null), eb('customer_id', '!=', sale.customer_id ?? 0)]),
          )
          .limit(1),
      )
      if (earlier) evidence.push({ field: SIGNAL_FIELDS[column], value })
    }
    // The customer's own phone on another, earlier customer's record.
    const phone = sale.customer_phone_key
    if (phone && !evidence.some((item) => item.field === 'phone')) {
      const earlier = db.sql.first(
        db.qb
          .selectFrom('customers')
          .select('id')
          .where('business_id', '=', business.id)
          .where('phone_key', '=', phone)
          .where('id', '!=', sale.customer_id ?? 0)
          .where('first_order_at', '<', sale.occurred_at)
          .limit(1),
      )
      if (earlier) evidence.push({ field: 'phone', value: phone })
    }
    if (evidence.length === 0) continue
    const hit = hits.get(sale.code_id) ?? {
      signal: 'new_customer_abuse' as const,
      subject: `code:${sale.code_id}`,
      summary: 'A new-customers-only code used by customers who match earlier ones',
      promoterId: null,
      entries: [],
    }
    if (hit.entries.length < MAX_ENTRIES) hit.entries.push({ entryId: sale.entry_id, evidence })
    hits.set(sale.code_id, hit)
  }
  return [...hits.values()]
}

/**
 * Promoters whose share of refunded sales over the last days passes the threshold. Refunds and
 * voids count; a clawback (a confirmed fraud case taking the commission back) is no refund.
 */
export function refundHeavy(
  db: Workspace,
  business: Business,
  settings: FraudSettings['refundHeavy'],
  scope: Scope & { promoterId?: number },
): Hit[] {
  const since = scope.now - settings.periodDays * DAY
  const rows = db.sql.all(
    db.qb
      .selectFrom('commissions as c')
      .innerJoin('ledger_entries as e', 'e.id', 'c.entry_id')
      .select([
        'c.promoter_id',
        sql<number>`sum(case when c.kind = 'accrual' then 1 else 0 end)`.as('sales'),
        sql<number>`count(distinct case when e.kind in ('refund', 'void') then c.sale_entry_id end)`.as(
          'refunded',
        ),
      ])
      .where('c.business_id', '=', business.id)
      .where('c.occurred_at', '>=', since)
      .$if(scope.promoterId !== undefined, (q) =>
        q.where('c.promoter_id', '=', scope.promoterId ?? 0),
      )
      .groupBy('c.promoter_id'),
  )
  const hits: Hit[] = []
  for (const row of rows) {
    const sales = Number(row.sales)
    const refunded = Number(row.refunded)
    if (sales < settings.minSales || refunded * 10_000 <= settings.maxRefundRateBp * sales) continue
    const entries = db.sql.all(
      db.qb
        .selectFrom('commissions as c')
        .innerJoin('ledger_entries as e', 'e.id', 'c.entry_id')
        .select('c.sale_entry_id')
        .distinct()
        .where('c.business_id', '=', business.id)
        .where('c.promoter_id', '=', row.promoter_id)
        .where('c.kind', '=', 'reversal')
        .where('e.kind', 'in', ['refund', 'void'])
        .where('c.occurred_at', '>=', since)
        .limit(MAX_ENTRIES),
    )
    const rate = `${Math.round((refunded * 100) / sales)}%`
    hits.push({
      signal: 'refund_heavy',
      subject: `promoter:${row.promoter_id}`,
      summary: `${refunded} of ${sales} sales refunded in ${settings.periodDays} days (${rate})`,
      promoterId: row.promoter_id,
      entries: limited(entries).map((entry) => ({
        entryId: entry.sale_entry_id,
        evidence: [{ field: 'refund rate', value: rate }],
      })),
    })
  }
  return hits
}

/**
 * Sales with a personalized code by someone other than its customer. At a sale, from the sale's
 * code rows; in a scan, from the business's personal codes (few) to their uses by the code
 * index: a CROSS JOIN keeps SQLite from reading every redemption of the business instead.
 */
function personalCodeUses(db: Workspace, business: Business, scope: Scope) {
  const base =
    scope.entryId === undefined
      ? db.qb
          .selectFrom('codes as c')
          .crossJoin('redemptions as r')
          .whereRef('r.code_id', '=', 'c.id')
          .where('c.business_id', '=', business.id)
      : db.qb
          .selectFrom('redemptions as r')
          .innerJoin('codes as c', 'c.id', 'r.code_id')
          .where('r.entry_id', '=', scope.entryId)
  return base
    .select(['r.entry_id', 'c.id as code_id', 'c.code', 'c.promoter_id'])
    .where('r.business_id', '=', business.id)
    .where('r.uses', '>', 0)
    .where('c.customer_id', 'is not', null)
    .where((eb) =>
      eb.or([eb('r.customer_id', 'is', null), eb('r.customer_id', '!=', eb.ref('c.customer_id'))]),
    )
}

/** Codes of campaigns handed out in the shop, used on an online or imported order. */
function inStoreCodesOnline(
  db: Workspace,
  business: Business,
  campaignIds: readonly number[],
  scope: Scope,
): Hit[] {
  if (campaignIds.length === 0) return []
  const rows = db.sql.all(
    db.qb
      .selectFrom('redemptions as r')
      .innerJoin('codes as c', 'c.id', 'r.code_id')
      .select(['r.entry_id', 'r.code_id', 'r.channel', 'c.code', 'c.promoter_id'])
      .where('r.uses', '>', 0)
      .where('r.channel', 'in', ['online', 'import'])
      .where('r.campaign_id', 'in', [...campaignIds])
      .$if(scope.entryId !== undefined, (q) => q.where('r.entry_id', '=', scope.entryId ?? 0))
      .$if(scope.entryId === undefined, (q) => q.where('r.business_id', '=', business.id)),
  )
  const byCode = new Map<number, Hit>()
  for (const row of rows) {
    const hit = byCode.get(row.code_id) ?? {
      signal: 'misuse' as const,
      subject: `online:code:${row.code_id}`,
      summary: `In-store code ${row.code} used online`,
      promoterId: row.promoter_id,
      entries: [],
    }
    if (hit.entries.length < MAX_ENTRIES)
      hit.entries.push({
        entryId: row.entry_id,
        evidence: [{ field: 'channel', value: row.channel }],
      })
    byCode.set(row.code_id, hit)
  }
  return [...byCode.values()]
}

/**
 * A personalized code used by someone else, an in-store code used online, or a sale outside
 * the business's regions.
 */
export function misuse(
  db: Workspace,
  business: Business,
  settings: FraudSettings['misuse'],
  scope: Scope,
): Hit[] {
  const hits: Hit[] = []
  const personal = db.sql.all(personalCodeUses(db, business, scope))
  const byCode = new Map<number, Hit>()
  for (const row of personal) {
    const hit = byCode.get(row.code_id) ?? {
      signal: 'misuse' as const,
      subject: `code:${row.code_id}`,
      summary: `Personal code ${row.code} used by someone other than its customer`,
      promoterId: row.promoter_id,
      entries: [],
    }
    if (hit.entries.length < MAX_ENTRIES)
      hit.entries.push({ entryId: row.entry_id, evidence: [{ field: 'code', value: row.code }] })
    byCode.set(row.code_id, hit)
  }
  hits.push(...byCode.values())
  hits.push(...inStoreCodesOnline(db, business, settings.inStoreCampaignIds, scope))
  if (settings.regions.length > 0) {
    const regions = settings.regions.map((region) => region.toLowerCase())
    const outside = db.sql.all(
      db.qb
        .selectFrom('ledger_entries')
        .select(['id', 'location'])
        .where('business_id', '=', business.id)
        .where('kind', '=', 'sale')
        .where('location', 'is not', null)
        .where(sql<boolean>`lower(location) not in (${sql.join(regions)})`)
        .$if(scope.entryId !== undefined, (q) => q.where('id', '=', scope.entryId ?? 0)),
    )
    const byLocation = new Map<string, Hit>()
    for (const row of outside) {
      const location = row.location ?? ''
      const hit = byLocation.get(location.toLowerCase()) ?? {
        signal: 'misuse' as const,
        subject: `location:${location.toLowerCase()}`,
        summary: `Sales in ${location}, outside the business’s regions`,
        promoterId: null,
        entries: [],
      }
      if (hit.entries.length < MAX_ENTRIES)
        hit.entries.push({ entryId: row.id, evidence: [{ field: 'location', value: location }] })
      byLocation.set(location.toLowerCase(), hit)
    }
    hits.push(...byLocation.values())
  }
  return hits
}

/**
 * Every enabled signal over the scope; with `only`, just those of them (a sale's screen has
 * ruled the others out).
 */
export function detect(
  db: Workspace,
  business: Business,
  settings: FraudSettings,
  scope: Scope,
  only?: ReadonlySet<FraudSignal>,
): Hit[] {
  const wanted = (signal: FraudSignal) => only === undefined || only.has(signal)
  const hits = everySignal(db, business, settings, scope, wanted)
  if (scope.entryId === undefined) return hits
  return hits.map((hit) => ({ ...hit, entries: atSale(hit.entries, scope.entryId ?? 0) }))
}

/** The sale's own entry first, then the others up to the at-sale cap. */
function atSale(entries: Hit['entries'], entryId: number): Hit['entries'] {
  const own = entries.filter((entry) => entry.entryId === entryId)
  const others = entries
    .filter((entry) => entry.entryId !== entryId)
    .sort((a, b) => b.entryId - a.entryId)
  return [...own, ...others].slice(0, MAX_ENTRIES_AT_SALE)
}

function everySignal(
  db: Workspace,
  business: Business,
  settings: FraudSettings,
  scope: Scope,
  wanted: (signal: FraudSignal) => boolean,
): Hit[] {
  const on = (signal: FraudSignal, enabled: boolean) => enabled && wanted(signal)
  return [
    ...(on('shared_identity', settings.sharedIdentity.enabled)
      ? sharedIdentity(db, business, scope)
      : []),
    ...(on('velocity', settings.velocity.enabled)
      ? velocity(db, business, settings.velocity, scope)
      : []),
    ...(on('self_referral', settings.selfReferral.enabled)
      ? selfReferral(db, business, scope)
      : []),
    ...(on('new_customer_abuse', settings.newCustomerAbuse.enabled)
      ? newCustomerAbuse(db, business, scope)
      : []),
    ...(on('refund_heavy', settings.refundHeavy.enabled) && scope.entryId === undefined
      ? refundHeavy(db, business, settings.refundHeavy, scope)
      : []),
    ...(on('misuse', settings.misuse.enabled) ? misuse(db, business, settings.misuse, scope) : []),
  ]
}
