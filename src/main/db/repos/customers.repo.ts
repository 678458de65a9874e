import type { Insertable } from 'kysely'
import type { CustomerRef } from '../../../shared/contract/codes'
import { emailKey, phoneKey } from '../../engine/identity'
import type { Workspace } from '../database'
import type { CustomersTable } from '../schema'
import type { EngineCustomer } from '../../engine/types'
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

const factsById = preparedQuery((db, p: { customerId: number }) =>
  db.qb
    .selectFrom('customers')
    .select(['id', 'email_key', 'external_id', 'tags_json', 'first_order_at'])
    .where('id', '=', p.customerId),
)

/** What customer conditions read: identifiers, segments, and whether they ordered before. */
export function customerFacts(db: Workspace, customerId: number): EngineCustomer | undefined {
  const row = db.sql.first(factsById(db, { customerId }))
  if (!row) return undefined
  return {
    id: row.id,
    emailKey: row.email_key,
    externalId: row.external_id,
    tags: JSON.parse(row.tags_json) as string[],
    isNew: row.first_order_at === null,
  }
}

/** A customer not on file yet: necessarily new. */
export function unrecordedCustomer(ref: CustomerRef, tags: readonly string[]): EngineCustomer {
  return {
    id: null,
    emailKey: ref.email ? emailKey(ref.email) : null,
    externalId: ref.externalId ?? null,
    tags,
    isNew: true,
  }
}

const setTags = preparedQuery((db, p: { customerId: number; tagsJson: string }) =>
  db.qb.updateTable('customers').set({ tags_json: p.tagsJson }).where('id', '=', p.customerId),
)

export function recordCustomerTags(
  db: Workspace,
  customerId: number,
  tags: readonly string[],
): void {
  db.sql.run(setTags(db, { customerId, tagsJson: JSON.stringify(tags) }))
}

/** Marks the first sale; a no-op (and no page write) for a customer who ordered before. */
const markFirstOrder = preparedQuery((db, p: { customerId: number; at: number }) =>
  db.qb
    .updateTable('customers')
    .set({ first_order_at: p.at })
    .where('id', '=', p.customerId)
    .where('first_order_at', 'is', null),
)

export function recordFirstOrder(db: Workspace, customerId: number, at: number): void {
  db.sql.run(markFirstOrder(db, { customerId, at }))
}
