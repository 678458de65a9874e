import { describe, expect, it } from 'vitest'
import { evaluateSale } from '../../src/main/engine/evaluate'
import { ENGINE_NOW, engineCampaign, engineCart, engineCode, saleWith } from '../fixtures/engine'

const HOUR = 3_600_000

describe('evaluateSale: a code that applies', () => {
  it('takes 10% off and explains every rule it checked', () => {
    const result = evaluateSale(saleWith(engineCode(), engineCart(5000, 2500)))
    expect(result.applies).toBe(true)
    expect(result.refusal).toBeNull()
    expect(result.totals).toEqual({
      subtotalMinor: 7500,
      discountMinor: 750,
      shippingMinor: 0,
      totalMinor: 6750,
    })
    expect(result.lines.map((line) => line.discountMinor)).toEqual([500, 250])
    expect(result.checks.map((check) => check.rule)).toEqual([
      'active',
      'starts',
      'ends',
      'total_uses',
      'customer_known',
      'customer_uses',
    ])
    expect(result.checks.every((check) => check.ok)).toBe(true)
    expect(result.promoter).toEqual({ id: 3, name: 'Jay Martin' })
    expect(result.terms).toBe('10% off, at most 20 uses in all, at most 2 uses per customer.')
  })

  it('applies a fixed amount no larger than the order', () => {
    const code = engineCode({
      campaign: engineCampaign({ discount: { kind: 'fixed', amountMinor: 10_000 } }),
    })
    const result = evaluateSale(saleWith(code, engineCart(3000, 1000)))
    expect(result.totals.discountMinor).toBe(4000)
    expect(result.totals.totalMinor).toBe(0)
  })

  it('lets a sale without a code through with no discount', () => {
    const result = evaluateSale(saleWith(null))
    expect(result.applies).toBe(false)
    expect(result.refusal).toBeNull()
    expect(result.totals.discountMinor).toBe(0)
  })
})

describe('evaluateSale: refusal reasons', () => {
  const refusalOf = (...args: Parameters<typeof saleWith>) =>
    evaluateSale(saleWith(...args)).refusal

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
    expect(refusalOf(engineCode({ active: false }))?.reason).toBe('inactive')
  })

  it('not started, with the start in the business zone', () => {
    const refusal = refusalOf(engineCode({ startsAt: ENGINE_NOW + HOUR }))
    expect(refusal?.reason).toBe('not_started')
    // 13:00 UTC is 14:00 in Paris in March (before DST).
    expect(refusal?.message).toContain('10 Mar 2026, 14:00')
  })

  it('expired, at the exclusive end instant', () => {
    const refusal = refusalOf(engineCode({ endsAt: ENGINE_NOW }))
    expect(refusal?.reason).toBe('expired')
    expect(refusalOf(engineCode({ endsAt: ENGINE_NOW + 1 }))).toBeNull()
  })

  it('uses the narrower of the code and campaign windows', () => {
    const code = engineCode({ campaign: engineCampaign({ endsAt: ENGINE_NOW - HOUR }) })
    expect(refusalOf(code)?.reason).toBe('expired')
  })

  it('exhausted', () => {
    const refusal = refusalOf(engineCode({ uses: 20 }))
    expect(refusal?.reason).toBe('exhausted')
    expect(refusal?.message).toContain('all 20 uses')
  })

  it('customer required when uses per customer are limited', () => {
    const sale = saleWith(engineCode())
    sale.context.customer = null
    const refusal = evaluateSale(sale).refusal
    expect(refusal?.params).toEqual({ reason: 'customer_required', maxUsesPerCustomer: 2 })
    expect(refusal?.message).toContain('per customer')
    expect(refusal?.hint).toBeDefined()
  })

  it('personal code issued to another customer', () => {
    expect(refusalOf(engineCode({ customerId: 99 }))?.reason).toBe('personal_code')
    expect(refusalOf(engineCode({ customerId: 42 }))).toBeNull()
  })

  it('customer limit', () => {
    const sale = saleWith(engineCode())
    sale.context.customer = { id: 42, usesOfCode: 2 }
    const refusal = evaluateSale(sale).refusal
    expect(refusal?.params).toEqual({ reason: 'customer_limit', maxUsesPerCustomer: 2 })
    expect(refusal?.message).toContain('already used this code')
  })

  it('min spend, with the missing amount in the hint', () => {
    const code = engineCode({
      campaign: engineCampaign({ conditions: [{ kind: 'min_spend', minMinor: 5000 }] }),
    })
    const result = evaluateSale(saleWith(code, engineCart(2500, 1250)))
    expect(result.refusal?.reason).toBe('min_spend')
    expect(result.refusal?.params).toEqual({
      reason: 'min_spend',
      minMinor: 5000,
      missingMinor: 1250,
    })
    expect(result.refusal?.message).toContain('€50.00')
    expect(result.refusal?.hint).toBe('Add €12.50 more to unlock it.')
    expect(result.totals.discountMinor).toBe(0)
    expect(evaluateSale(saleWith(code, engineCart(2500, 2500))).applies).toBe(true)
  })

  it('min spend in the business currency: JPY has no decimals', () => {
    const code = engineCode({
      campaign: engineCampaign({ conditions: [{ kind: 'min_spend', minMinor: 5000 }] }),
    })
    const sale = saleWith(code, engineCart(3800))
    sale.context.currency = 'JPY'
    expect(evaluateSale(sale).refusal?.hint).toBe('Add ¥1,200 more to unlock it.')
  })

  it('empty cart', () => {
    expect(refusalOf(engineCode(), engineCart())?.reason).toBe('empty_cart')
  })

  it('reports the first failed rule in a fixed order, while checking them all', () => {
    const code = engineCode({ active: false, uses: 20, endsAt: ENGINE_NOW - HOUR })
    const result = evaluateSale(saleWith(code))
    expect(result.refusal?.reason).toBe('inactive')
    expect(result.checks.filter((check) => !check.ok).map((check) => check.rule)).toEqual([
      'active',
      'ends',
      'total_uses',
    ])
  })
})
