import { describe, expect, it } from 'vitest'
import { cartOf, codePromotion, explained, line, promotion, saleWith } from '../fixtures/engine'

const cart = cartOf([line('SHOE', 10_000)], 500)

describe('stacking', () => {
  it('applies combinable promotions in priority order on the already-discounted amounts', () => {
    const tenPercent = promotion({
      campaignId: 1,
      name: '10% off',
      stacking: { mode: 'combinable', priority: 1, group: null },
    })
    const fiveOff = promotion({
      campaignId: 2,
      name: '5.00 off',
      discount: { kind: 'fixed', amountMinor: 500, per: 'order' },
      stacking: { mode: 'combinable', priority: 2, group: null },
    })
    const shipping = promotion({
      campaignId: 3,
      name: 'Free shipping',
      discount: { kind: 'free_shipping', capMinor: null },
    })
    const result = explained(saleWith([fiveOff, shipping, tenPercent], cart))
    expect(
      result.promotions.map((outcome) => [
        outcome.campaignName,
        outcome.status,
        outcome.discountMinor,
      ]),
    ).toEqual([
      ['5.00 off', 'applied', 500],
      ['Free shipping', 'applied', 0],
      ['10% off', 'applied', 1000],
    ])
    // 10% first (10,000 → 9,000), then 5.00 (→ 8,500); shipping free.
    expect(result.totals).toMatchObject({
      discountMinor: 1500,
      shippingDiscountMinor: 500,
      totalMinor: 8500,
    })
    expect(result.lines[0]?.allocations).toEqual([
      { campaignId: 1, discountMinor: 1000 },
      { campaignId: 2, discountMinor: 500 },
    ])
  })

  it('keeps one promotion per stacking group: the first by priority', () => {
    const first = promotion({
      campaignId: 1,
      name: 'Spring 10%',
      stacking: { mode: 'combinable', priority: 1, group: 'spring' },
    })
    const second = promotion({
      campaignId: 2,
      name: 'Spring 30%',
      discount: { kind: 'percent', percentBp: 3000 },
      stacking: { mode: 'combinable', priority: 2, group: 'spring' },
    })
    const result = explained(saleWith([first, second], cart))
    expect(result.promotions.map((outcome) => outcome.status)).toEqual(['applied', 'dropped'])
    expect(result.promotions[1]?.refusal?.message).toBe(
      'Only one promotion of the group “spring” applies, and Spring 10% comes first.',
    )
  })

  it('an exclusive promotion goes alone when it gives the customer more', () => {
    const code = codePromotion({}, { campaignId: 1, name: 'Code 10%' })
    const exclusive = promotion({
      campaignId: 2,
      name: 'Black Friday 25%',
      discount: { kind: 'percent', percentBp: 2500 },
      stacking: { mode: 'exclusive', priority: 1, group: null },
    })
    const result = explained(saleWith([code, exclusive], cart))
    expect(result.promotions.map((outcome) => outcome.status)).toEqual(['dropped', 'applied'])
    expect(result.applies).toBe(false)
    expect(result.refusal?.reason).toBe('outranked')
    expect(result.refusal?.message).toContain('Black Friday 25%')
    expect(result.totals.discountMinor).toBe(2500)
  })

  it('the combined promotions win over an exclusive one that gives less; ties favour the typed code', () => {
    const code = codePromotion({}, { campaignId: 1, name: 'Code 10%' })
    const exclusive = promotion({
      campaignId: 2,
      name: 'Members 10%',
      stacking: { mode: 'exclusive', priority: 1, group: null },
    })
    const result = explained(saleWith([code, exclusive], cart))
    expect(result.promotions.map((outcome) => outcome.status)).toEqual(['applied', 'dropped'])
    expect(result.applies).toBe(true)
  })

  it('a refused promotion does not take part in the choice', () => {
    const exclusive = promotion({
      campaignId: 2,
      name: 'Big spenders 50%',
      discount: { kind: 'percent', percentBp: 5000 },
      conditions: [{ kind: 'min_spend', minMinor: 50_000, over: 'cart' }],
      stacking: { mode: 'exclusive', priority: 1, group: null },
    })
    const result = explained(saleWith([codePromotion(), exclusive], cart))
    expect(result.promotions.map((outcome) => outcome.status)).toEqual(['applied', 'refused'])
    expect(result.promotions[1]?.refusal?.hint).toBe('Add €400.00 more to unlock 50% off.')
  })
})
