/**
 * Integer money arithmetic. The one rounding rule: round half up, applied per line after
 * multiplying by quantity. Intermediate products use BigInt so large amounts stay exact.
 */

/** round(a × b / d), halves rounded up, for non-negative integers. */
export function mulDivRoundHalfUp(a: number, b: number, d: number): number {
  if (a < 0 || b < 0 || d <= 0)
    throw new RangeError('mulDivRoundHalfUp takes non-negative operands')
  const small = a * b
  // Exact in doubles while the product stays an integer below 2^53 (the common case):
  // the same result as the BigInt path, without its allocation.
  if (Number.isSafeInteger(small * 2 + d)) return Math.floor((small * 2 + d) / (d * 2))
  const product = BigInt(a) * BigInt(b)
  const divisor = BigInt(d)
  return Number((product * 2n + divisor) / (divisor * 2n))
}

/** `amount × bp / 10000`, rounded half up. */
export function percentOf(amountMinor: number, basisPoints: number): number {
  return mulDivRoundHalfUp(amountMinor, basisPoints, 10_000)
}

/**
 * Splits `total` over `weights` in proportion, by largest remainder: the parts are integers,
 * each within one unit of its exact share, and they always sum to `total` exactly.
 * Ties go to the earlier weight, so the result is deterministic.
 */
export function prorate(total: number, weights: readonly number[]): number[] {
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0)
  if (total === 0 || weightSum === 0) return weights.map(() => 0)
  const largest = weights.reduce((max, weight) => Math.max(max, weight), 0)
  const bases: number[] = []
  const remainders: (number | bigint)[] = []
  if (Number.isSafeInteger(total * largest)) {
    // Exact in doubles: every product is an integer below 2^53.
    for (const weight of weights) {
      const exact = total * weight
      bases.push(Math.floor(exact / weightSum))
      remainders.push(exact % weightSum)
    }
  } else {
    const sum = BigInt(weightSum)
    for (const weight of weights) {
      const exact = BigInt(total) * BigInt(weight)
      bases.push(Number(exact / sum))
      remainders.push(exact % sum)
    }
  }
  let left = total - bases.reduce((sum, base) => sum + base, 0)
  if (left === 0) return bases
  const order = weights
    .map((_weight, index) => index)
    .sort((a, b) => {
      const ra = remainders[a] ?? 0
      const rb = remainders[b] ?? 0
      return ra === rb ? a - b : ra > rb ? -1 : 1
    })
  for (const index of order) {
    if (left === 0) break
    bases[index] = (bases[index] ?? 0) + 1
    left -= 1
  }
  return bases
}
