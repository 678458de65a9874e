import { DEFAULT_POLICY, DEFAULT_TAX } from '../../shared/contract/businesses'
import { hashPin } from '../security/pin'
import { findBusiness, listBusinesses, policyColumns } from '../db/repos/businesses.repo'
import type { Workspace } from '../db/database'
import type { HandlerContext, HandlerGroup } from './context'
import { DomainError, notFound } from './domain-error'
import { LIMIT_ONE } from '../db/prepared-query'

export function requireBusiness(db: Workspace, businessId: number) {
  const business = findBusiness(db, businessId)
  if (!business) throw notFound('This business', 'businessId')
  return business
}

export function businessesHandlers({
  db,
  clock,
}: HandlerContext): HandlerGroup<
  | 'businesses.list'
  | 'businesses.create'
  | 'businesses.update'
  | 'businesses.setManagerPin'
  | 'businesses.updatePolicy'
> {
  return {
    'businesses.list': () => listBusinesses(db),

    'businesses.create': ({ name, currency, timeZone, tax = DEFAULT_TAX }) => {
      const now = clock.now()
      const row = db.sql.first(
        db.qb
          .insertInto('businesses')
          .values({
            name,
            currency,
            time_zone: timeZone,
            tax_mode: tax.mode,
            tax_rate_bp: tax.rateBp,
            ...policyColumns(DEFAULT_POLICY),
            created_at: now,
            updated_at: now,
          })
          .returning('id'),
      )
      return requireBusiness(db, row?.id ?? 0)
    },

    'businesses.update': ({ businessId, name, timeZone, tax, sales }) => {
      const business = requireBusiness(db, businessId)
      if (timeZone !== undefined && timeZone !== business.timeZone && hasSales(db, businessId)) {
        // Days already counted (daily caps, reports, code windows) would shift under the ledger.
        throw new DomainError(
          'conflict',
          `The time zone cannot change once sales are recorded: their days were counted in ${business.timeZone}.`,
          { field: 'timeZone' },
        )
      }
      db.sql.run(
        db.qb
          .updateTable('businesses')
          .set({
            ...(name !== undefined ? { name } : {}),
            ...(timeZone !== undefined ? { time_zone: timeZone } : {}),
            ...(tax !== undefined ? { tax_mode: tax.mode, tax_rate_bp: tax.rateBp } : {}),
            ...(sales !== undefined
              ? {
                  refund_returns_use: sales.refundReturnsUse ? 1 : 0,
                  override_required: sales.overrideRequired ? 1 : 0,
                  require_code_channels: JSON.stringify(sales.requireCodeChannels),
                }
              : {}),
            updated_at: clock.now(),
          })
          .where('id', '=', businessId),
      )
      return requireBusiness(db, businessId)
    },

    'businesses.setManagerPin': ({ businessId, pin }) => {
      requireBusiness(db, businessId)
      db.sql.run(
        db.qb
          .updateTable('businesses')
          .set({ manager_pin_hash: pin === null ? null : hashPin(pin), updated_at: clock.now() })
          .where('id', '=', businessId),
      )
      return requireBusiness(db, businessId)
    },

    'businesses.updatePolicy': ({ businessId, policy }) => {
      requireBusiness(db, businessId)
      db.sql.run(
        db.qb
          .updateTable('businesses')
          .set({ ...policyColumns(policy), updated_at: clock.now() })
          .where('id', '=', businessId),
      )
      return requireBusiness(db, businessId)
    },
  }
}

function hasSales(db: Workspace, businessId: number): boolean {
  const row = db.sql.first(
    db.qb
      .selectFrom('ledger_entries')
      .select('id')
      .where('business_id', '=', businessId)
      .limit(LIMIT_ONE),
  )
  return row !== undefined
}
