import { describe, expect, it } from 'vitest'
import { evaluateSale } from '../../src/main/engine/evaluate'
import {
  ENGINE_NOW,
  codePromotion,
  engineCart,
  explained,
  promotion,
  saleWith,
} from '../fixtures/engine'

const HOUR = 3_600_000

describe('evaluateSale: a code that applies', () => {
  it('takes 10% off and explains every rule it checked', () => {
    const result = explained(saleWith(codePromotion(), engineCart(5000, 2500)))
    expect(result.applies).toBe(true)
    expect(result.refusal).toBeNull()
    expect(result.totals).toEqual({
      taxMode: 'exclusive',
      subtotalMinor: 7500,
      discountMinor: 750,
      shippingMinor: 0,
      shippingDiscountMinor: 0,
      taxMinor: 0,
      totalMinor: 6750,
    })
    expect(result.lines.map((line) => line.discountMinor)).toEqual([500, 250])
    const [own] = result.promotions
    expect(own?.status).toBe('applied')
    expect(own?.checks.map((check) => check.rule)).toEqual([
      'active',
      'starts',
      'ends',
      'total_uses',
      'customer_known',
      'customer_uses',
    ])
    expect(own?.checks.every((check) => check.ok)).toBe(true)
    expect(result.promoter).toEqual({ id: 3, name: 'Jay Martin' })
    expect(own?.terms).toBe('10% off, at most 20 uses in all, at most 2 uses per customer.')
  })

  it('applies a fixed amount no larger than the order', () => {
    const code = codePromotion(
      {},
      { discount: { kind: 'fixed', amountMinor: 10_000, per: 'order' } },
    )
    const result = evaluateSale(saleWith(code, engineCart(3000, 1000)))
    expect(result.totals.discountMinor).toBe(4000)
    expect(result.totals.totalMinor).toBe(0)
  })

  it('lets a sale without a code through with no discount', () => {
    const result = explained(saleWith(null))
    expect(result.applies).toBe(false)
    expect(result.refusal).toBeNull()
    expect(result.totals.discountMinor).toBe(0)
  })
})

describe('evaluateSale: refusal reasons', () => {
  const refusalOf = (...args: Parameters<typeof saleWith>) => explained(saleWith(...args)).refusal

  it('unknown code', () => {
    const refusal = refusalOf(null, engineCart(5000), { codeText: 'NOPE' })
    expect(refusal?.reason).toBe('unknown_code')
    expect(refusal?.message).toContain('NOPE')
    expect(refusal?.hint).toBeDefined()
  })

  it('wrong business', () => {
    const refusal = refusalOf(null, engineCart(5000), {
      codeText: 'OTHER10',
      codeBelongsElsewhere: true,
    })
    expect(refusal?.reason).toBe('wrong_business')
    expect(refusal?.message).toBe('The code “OTHER10” belongs to another business.')
  })

  it('inactive', () => {
    expect(refusalOf(codePromotion({ active: false }))?.reason).toBe('inactive')
  })

  it('not started, with the start in the business zone', () => {
    const refusal = refusalOf(codePromotion({ startsAt: ENGINE_NOW + HOUR }))
    expect(refusal?.reason).toBe('not_started')
    // 13:00 UTC is 14:00 in Paris in March (before DST).
    expect(refusal?.message).toContain('10 Mar 2026, 14:00')
  })

  it('expired, at the exclusive end instant', () => {
    expect(refusalOf(codePromotion({ endsAt: ENGINE_NOW }))?.reason).toBe('expired')
    expect(refusalOf(codePromotion({ endsAt: ENGINE_NOW + 1 }))).toBeNull()
  })

  it('uses the narrower of the code and campaign windows', () => {
    const code = codePromotion({}, { endsAt: ENGINE_NOW - HOUR })
    expect(refusalOf(code)?.reason).toBe('expired')
  })

  it('exhausted', () => {
    const refusal = refusalOf(codePromotion({ uses: 20 }))
    expect(refusal?.reason).toBe('exhausted')
    expect(refusal?.message).toContain('all 20 uses')
  })

  it('customer required when uses per customer are limited', () => {
    const refusal = refusalOf(codePromotion(), engineCart(5000), { context: { customer: null } })
    expect(refusal?.params).toEqual({ reason: 'customer_required', maxUsesPerCustomer: 2 })
    expect(refusal?.message).toContain('per customer')
    expect(refusal?.hint).toBeDefined()
  })

  it('personal code issued to another customer', () => {
    expect(refusalOf(codePromotion({ customerId: 99 }))?.reason).toBe('personal_code')
    expect(refusalOf(codePromotion({ customerId: 42 }))).toBeNull()
  })

  it('customer limit', () => {
    const refusal = refusalOf(codePromotion({ customerUses: 2 }))
    expect(refusal?.params).toEqual({ reason: 'customer_limit', maxUsesPerCustomer: 2 })
    expect(refusal?.message).toContain('already used this code')
  })

  it('min spend, with the missing amount and what it unlocks in the hint', () => {
    const code = codePromotion(
      {},
      { conditions: [{ kind: 'min_spend', minMinor: 5000, over: 'cart' }] },
    )
    const result = explained(saleWith(code, engineCart(2500, 1250)))
    expect(result.refusal?.params).toEqual({
      reason: 'min_spend',
      minMinor: 5000,
      missingMinor: 1250,
    })
    expect(result.refusal?.message).toContain('€50.00')
    expect(result.refusal?.hint).toBe('Add €12.50 more to unlock 10% off.')
    expect(result.totals.discountMinor).toBe(0)
    expect(explained(saleWith(code, engineCart(2500, 2500))).applies).toBe(true)
  })

  it('min spend in the business currency: JPY has no decimals', () => {
    const code = codePromotion(
      {},
      { conditions: [{ kind: 'min_spend', minMinor: 5000, over: 'cart' }] },
    )
    expect(explained(saleWith(code, engineCart(3800)), 'JPY').refusal?.hint).toBe(
      'Add ¥1,200 more to unlock 10% off.',
    )
  })

  it('daily cap', () => {
    const capped = codePromotion({}, { maxUsesPerDay: 5, usesToday: 5 })
    expect(refusalOf(capped)?.reason).toBe('daily_cap')
    expect(refusalOf(codePromotion({}, { maxUsesPerDay: 5, usesToday: 4 }))).toBeNull()
  })

  it('empty cart', () => {
    expect(refusalOf(codePromotion(), engineCart())?.reason).toBe('empty_cart')
    expect(refusalOf(promotion(), engineCart())?.reason).toBe('empty_cart')
  })

  it('reports the first failed rule in a fixed order, while checking them all', () => {
    const code = codePromotion({ active: false, uses: 20, endsAt: ENGINE_NOW - HOUR })
    const result = explained(saleWith(code))
    expect(result.refusal?.reason).toBe('inactive')
    const failed = result.promotions[0]?.checks.filter((check) => !check.ok)
    expect(failed?.map((check) => check.rule)).toEqual(['active', 'ends', 'total_uses'])
  })
})
