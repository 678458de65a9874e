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
  let weightSum = 0
  let largest = 0
  for (const weight of weights) {
    weightSum += weight
    if (weight > largest) largest = weight
  }
  if (total === 0 || weightSum === 0) return weights.map(() => 0)
  return Number.isSafeInteger(total * largest)
    ? prorateInDoubles(total, weights, weightSum)
    : prorateInBigInts(total, weights, weightSum)
}

/** Every product is an integer below 2^53, so doubles are exact (and much cheaper). */
function prorateInDoubles(total: number, weights: readonly number[], weightSum: number): number[] {
  const bases = new Array<number>(weights.length)
  const remainders = new Float64Array(weights.length)
  let left = total
  weights.forEach((weight, index) => {
    const exact = total * weight
    const base = Math.floor(exact / weightSum)
    bases[index] = base
    remainders[index] = exact - base * weightSum
    left -= base
  })
  if (left > 0) {
    const order = weights.map((_weight, index) => index)
    order.sort((a, b) => (remainders[b] ?? 0) - (remainders[a] ?? 0) || a - b)
    for (let rank = 0; rank < left; rank++) {
      const index = order[rank] ?? 0
      bases[index] = (bases[index] ?? 0) + 1
    }
  }
  return bases
}

function prorateInBigInts(total: number, weights: readonly number[], weightSum: number): number[] {
  const sum = BigInt(weightSum)
  const exact = weights.map((weight) => BigInt(total) * BigInt(weight))
  const bases = exact.map((product) => Number(product / sum))
  const remainders = exact.map((product) => product % sum)
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
