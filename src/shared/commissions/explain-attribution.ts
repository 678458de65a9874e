import type { AttributionModel } from './rules'

interface AttributionFacts {
  model: AttributionModel
  promoterId: number | null
  reason: 'only' | 'newest' | 'first' | 'most_points' | 'code_owner' | 'none'
  engagements: { alive: boolean }[]
}

/** One sentence on who earned a sale and why. */
export function explainAttribution(
  attribution: AttributionFacts,
  nameOf: (promoterId: number) => string,
): string {
  const live = attribution.engagements.filter((engagement) => engagement.alive).length
  const expired = attribution.engagements.length - live
  const expiredNote =
    expired === 0
      ? ''
      : ` (${expired} expired ${expired === 1 ? 'engagement' : 'engagements'} did not count)`
  if (attribution.promoterId === null)
    return `No promoter earned this sale: the customer had no live engagement and no promoter’s code was used${expiredNote}.`
  const name = nameOf(attribution.promoterId)
  switch (attribution.reason) {
    case 'code_owner':
      return `${name} earned this sale: their code was used and no customer was recorded to compare engagements.`
    case 'only':
      return `${name} earned this sale: theirs was the customer’s only live engagement${expiredNote}.`
    case 'newest':
      return `${name} earned this sale: the newest of ${live} live engagements${expiredNote}.`
    case 'first':
      return `${name} earned this sale: the first of ${live} live engagements${expiredNote}.`
    case 'most_points':
      return `${name} earned this sale: the most points of ${live} live engagements${expiredNote}.`
    case 'none':
      return `${name} earned this sale.`
  }
}
