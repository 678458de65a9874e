import type {
  CommissionBase,
  CommissionKind,
  CommissionRule,
  CommissionTier,
} from '../../../../shared/commissions/rules'
import { currencyExponent } from '../../../../shared/money'

export const COMMISSION_KINDS: readonly CommissionKind[] = [
  'none',
  'flat',
  'percent',
  'tiered',
  'split',
]

export const COMMISSION_KIND_LABELS: Record<CommissionKind, string> = {
  none: 'None',
  flat: 'Flat per sale',
  percent: 'Percent of sale',
  tiered: 'Tiered',
  split: 'Revenue split',
}

export const COMMISSION_KIND_HELP: Record<CommissionKind, string> = {
  none: 'Promoters earn nothing on their sales; attribution is still recorded.',
  flat: 'The same amount for every sale attributed to the promoter.',
  percent: 'A percentage of each attributed sale.',
  tiered: 'The rate rises as the promoter sells more within a payout period.',
  split: 'The promoter and the business share each attributed sale.',
}

const NO_EXTRAS: CommissionBase = { includeTax: false, includeShipping: false }

/** One major unit of the currency in minor units (100 for EUR, 1 for JPY). */
export function majorUnit(currency: string): number {
  return 10 ** currencyExponent(currency)
}

/** A sensible starting rule of each kind; a base already chosen carries over. */
export function defaultRule(
  kind: CommissionKind,
  currency: string,
  previous?: CommissionRule,
): CommissionRule {
  const base = previous && 'base' in previous ? { ...previous.base } : { ...NO_EXTRAS }
  switch (kind) {
    case 'none':
      return { kind }
    case 'flat':
      return { kind, amountMinor: 5 * majorUnit(currency) }
    case 'percent':
      return { kind, rateBp: 1000, base }
    case 'split':
      return { kind, promoterShareBp: 4000, base }
    case 'tiered':
      return {
        kind,
        measure: 'revenue',
        mode: 'marginal',
        base,
        tiers: [
          { from: 0, rateBp: 500 },
          { from: 1000 * majorUnit(currency), rateBp: 800 },
        ],
      }
  }
}

/** What one sale is worth when tiers switch between counting sales and counting revenue. */
function saleWorth(currency: string): number {
  return 100 * majorUnit(currency)
}

/** Keeps tiers rising when their measure changes: 10 sales ↔ 1,000.00 of revenue. */
export function convertTiers(
  tiers: CommissionTier[],
  to: 'sales' | 'revenue',
  currency: string,
): CommissionTier[] {
  const worth = saleWorth(currency)
  let previous = -1
  return tiers.map((tier, index) => {
    const from = Number.isFinite(tier.from) ? tier.from : 0
    const converted =
      index === 0 ? 0 : to === 'revenue' ? from * worth : Math.max(1, Math.round(from / worth))
    previous = Math.max(converted, previous + 1)
    return { ...tier, from: previous }
  })
}

/** The next tier's start and rate: a step above the last one. */
export function nextTier(
  tiers: CommissionTier[],
  measure: 'sales' | 'revenue',
  currency: string,
): CommissionTier {
  const last = tiers.at(-1)
  const step = measure === 'sales' ? 10 : 1000 * majorUnit(currency)
  const from = last && Number.isFinite(last.from) ? last.from : 0
  const rate = last && Number.isFinite(last.rateBp) ? last.rateBp : 0
  return { from: from + step, rateBp: Math.min(10_000, rate + 200) }
}
