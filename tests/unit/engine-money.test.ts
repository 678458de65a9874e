import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { mulDivRoundHalfUp, percentOf, prorate } from '../../src/main/engine/money'

describe('percentOf', () => {
  it.each([
    [1000, 1000, 100],
    [5, 1000, 1], // 0.5 rounds up
    [4, 1250, 1], // 0.5 rounds up
    [15, 1000, 2], // 1.5 rounds up
    [14, 1000, 1], // 1.4 rounds down
    [16, 1000, 2], // 1.6 rounds up
    [3, 3333, 1], // 0.9999 rounds up
    [1, 4999, 0], // 0.4999 rounds down
    [0, 3000, 0],
    [999, 0, 0],
    [2499, 10_000, 2499],
  ])('%d × %d bp = %d (half up)', (amount, bp, expected) => {
    expect(percentOf(amount, bp)).toBe(expected)
  })

  it('stays exact for amounts whose product overflows a double', () => {
    expect(percentOf(Number.MAX_SAFE_INTEGER, 10_000)).toBe(Number.MAX_SAFE_INTEGER)
    expect(percentOf(Number.MAX_SAFE_INTEGER, 5000)).toBe(4503599627370496)
  })

  it('refuses negative operands instead of rounding them the wrong way', () => {
    expect(() => mulDivRoundHalfUp(-1, 1, 2)).toThrow(RangeError)
    expect(() => mulDivRoundHalfUp(1, 1, 0)).toThrow(RangeError)
  })

  it('never exceeds the amount and is within half a unit of the exact value', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.integer({ min: 0, max: 10_000 }),
        (amount, bp) => {
          const result = percentOf(amount, bp)
          expect(result).toBeLessThanOrEqual(amount)
          // |result − amount·bp/10000| ≤ 1/2, in integers.
          const error = BigInt(result) * 20_000n - BigInt(amount) * BigInt(bp) * 2n
          expect(error <= 10_000n && error > -10_000n).toBe(true)
        },
      ),
      { numRuns: 500 },
    )
  })
})

describe('prorate', () => {
  it('splits by largest remainder, ties to the earlier line', () => {
    expect(prorate(100, [1, 1, 1])).toEqual([34, 33, 33])
    expect(prorate(10, [3, 3, 4])).toEqual([3, 3, 4])
    expect(prorate(5, [1, 2])).toEqual([2, 3])
    expect(prorate(1, [1, 1])).toEqual([1, 0])
  })

  it('gives zeros when there is nothing to split or no weight', () => {
    expect(prorate(0, [5, 5])).toEqual([0, 0])
    expect(prorate(7, [0, 0])).toEqual([0, 0])
    expect(prorate(7, [])).toEqual([])
  })

  const weights = fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 30 })
  const splits = fc
    .tuple(fc.integer({ min: 0, max: 1e11 }), weights)
    .filter(([, ws]) => ws.some((weight) => weight > 0))

  it('parts sum exactly to the total', () => {
    fc.assert(
      fc.property(splits, ([total, ws]) => {
        expect(prorate(total, ws).reduce((sum, part) => sum + part, 0)).toBe(total)
      }),
      { numRuns: 400 },
    )
  })

  it('each part is within one unit of its exact share, never negative, zero for zero weight', () => {
    fc.assert(
      fc.property(splits, ([total, ws]) => {
        const parts = prorate(total, ws)
        const weightSum = BigInt(ws.reduce((sum, weight) => sum + weight, 0))
        parts.forEach((part, index) => {
          const weight = ws[index] ?? 0
          expect(Number.isInteger(part)).toBe(true)
          expect(part).toBeGreaterThanOrEqual(0)
          if (weight === 0) expect(part).toBe(0)
          // |part − total·weight/Σ| < 1  ⇔  |part·Σ − total·weight| < Σ
          const gap = BigInt(part) * weightSum - BigInt(total) * BigInt(weight)
          expect(gap < weightSum && gap > -weightSum).toBe(true)
        })
      }),
      { numRuns: 400 },
    )
  })

  it('is deterministic', () => {
    fc.assert(
      fc.property(splits, ([total, ws]) => {
        expect(prorate(total, ws)).toEqual(prorate(total, [...ws]))
      }),
      { numRuns: 100 },
    )
  })
})

/** The rules written the slow, obviously exact way, to hold the fast paths to. */
function referenceMulDiv(a: number, b: number, d: number): number {
  return Number((BigInt(a) * BigInt(b) * 2n + BigInt(d)) / (BigInt(d) * 2n))
}

function referenceProrate(total: number, weights: number[]): number[] {
  const sum = weights.reduce((acc, weight) => acc + weight, 0)
  if (total === 0 || sum === 0) return weights.map(() => 0)
  const exact = weights.map((weight) => BigInt(total) * BigInt(weight))
  const bases = exact.map((product) => Number(product / BigInt(sum)))
  const remainders = exact.map((product) => product % BigInt(sum))
  let left = total - bases.reduce((acc, base) => acc + base, 0)
  const order = weights
    .map((_weight, index) => index)
    .sort((a, b) => {
      const ra = remainders[a] ?? 0n
      const rb = remainders[b] ?? 0n
      return ra === rb ? a - b : ra > rb ? -1 : 1
    })
  for (const index of order) {
    if (left === 0) break
    bases[index] = (bases[index] ?? 0) + 1
    left -= 1
  }
  return bases
}

describe('the double-precision fast paths agree with exact BigInt arithmetic', () => {
  const amount = fc.oneof(
    fc.integer({ min: 0, max: 1_000_000 }),
    fc.integer({ min: 0, max: 2 ** 45 }),
  )
  it('mulDivRoundHalfUp', () => {
    fc.assert(
      fc.property(
        amount,
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: 1, max: 2 ** 40 }),
        (a, b, d) => {
          expect(mulDivRoundHalfUp(a, b, d)).toBe(referenceMulDiv(a, b, d))
        },
      ),
      { numRuns: 2000 },
    )
  })
  it('prorate', () => {
    fc.assert(
      fc.property(amount, fc.array(amount, { maxLength: 12 }), (total, weights) => {
        expect(prorate(total, weights)).toEqual(referenceProrate(total, weights))
      }),
      { numRuns: 2000 },
    )
  })
  it('prorate over a cart of lines, small totals with tied remainders and huge weights too', () => {
    // Cart-sized lists pick the leftover units without sorting; weights summing past 2^53 ÷
    // their count fall back to a sort. Both must match the reference.
    const total = fc.oneof(fc.integer({ min: 1, max: 60 }), amount)
    // Repeated weights give tied remainders, which go to the earlier line.
    const weight = fc.oneof(
      fc.integer({ min: 0, max: 3 }),
      fc.constantFrom(2 ** 46, 2 ** 45 + 7, 1_999),
      fc.integer({ min: 0, max: 2 ** 46 }),
      amount,
    )
    fc.assert(
      fc.property(total, fc.array(weight, { minLength: 13, maxLength: 120 }), (sum, weights) => {
        expect(prorate(sum, weights)).toEqual(referenceProrate(sum, weights))
      }),
      { numRuns: 1000 },
    )
  })
})
