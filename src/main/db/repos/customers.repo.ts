import type { Insertable } from 'kysely'
import type { CustomerRef } from '../../../shared/contract/codes'
import { emailKey, phoneKey } from '../../engine/identity'
import type { Workspace } from '../database'
import type { CustomersTable } from '../schema'
import { LIMIT_ONE, preparedQuery } from '../prepared-query'

/** One lookup per kind of identifier, each compiled once (see preparedQuery). */
function lookupBy(column: 'external_id' | 'email_key' | 'phone_key') {
  return preparedQuery((db, p: { businessId: number; value: string }) =>
    db.qb
      .selectFrom('customers')
      .select('id')
      .where('business_id', '=', p.businessId)
      .where(column, '=', p.value)
      .orderBy('id')
      .limit(LIMIT_ONE),
  )
}

const customerBy = {
  externalId: lookupBy('external_id'),
  emailKey: lookupBy('email_key'),
  phoneKey: lookupBy('phone_key'),
}

const insertCustomer = preparedQuery((db, row: Insertable<CustomersTable>) =>
  db.qb.insertInto('customers').values(row).returning('id'),
)

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
  const lookups = [
    ref.externalId ? customerBy.externalId(db, { businessId, value: ref.externalId }) : undefined,
    ref.email ? customerBy.emailKey(db, { businessId, value: emailKey(ref.email) }) : undefined,
    ref.phone ? customerBy.phoneKey(db, { businessId, value: phoneKey(ref.phone) }) : undefined,
  ]
  for (const lookup of lookups) {
    const row = lookup && db.sql.first(lookup)
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
    insertCustomer(db, {
      business_id: businessId,
      external_id: ref.externalId ?? null,
      email: ref.email ?? null,
      email_key: ref.email ? emailKey(ref.email) : null,
      phone: ref.phone ?? null,
      phone_key: ref.phone ? phoneKey(ref.phone) : null,
      created_at: now,
    }),
  )
  if (!row) throw new Error('Inserting a customer returned no id')
  return row.id
}
