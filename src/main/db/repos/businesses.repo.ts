import type { Selectable } from 'kysely'
import type { Business, CreationPolicy } from '../../../shared/contract/businesses'
import type { Channel } from '../../../shared/contract/checkout'
import type { Workspace } from '../database'
import { preparedQuery } from '../prepared-query'
import type { BusinessesTable } from '../schema'

export function toBusiness(row: Selectable<BusinessesTable>): Business {
  return {
    id: row.id,
    name: row.name,
    currency: row.currency,
    timeZone: row.time_zone,
    createdAt: row.created_at,
    tax: { mode: row.tax_mode, rateBp: row.tax_rate_bp },
    sales: {
      refundReturnsUse: row.refund_returns_use === 1,
      overrideRequired: row.override_required === 1,
      hasManagerPin: row.manager_pin_hash !== null,
      requireCodeChannels: JSON.parse(row.require_code_channels) as Channel[],
    },
    policy: {
      maxPercentBp: row.policy_max_percent_bp,
      maxUsesPerCode: row.policy_max_uses_per_code,
      maxUsesPerCustomer: row.policy_max_uses_per_customer,
      maxWindowMonths: row.policy_max_window_months,
      maxCodesPerPromoter: row.policy_max_codes_per_promoter,
      promoterPeriodDays: row.policy_promoter_period_days,
    },
  }
}

export function policyColumns(policy: CreationPolicy) {
  return {
    policy_max_percent_bp: policy.maxPercentBp,
    policy_max_uses_per_code: policy.maxUsesPerCode,
    policy_max_uses_per_customer: policy.maxUsesPerCustomer,
    policy_max_window_months: policy.maxWindowMonths,
    policy_max_codes_per_promoter: policy.maxCodesPerPromoter,
    policy_promoter_period_days: policy.promoterPeriodDays,
  }
}

/** Every request starts by loading its business: compiled once (see preparedQuery). */
const businessById = preparedQuery((db, p: { businessId: number }) =>
  db.qb.selectFrom('businesses').selectAll().where('id', '=', p.businessId),
)

export function findBusiness(db: Workspace, businessId: number): Business | undefined {
  const row = db.sql.first(businessById(db, { businessId }))
  return row && toBusiness(row)
}

export function listBusinesses(db: Workspace): Business[] {
  return db.sql
    .all(db.qb.selectFrom('businesses').selectAll().orderBy('name').orderBy('id'))
    .map(toBusiness)
}

/** The stored manager PIN hash; kept out of Business so it never reaches the renderer. */
export function managerPinHash(db: Workspace, businessId: number): string | null {
  const row = db.sql.first(
    db.qb.selectFrom('businesses').select('manager_pin_hash').where('id', '=', businessId),
  )
  return row?.manager_pin_hash ?? null
}
