import type { CustomerRef } from '../../shared/contract/codes'
import type { Workspace } from '../db/database'
import {
  customerFacts,
  findCustomer,
  findOrCreateCustomer,
  recordFirstOrder,
  unrecordedCustomer,
} from '../db/repos/customers.repo'
import { emailKey, phoneKey } from '../engine/identity'
import type { EngineCustomer } from '../engine/types'

/**
 * The identifiers of a reference as written: the same text finds the same customer. (Two
 * spellings of one email are two keys for one id, which only costs a lookup.)
 */
function refKey(ref: CustomerRef): string {
  return `${ref.externalId ?? ''}\u0000${ref.email ?? ''}\u0000${ref.phone ?? ''}`
}

/** The identifier a new customer would be found by first, normalized. */
function matchKey(ref: CustomerRef): string {
  if (ref.externalId) return `ext:${ref.externalId}`
  if (ref.email) return `email:${emailKey(ref.email)}`
  return `phone:${phoneKey(ref.phone ?? '')}`
}

/**
 * The customers of one import, found (or created) like checkout does, remembered by their
 * identifiers: a day's file names the same few thousand customers over and over. Customers are
 * never deleted, so a remembered id stays right; an id is remembered only once the order that
 * created it is written (a refused order's savepoint takes its new customer back).
 */
export class OrderCustomers {
  private readonly ids = new Map<string, number>()
  /** Customers with an order before, in the workspace or earlier in this file. */
  private readonly ordered = new Set<string>()
  private readonly facts = new Map<number, EngineCustomer>()

  constructor(
    private readonly db: Workspace,
    private readonly businessId: number,
  ) {}

  /** The stored customer's id, or null for one the import would create (the dry run). */
  find(ref: CustomerRef): { id: number | null; key: string } {
    const key = refKey(ref)
    let id = this.ids.get(key)
    if (id === undefined) {
      const found = findCustomer(this.db, this.businessId, ref)
      // Not stored yet: keyed as matching would find it once created, so that two spellings
      // of one email count as one customer for the limits and for "new customer".
      if (found === undefined) return { id: null, key: `new:${matchKey(ref)}` }
      id = found
      this.ids.set(key, id)
    }
    return { id, key: `id:${id}` }
  }

  /** Finds or creates the customer; call inside the order's savepoint. */
  findOrCreate(ref: CustomerRef, now: number): { id: number; key: string } {
    const key = refKey(ref)
    const id = this.ids.get(key) ?? findOrCreateCustomer(this.db, this.businessId, ref, now)
    return { id, key }
  }

  /** Once the order is written: the customer is known, and no longer new. */
  written(customer: { id: number; key: string }, orderedAt: number): void {
    this.ids.set(customer.key, customer.id)
    if (this.ordered.has(`id:${customer.id}`)) return
    recordFirstOrder(this.db, customer.id, orderedAt)
    this.ordered.add(`id:${customer.id}`)
    const facts = this.facts.get(customer.id)
    if (facts) this.facts.set(customer.id, { ...facts, isNew: false })
  }

  /** What the engine's conditions read about the customer, as of this point of the file. */
  engineFacts(
    ref: CustomerRef,
    customer: { id: number | null; key: string },
  ): EngineCustomer | null {
    if (customer.id === null) {
      const facts = unrecordedCustomer(ref, [])
      return this.ordered.has(customer.key) ? { ...facts, isNew: false } : facts
    }
    let facts = this.facts.get(customer.id)
    if (!facts) {
      facts = customerFacts(this.db, customer.id)
      if (!facts) return null
      if (this.ordered.has(`id:${customer.id}`)) facts = { ...facts, isNew: false }
      this.facts.set(customer.id, facts)
    }
    return facts
  }

  /** The dry run's stand-in for written(): later orders of this customer are not new. */
  counted(customer: { key: string }): void {
    this.ordered.add(customer.key)
  }
}
