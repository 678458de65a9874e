import type { Business } from '../../shared/contract/businesses'
import { describeRefusal, type RefusalReason } from '../../shared/refusals'
import { DomainError } from '../api/domain-error'
import type { Workspace } from '../db/database'
import { preparedQuery } from '../db/prepared-query'
import { takeDailyUse } from '../db/repos/campaigns.repo'
import type { EngineCode } from '../engine/types'

// The counters' statements, compiled once per workspace (see preparedQuery).
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

/**
 * Takes one use of the code. The WHERE clauses make the database the judge: when the limit is
 * reached no row is updated, whatever any earlier read said.
 */
export function takeUse(
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

export function refused(business: Business, reason: RefusalReason): DomainError {
  const refusal = describeRefusal(reason, business)
  return new DomainError('refused', refusal.message, { field: 'code', details: { refusal } })
}

/** Takes one of today's uses of a capped campaign, or refuses the sale. */
export function takeDayUse(
  db: Workspace,
  business: Business,
  campaignId: number,
  day: string,
  maxUsesPerDay: number,
): void {
  if (!takeDailyUse(db, campaignId, day, maxUsesPerDay))
    throw refused(business, { reason: 'daily_cap', maxUsesPerDay })
}
