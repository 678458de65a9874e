import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  baseOf,
  commissionOf,
  reversedPart,
  type SaleAmounts,
} from '../../src/main/commissions/commission-math'
import { describeCommissionRule } from '../../src/shared/commissions/describe-program'
import {
  commissionRule,
  type CommissionRule,
  type CommissionRuleInput,
  type CommissionTier,
} from '../../src/shared/commissions/rules'

const rule = (input: CommissionRuleInput): CommissionRule => commissionRule.parse(input)
const goods = (goodsMinor: number): SaleAmounts => ({ goodsMinor, taxMinor: 0, shippingMinor: 0 })

/** Books sales one after another in one period, as accrual does, and returns each commission. */
function period(ruleOf: CommissionRule, sales: SaleAmounts[]): number[] {
  let volume = { sales: 0, baseMinor: 0 }
  return sales.map((amounts) => {
    const commission = commissionOf(ruleOf, amounts, volume, 'EUR')
    volume = { sales: volume.sales + 1, baseMinor: volume.baseMinor + commission.baseMinor }
    return commission.amountMinor
  })
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0)

describe('source 000’s worked examples', () => {
  it('15 sales at a flat 5.00 earn 75.00', () => {
    const flat = rule({ kind: 'flat', amountMinor: 500 })
    const amounts = Array.from({ length: 15 }, (_, index) => goods(1000 + index * 137))
    expect(sum(period(flat, amounts))).toBe(7500)
  })

  it('10% of 600.00 of tracked sales is 60.00', () => {
    const tenPercent = rule({ kind: 'percent', rateBp: 1000 })
    const sales = [15_000, 24_990, 20_010].map(goods)
    expect(period(tenPercent, sales)).toEqual([1500, 2499, 2001])
    expect(sum(period(tenPercent, sales))).toBe(6000)
    expect(commissionOf(tenPercent, goods(60_000), { sales: 0, baseMinor: 0 }, 'EUR')).toEqual({
      baseMinor: 60_000,
      amountMinor: 6000,
      note: '10% of €600.00',
    })
  })
})

describe('the base of a percentage', () => {
  const sale: SaleAmounts = { goodsMinor: 10_000, taxMinor: 2000, shippingMinor: 500 }

  it.each([
    [false, false, 10_000],
    [true, false, 12_000],
    [false, true, 10_500],
    [true, true, 12_500],
  ])('tax %s, shipping %s: %d', (includeTax, includeShipping, expected) => {
    expect(baseOf(sale, { includeTax, includeShipping })).toBe(expected)
    const percent = rule({ kind: 'percent', rateBp: 1000, base: { includeTax, includeShipping } })
    expect(commissionOf(percent, sale, { sales: 0, baseMinor: 0 }, 'EUR')).toMatchObject({
      baseMinor: expected,
      amountMinor: expected / 10,
    })
  })

  it('is merchandise after discount without tax or shipping by default', () => {
    const percent = rule({ kind: 'percent', rateBp: 1000 })
    expect(commissionOf(percent, sale, { sales: 0, baseMinor: 0 }, 'EUR').amountMinor).toBe(1000)
  })

  it('a flat amount does not depend on the sale; no commission is zero', () => {
    const flat = rule({ kind: 'flat', amountMinor: 500 })
    expect(commissionOf(flat, goods(1), { sales: 3, baseMinor: 9 }, 'EUR')).toEqual({
      baseMinor: 1,
      amountMinor: 500,
      note: '€5.00 per sale',
    })
    expect(commissionOf(rule({ kind: 'none' }), sale, { sales: 0, baseMinor: 0 }, 'EUR')).toEqual({
      baseMinor: 0,
      amountMinor: 0,
      note: 'No commission',
    })
  })
})

describe('a revenue split (source 004: 40/60)', () => {
  it('gives the promoter 40% of the discounted sale', () => {
    const split = rule({ kind: 'split', promoterShareBp: 4000 })
    // 50.00 of goods less a 10% discount: 45.00, of which the promoter gets 18.00.
    expect(commissionOf(split, goods(4500), { sales: 0, baseMinor: 0 }, 'EUR')).toEqual({
      baseMinor: 4500,
      amountMinor: 1800,
      note: '40% of €45.00 (revenue split)',
    })
  })

  it('follows its base like a percentage', () => {
    const split = rule({
      kind: 'split',
      promoterShareBp: 4000,
      base: { includeTax: true, includeShipping: true },
    })
    const sale = { goodsMinor: 4500, taxMinor: 900, shippingMinor: 600 }
    expect(commissionOf(split, sale, { sales: 0, baseMinor: 0 }, 'EUR').amountMinor).toBe(2400)
  })
})

