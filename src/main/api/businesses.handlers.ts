import { DEFAULT_POLICY } from '../../shared/contract/businesses'
import { findBusiness, listBusinesses, policyColumns } from '../db/repos/businesses.repo'
import type { Workspace } from '../db/database'
import type { HandlerContext, HandlerGroup } from './context'
import { notFound } from './domain-error'

export function requireBusiness(db: Workspace, businessId: number) {
  const business = findBusiness(db, businessId)
  if (!business) throw notFound('This business', 'businessId')
  return business
}

export function businessesHandlers({
  db,
  clock,
}: HandlerContext): HandlerGroup<
  'businesses.list' | 'businesses.create' | 'businesses.update' | 'businesses.updatePolicy'
> {
  return {
    'businesses.list': () => listBusinesses(db),

    'businesses.create': ({ name, currency, timeZone }) => {
      const now = clock.now()
      const row = db.sql.first(
        db.qb
          .insertInto('businesses')
          .values({
            name,
            currency,
            time_zone: timeZone,
            ...policyColumns(DEFAULT_POLICY),
            created_at: now,
            updated_at: now,
          })
          .returning('id'),
      )
      return requireBusiness(db, row?.id ?? 0)
    },

    'businesses.update': ({ businessId, name, timeZone }) => {
      requireBusiness(db, businessId)
      db.sql.run(
        db.qb
          .updateTable('businesses')
          .set({
            ...(name !== undefined ? { name } : {}),
            ...(timeZone !== undefined ? { time_zone: timeZone } : {}),
            updated_at: clock.now(),
          })
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
