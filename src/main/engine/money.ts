/**
 * Integer money arithmetic. The one rounding rule: round half up, applied per line after
 * multiplying by quantity. Intermediate products use BigInt so large amounts stay exact.
 */

/** round(a × b / d), halves rounded up, for non-negative integers. */
export function mulDivRoundHalfUp(a: number, b: number, d: number): number {
  if (a < 0 || b < 0 || d <= 0)
    throw new RangeError('mulDivRoundHalfUp takes non-negative operands')
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
  const bigTotal = BigInt(total)
  const bigSum = BigInt(weightSum)
  const parts = weights.map((weight) => {
    const exact = bigTotal * BigInt(weight)
    return { base: Number(exact / bigSum), remainder: exact % bigSum }
  })
  let left = total - parts.reduce((sum, part) => sum + part.base, 0)
  const order = parts
    .map((part, index) => ({ index, remainder: part.remainder }))
    .sort((a, b) =>
      a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
    )
  const result = parts.map((part) => part.base)
  for (const { index } of order) {
    if (left === 0) break
    result[index] = (result[index] ?? 0) + 1
    left -= 1
  }
  return result
}
