import { emailKey } from '../identity'
import type { ConditionDefinition } from './condition'

const identify = { reason: 'identify_customer' } as const

/** No earlier sale at this business (a customer not yet on file is new). */
export const newCustomerCondition: ConditionDefinition<'new_customer'> = {
  kind: 'new_customer',
  check: (_spec, { context: { customer } }) => {
    const fact = { rule: 'new_customer', identified: customer !== null } as const
    if (!customer) return { ok: false, fact, refusal: identify }
    if (customer.isNew) return { ok: true, fact }
    return { ok: false, fact, refusal: { reason: 'not_new_customer' } }
  },
}

/** The customer carries one of the tags (loyalty, wholesale, a region…), any case. */
export const customerSegmentCondition: ConditionDefinition<'customer_segment'> = {
  kind: 'customer_segment',
  check: (spec, { context: { customer }, customerTags }) => {
    const fact = {
      rule: 'customer_segment',
      tags: spec.tags,
      identified: customer !== null,
    } as const
    if (!customer) return { ok: false, fact, refusal: identify }
    if (spec.tags.some((tag) => customerTags.has(tag.toLowerCase()))) return { ok: true, fact }
    return { ok: false, fact, refusal: { reason: 'not_in_segment', tags: spec.tags } }
  },
}

/** Only named customers: by normalized email (Gmail dots and +tags ignored) or customer id. */
export const specificCustomersCondition: ConditionDefinition<'specific_customers'> = {
  kind: 'specific_customers',
  check: (spec, { context: { customer } }) => {
    const fact = {
      rule: 'specific_customers',
      count: spec.customers.length,
      identified: customer !== null,
    } as const
    if (!customer) return { ok: false, fact, refusal: identify }
    const named = spec.customers.some((entry) =>
      entry.includes('@')
        ? customer.emailKey !== null && emailKey(entry) === customer.emailKey
        : customer.externalId !== null && entry === customer.externalId,
    )
    if (named) return { ok: true, fact }
    return { ok: false, fact, refusal: { reason: 'not_listed_customer' } }
  },
}
