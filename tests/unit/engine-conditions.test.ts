import { describe, expect, it } from 'vitest'
import type { ConditionSpec } from '../../src/shared/promotions/conditions'
import { anyLine } from '../../src/shared/promotions/selectors'
import type { EngineContext } from '../../src/main/engine/types'
import { KNOWN_CUSTOMER, cartOf, explained, line, promotion, saleWith } from '../fixtures/engine'

const cart = cartOf([
  line('SHOE', 3000, 2, { category: 'Shoes' }),
  line('SOCK', 500, 1, { category: 'Socks' }),
])

function outcome(condition: ConditionSpec, context: Partial<EngineContext> = {}) {
  const result = explained(
    saleWith(
      promotion({
        conditions: [condition],
        eligible: { ...promotion().eligible, include: { ...anyLine, categories: ['Shoes'] } },
      }),
      cart,
      { context },
    ),
  )
  const [first] = result.promotions
  return {
    status: first?.status,
    reason: first?.refusal?.reason ?? null,
    hint: first?.refusal?.hint,
  }
}

/** Paris local time → UTC instant. */
const paris = (iso: string) => new Date(`${iso}`).getTime()

interface Case {
  name: string
  condition: ConditionSpec
  context?: Partial<EngineContext>
  reason: string | null
  hint?: string
}

const cases: Case[] = [
  {
    name: 'min spend over the cart met',
    condition: { kind: 'min_spend', minMinor: 6500, over: 'cart' },
    reason: null,
  },
  {
    name: 'min spend over eligible items missed',
    condition: { kind: 'min_spend', minMinor: 6500, over: 'eligible' },
    reason: 'min_spend',
    hint: 'Add €5.00 more to unlock 10% off.',
  },
  {
    name: 'min quantity over the cart met',
    condition: { kind: 'min_quantity', minItems: 3, over: 'cart' },
    reason: null,
  },
  {
    name: 'min quantity over eligible items missed',
    condition: { kind: 'min_quantity', minItems: 3, over: 'eligible' },
    reason: 'min_quantity',
    hint: 'Add 1 more item to unlock 10% off.',
  },
  {
    name: 'required products present (any case)',
    condition: { kind: 'requires_products', skus: ['shoe', 'SOCK'] },
    reason: null,
  },
  {
    name: 'required products missing',
    condition: { kind: 'requires_products', skus: ['SHOE', 'BELT'] },
    reason: 'missing_products',
    hint: 'Add BELT to unlock 10% off.',
  },
  {
    name: 'new customers only: returning customer',
    condition: { kind: 'new_customer' },
    reason: 'not_new_customer',
  },
  {
    name: 'new customers only: new customer',
    condition: { kind: 'new_customer' },
    context: { customer: { ...KNOWN_CUSTOMER, isNew: true } },
    reason: null,
  },
  {
    name: 'new customers only: anonymous',
    condition: { kind: 'new_customer' },
    context: { customer: null },
    reason: 'identify_customer',
  },
  {
    name: 'segment matched (any case)',
    condition: { kind: 'customer_segment', tags: ['wholesale', 'Loyalty'] },
    context: { customer: { ...KNOWN_CUSTOMER, tags: ['loyalty'] } },
    reason: null,
  },
  {
    name: 'segment missed',
    condition: { kind: 'customer_segment', tags: ['loyalty'] },
    reason: 'not_in_segment',
  },
  {
    name: 'specific customer by Gmail variant',
    condition: { kind: 'specific_customers', customers: ['A.N.A+promo@gmail.com'] },
    context: { customer: { ...KNOWN_CUSTOMER, emailKey: 'ana@gmail.com' } },
    reason: null,
  },
  {
    name: 'specific customer by id',
    condition: { kind: 'specific_customers', customers: ['C-42'] },
    reason: null,
  },
  {
    name: 'specific customer not listed',
    condition: { kind: 'specific_customers', customers: ['bob@example.com'] },
    reason: 'not_listed_customer',
  },
  // Flash sale, Fridays 18:00–20:00 Paris time; 2026-03-13 is a Friday (UTC+1).
  {
    name: 'schedule: Friday 18:00 Paris',
    condition: { kind: 'schedule', weekdays: [5], from: '18:00', to: '20:00' },
    context: { now: paris('2026-03-13T17:00:00Z') },
    reason: null,
  },
  {
    name: 'schedule: Friday 20:00 Paris is outside (end exclusive)',
    condition: { kind: 'schedule', weekdays: [5], from: '18:00', to: '20:00' },
    context: { now: paris('2026-03-13T19:00:00Z') },
    reason: 'outside_schedule',
  },
  {
    name: 'schedule: Friday 18:00 UTC is 19:00 in Paris',
    condition: { kind: 'schedule', weekdays: [5], from: '18:00', to: '19:00' },
    context: { now: paris('2026-03-13T18:00:00Z') },
    reason: 'outside_schedule',
  },
  // Midnight in Paris is still the previous day in UTC.
  {
    name: 'schedule: Saturday 00:00 Paris counts as Saturday',
    condition: { kind: 'schedule', weekdays: [6], from: '00:00', to: '01:00' },
    context: { now: paris('2026-03-13T23:00:00Z') },
    reason: null,
  },
  {
    name: 'schedule: Friday 23:59 Paris is not Saturday',
    condition: { kind: 'schedule', weekdays: [6], from: '00:00', to: '24:00' },
    context: { now: paris('2026-03-13T22:59:00Z') },
    reason: 'outside_schedule',
  },
  // DST: on 2026-03-29 Paris moves to UTC+2 at 02:00; 18:00 local is 16:00 UTC.
  {
    name: 'schedule on the spring DST day',
    condition: { kind: 'schedule', weekdays: [7], from: '18:00', to: '20:00' },
    context: { now: paris('2026-03-29T16:30:00Z') },
    reason: null,
  },
  {
    name: 'schedule on the autumn DST day',
    condition: { kind: 'schedule', weekdays: [7], from: '18:00', to: '20:00' },
    context: { now: paris('2026-10-25T17:30:00Z') },
    reason: null,
  },
]

describe('condition kinds', () => {
  it.each(cases)('$name', ({ condition, context, reason, hint }) => {
    const result = outcome(condition, context)
    expect(result.reason).toBe(reason)
    expect(result.status).toBe(reason === null ? 'applied' : 'refused')
    if (hint) expect(result.hint).toBe(hint)
  })
})
