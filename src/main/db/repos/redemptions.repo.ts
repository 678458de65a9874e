import type { Business } from '../../../shared/contract/businesses'
import type { Channel } from '../../../shared/contract/checkout'
import type {
  RedemptionFilter,
  RedemptionRow,
  RedemptionTotals,
} from '../../../shared/contract/redemptions'
import { endOfLocalDay, startOfLocalDay } from '../../time/local-dates'
import type { Workspace } from '../database'

/** Redemptions of one business matching the filter; days are read in the business's zone. */
export function filteredRedemptions(
  db: Workspace,
  business: Business,
  filter: Omit<RedemptionFilter, 'businessId'>,
) {
  let query = db.qb.selectFrom('redemptions as r').where('r.business_id', '=', business.id)
  if (filter.code) {
    const key = filter.code.toUpperCase()
    query = query.where('r.code_id', 'in', (eb) =>
      eb
        .selectFrom('codes')
        .select('id')
        .where('code_key', '=', key)
        .where('business_id', '=', business.id),
    )
  }
  if (filter.promoterId !== undefined) query = query.where('r.promoter_id', '=', filter.promoterId)
  if (filter.from)
    query = query.where('r.occurred_at', '>=', startOfLocalDay(filter.from, business.timeZone))
  if (filter.to)
    query = query.where('r.occurred_at', '<', endOfLocalDay(filter.to, business.timeZone))
  return query
}

type Filtered = ReturnType<typeof filteredRedemptions>

/** The display columns, newest first. */
export function redemptionRows(query: Filtered) {
  return query
    .innerJoin('ledger_entries as e', 'e.id', 'r.entry_id')
    .innerJoin('codes as c', 'c.id', 'r.code_id')
    .innerJoin('campaigns as cam', 'cam.id', 'r.campaign_id')
    .leftJoin('promoters as p', 'p.id', 'r.promoter_id')
    .leftJoin('customers as cu', 'cu.id', 'r.customer_id')
    .select([
      'r.id',
      'r.entry_id',
      'e.kind',
      'e.order_ref',
      'c.code',
      'cam.name as campaign_name',
      'p.name as promoter_name',
      'cu.email as customer_email',
      'cu.external_id as customer_external_id',
      'cu.phone as customer_phone',
      'r.channel',
      'r.location',
      'r.occurred_at',
      'r.subtotal_minor',
      'r.discount_minor',
      'r.total_minor',
    ])
    .orderBy('r.occurred_at', 'desc')
    .orderBy('r.id', 'desc')
}

export function toRedemptionRow(
  row: Awaited<ReturnType<ReturnType<typeof redemptionRows>['executeTakeFirstOrThrow']>>,
): RedemptionRow {
  return {
    id: row.id,
    entryId: row.entry_id,
    // A clawback writes no code rows: only sales and their refunds and voids come here.
    kind: row.kind as RedemptionRow['kind'],
    orderRef: row.order_ref,
    code: row.code,
    campaignName: row.campaign_name,
    promoterName: row.promoter_name,
    customerLabel: row.customer_email ?? row.customer_external_id ?? row.customer_phone ?? null,
    channel: row.channel as Channel,
    location: row.location,
    occurredAt: row.occurred_at,
    subtotalMinor: row.subtotal_minor,
    discountMinor: row.discount_minor,
    totalMinor: row.total_minor,
  }
}

/**
 * Uses and discount over the filter, net of refunds and voids; revenue counts each entry once
 * even with several codes.
 */
export function redemptionTotals(db: Workspace, query: Filtered): RedemptionTotals {
  const sums = db.sql.first(
    query.select((eb) => [
      // A reversal row counts −1 when it gave the use back, 0 when it did not.
      eb.fn.coalesce(eb.fn.sum<number>('r.uses'), eb.lit(0)).as('uses'),
      eb.fn.coalesce(eb.fn.sum<number>('r.discount_minor'), eb.lit(0)).as('discount'),
    ]),
  )
  const revenue = db.sql.first(
    db.qb
      .selectFrom('ledger_entries')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('total_minor'), eb.lit(0)).as('revenue'))
      .where('id', 'in', query.select('r.entry_id')),
  )
  return {
    uses: Number(sums?.uses ?? 0),
    discountMinor: Number(sums?.discount ?? 0),
    revenueMinor: Number(revenue?.revenue ?? 0),
  }
}
