import type { Promoter } from '../../shared/contract/promoters'
import type { Workspace } from '../db/database'
import type { HandlerContext, HandlerGroup } from './context'
import { requireBusiness } from './businesses.handlers'
import { notFound } from './domain-error'

function promoterQuery(db: Workspace, businessId: number) {
  return db.qb
    .selectFrom('promoters as p')
    .where('p.business_id', '=', businessId)
    .selectAll('p')
    .select((eb) =>
      eb
        .selectFrom('codes')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('codes.promoter_id', '=', 'p.id')
        .as('code_count'),
    )
}

type PromoterRow = Awaited<ReturnType<ReturnType<typeof promoterQuery>['executeTakeFirstOrThrow']>>

function toPromoter(row: PromoterRow): Promoter {
  return {
    id: row.id,
    businessId: row.business_id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    notes: row.notes,
    createdAt: row.created_at,
    codeCount: Number(row.code_count ?? 0),
  }
}

export function requirePromoter(db: Workspace, businessId: number, promoterId: number): Promoter {
  const row = db.sql.first(promoterQuery(db, businessId).where('p.id', '=', promoterId))
  if (!row) throw notFound('This promoter', 'promoterId')
  return toPromoter(row)
}

export function promotersHandlers({
  db,
  clock,
}: HandlerContext): HandlerGroup<'promoters.list' | 'promoters.create' | 'promoters.update'> {
  return {
    'promoters.list': ({ businessId }) => {
      requireBusiness(db, businessId)
      return db.sql
        .all(promoterQuery(db, businessId).orderBy('p.name').orderBy('p.id'))
        .map((row) => toPromoter(row))
    },

    'promoters.create': ({ businessId, name, email, phone, notes }) => {
      requireBusiness(db, businessId)
      const now = clock.now()
      const row = db.sql.first(
        db.qb
          .insertInto('promoters')
          .values({
            business_id: businessId,
            name,
            email: email ?? null,
            phone: phone ?? null,
            notes: notes ?? null,
            created_at: now,
            updated_at: now,
          })
          .returning('id'),
      )
      return requirePromoter(db, businessId, row?.id ?? 0)
    },

    'promoters.update': ({ businessId, promoterId, name, email, phone, notes }) => {
      requirePromoter(db, businessId, promoterId)
      db.sql.run(
        db.qb
          .updateTable('promoters')
          .set({
            name,
            email: email ?? null,
            phone: phone ?? null,
            notes: notes ?? null,
            updated_at: clock.now(),
          })
          .where('id', '=', promoterId)
          .where('business_id', '=', businessId),
      )
      return requirePromoter(db, businessId, promoterId)
    },
  }
}