describe('rounding', () => {
  it.each([
    [5, 1000, 1], // 0.5 rounds up
    [4, 1000, 0], // 0.4 rounds down
    [15, 1000, 2], // 1.5 rounds up
    [1999, 250, 50], // 49.975 rounds up
    [1, 5000, 1], // 0.5 rounds up
    [3, 3333, 1], // 0.9999 rounds up
  ])('%d at %d bp is %d minor units (half up)', (base, rateBp, expected) => {
    const percent = rule({ kind: 'percent', rateBp })
    expect(commissionOf(percent, goods(base), { sales: 0, baseMinor: 0 }, 'EUR').amountMinor).toBe(
      expected,
    )
  })

  it('never makes a commission of a negative base', () => {
    const percent = rule({ kind: 'percent', rateBp: 1000 })
    expect(commissionOf(percent, goods(-500), { sales: 0, baseMinor: 0 }, 'EUR')).toMatchObject({
      baseMinor: 0,
      amountMinor: 0,
    })
  })
})

const revenueTiers = [
  { from: 0, rateBp: 500 },
  { from: 100_000, rateBp: 800 },
]

describe('tiers by revenue (5% up to 1,000.00, 8% above)', () => {
  const marginal = rule({
    kind: 'tiered',
    measure: 'revenue',
    mode: 'marginal',
    tiers: revenueTiers,
  })
  const whole = rule({ kind: 'tiered', measure: 'revenue', mode: 'whole', tiers: revenueTiers })

  it('marginal: a sale crossing 1,000.00 pays 5% below the boundary and 8% above it', () => {
    // 800.00 at 5% = 40.00; then 400.00: 200.00 at 5% + 200.00 at 8% = 10.00 + 16.00.
    expect(period(marginal, [goods(80_000), goods(40_000)])).toEqual([4000, 2600])
    expect(period(marginal, [goods(80_000), goods(40_000), goods(10_000)])).toEqual([
      4000, 2600, 800,
    ])
  })

  it('marginal: exactly 1,000.00 is still all at 5%', () => {
    expect(period(marginal, [goods(100_000), goods(1)])).toEqual([5000, 0])
  })

  it('whole period: reaching the tier catches the period up to 8% on everything', () => {
    // 800.00 at 5% = 40.00; at 1,200.00 the period earns 96.00, so the second sale gets 56.00.
    expect(period(whole, [goods(80_000), goods(40_000)])).toEqual([4000, 5600])
    expect(period(whole, [goods(80_000), goods(40_000), goods(10_000)])).toEqual([4000, 5600, 800])
  })

  it('whole period: "above 1,000.00" means strictly above', () => {
    expect(period(whole, [goods(100_000)])).toEqual([5000])
    expect(period(whole, [goods(100_000), goods(1)])).toEqual([5000, 3000])
  })

  it('the plain-language summary says the same as the arithmetic', () => {
    expect(describeCommissionRule(marginal, 'EUR')).toBe(
      'Tiers by the promoter’s sales in each payout period: 5% up to €1,000.00, 8% above €1,000.00; each part of the period at its own tier’s rate, on merchandise after discount, without tax or shipping.',
    )
    expect(describeCommissionRule(whole, 'EUR')).toMatch(
      /; the whole period at the highest tier reached, on /,
    )
  })

  it('notes say how the amount was reached', () => {
    const note = (tiered: CommissionRule) =>
      commissionOf(tiered, goods(40_000), { sales: 1, baseMinor: 80_000 }, 'EUR').note
    expect(note(marginal)).toBe('tiers on €400.00 (period €1,200.00)')
    expect(note(whole)).toBe('8% tier on the period’s €1,200.00, less what it already earned')
  })
})

describe('tiers by number of sales (5% on sales 1–3, 8% from the 4th)', () => {
  const tiers = [
    { from: 0, rateBp: 500 },
    { from: 3, rateBp: 800 },
  ]
  const marginal = rule({ kind: 'tiered', measure: 'sales', mode: 'marginal', tiers })
  const whole = rule({ kind: 'tiered', measure: 'sales', mode: 'whole', tiers })
  const sales = [10_000, 10_000, 10_000, 10_000, 10_000].map(goods)

  it('marginal: each sale at the rate of the tier its number falls in', () => {
    expect(period(marginal, sales)).toEqual([500, 500, 500, 800, 800])
    expect(commissionOf(marginal, goods(10_000), { sales: 3, baseMinor: 30_000 }, 'EUR').note).toBe(
      '8% of €100.00 (sale 4 of the period)',
    )
  })

  it('the summary counts sales the way the arithmetic does', () => {
    expect(describeCommissionRule(marginal, 'EUR')).toBe(
      'Tiers by the promoter’s number of sales in each payout period: 5% on sales 1–3, 8% from the 4th sale; each part of the period at its own tier’s rate, on merchandise after discount, without tax or shipping.',
    )
  })

  it('whole period: the 4th sale catches the first three up to 8%', () => {
    // After four sales the period earns 8% of 400.00 = 32.00; the first three earned 15.00.
    expect(period(whole, sales)).toEqual([500, 500, 500, 1700, 800])
  })
})

