import type { CustomerRef } from '../../../shared/contract/codes'
import { emailKey, phoneKey } from '../../engine/identity'
import type { Workspace } from '../database'

/**
 * Finds the customer a reference points to: by external id first, then by normalized email,
 * then by normalized phone. Matching on normalized keys means j.doe+x@gmail.com and
 * jdoe@gmail.com are one customer for limits.
 */
export function findCustomer(
  db: Workspace,
  businessId: number,
  ref: CustomerRef,
): number | undefined {
  const base = db.qb
    .selectFrom('customers')
    .select('id')
    .where('business_id', '=', businessId)
    .limit(1)
  const lookups = [
    ref.externalId ? base.where('external_id', '=', ref.externalId) : undefined,
    ref.email ? base.where('email_key', '=', emailKey(ref.email)) : undefined,
    ref.phone ? base.where('phone_key', '=', phoneKey(ref.phone)) : undefined,
  ]
  for (const lookup of lookups) {
    const row = lookup && db.sql.first(lookup.orderBy('id'))
    if (row) return row.id
  }
  return undefined
}

/** Finds or creates the customer; call inside the transaction that uses the id. */
export function findOrCreateCustomer(
  db: Workspace,
  businessId: number,
  ref: CustomerRef,
  now: number,
): number {
  const existing = findCustomer(db, businessId, ref)
  if (existing !== undefined) return existing
  const row = db.sql.first(
    db.qb
      .insertInto('customers')
      .values({
        business_id: businessId,
        external_id: ref.externalId ?? null,
        email: ref.email ?? null,
        email_key: ref.email ? emailKey(ref.email) : null,
        phone: ref.phone ?? null,
        phone_key: ref.phone ? phoneKey(ref.phone) : null,
        created_at: now,
      })
      .returning('id'),
  )
  if (!row) throw new Error('Inserting a customer returned no id')
  return row.id
}