/** The period's figure straight from its rule, without going sale by sale. */
function periodTotal(tiered: Extract<CommissionRule, { kind: 'tiered' }>, bases: number[]): number {
  const tiers = tiered.tiers
  const total = sum(bases)
  const rateAt = (reached: number, strict: boolean) =>
    [...tiers].reverse().find((tier) => (strict ? tier.from < reached : tier.from <= reached))
      ?.rateBp ?? 0
  const halfUp = (numerator: bigint) => Number((2n * numerator + 10_000n) / 20_000n)
  if (bases.length === 0) return 0
  if (tiered.measure === 'sales' && tiered.mode === 'marginal')
    return sum(bases.map((base, index) => halfUp(BigInt(base) * BigInt(rateAt(index, false)))))
  if (tiered.measure === 'sales')
    return halfUp(BigInt(total) * BigInt(rateAt(bases.length - 1, false)))
  if (tiered.mode === 'whole') return halfUp(BigInt(total) * BigInt(rateAt(total, true)))
  let exact = 0n
  tiers.forEach((tier, index) => {
    const top = Math.min(total, tiers[index + 1]?.from ?? Infinity)
    if (top > tier.from) exact += BigInt(top - tier.from) * BigInt(tier.rateBp)
  })
  return halfUp(exact)
}

const tieredRules = fc
  .record({
    measure: fc.constantFrom('sales' as const, 'revenue' as const),
    mode: fc.constantFrom('marginal' as const, 'whole' as const),
    starts: fc.uniqueArray(fc.integer({ min: 1, max: 300_000 }), { maxLength: 4 }),
    rates: fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 5, maxLength: 5 }),
  })
  .map(({ measure, mode, starts, rates }) => {
    const froms = [0, ...starts.map((start) => (measure === 'sales' ? start % 12 : start))]
    const unique = [...new Set(froms)].sort((a, b) => a - b)
    // Whole-period tiers cannot lower the rate: sort the rates up for them.
    const ordered = mode === 'whole' ? [...rates].sort((a, b) => a - b) : rates
    const tiers: CommissionTier[] = unique.map((from, index) => ({
      from,
      rateBp: ordered[index] ?? 0,
    }))
    return commissionRule.parse({ kind: 'tiered', measure, mode, tiers }) as Extract<
      CommissionRule,
      { kind: 'tiered' }
    >
  })

describe('tiered commissions, properties', () => {
  it('the sale-by-sale commissions add up to the period’s figure and are never negative', () => {
    fc.assert(
      fc.property(
        tieredRules,
        fc.array(fc.integer({ min: 0, max: 150_000 }), { maxLength: 25 }),
        (tiered, bases) => {
          const commissions = period(tiered, bases.map(goods))
          for (const commission of commissions) expect(commission).toBeGreaterThanOrEqual(0)
          expect(sum(commissions)).toBe(periodTotal(tiered, bases))
        },
      ),
      { numRuns: 500 },
    )
  })
})

describe('reversedPart', () => {
  it('takes back the refunded share, rounded half up, and everything on a full reversal', () => {
    expect(reversedPart(1800, 2250, 4500, false)).toBe(900)
    expect(reversedPart(1001, 2250, 4500, false)).toBe(501) // 500.5 rounds up
    expect(reversedPart(1800, 4500, 4500, false)).toBe(1800)
    expect(reversedPart(1800, 10, 4500, true)).toBe(1800)
    expect(reversedPart(1800, 9999, 4500, false)).toBe(1800)
    expect(reversedPart(-1001, 2250, 4500, false)).toBe(-501)
    // A sale of nothing (fully discounted) has nothing to share: any reversal takes it all.
    expect(reversedPart(500, 0, 0, false)).toBe(500)
  })

  it('refunds in random parts end reversed exactly in full, each step taking back ≥ 0', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 12 }),
        (commission, total, weights) => {
          // Cut the sale's total into parts in proportion to the weights; the last takes the rest.
          const weightSum = sum(weights)
          let returned = 0
          let reversed = 0
          weights.forEach((weight, index) => {
            const last = index === weights.length - 1
            const part = last ? total - returned : Math.floor((total * weight) / weightSum)
            returned += part
            const now = reversedPart(commission, returned, total, last)
            expect(now - reversed).toBeGreaterThanOrEqual(0)
            reversed = now
          })
          expect(returned).toBe(total)
          expect(reversed).toBe(commission)
          // Reached in full by amount alone, too.
          expect(reversedPart(commission, total, total, false)).toBe(commission)
        },
      ),
      { numRuns: 500 },
    )
  })
})
