import type { Tier } from '../../../shared/promotions/discounts'
import { amountOffEligible } from './fixed.discount'
import { percentOffEligible } from './percent.discount'
import { nothingTaken, type DiscountDefinition, type DiscountState } from './discount'

/** Where the eligible lines stand, as entered: items, or spend before discounts. */
function standing(basis: 'quantity' | 'spend', state: DiscountState): number {
  const { eligible, view } = state
  let total = 0
  for (let position = 0; position < eligible.length; position++) {
    const index = eligible[position] ?? 0
    total += basis === 'quantity' ? (view.lines[index]?.quantity ?? 0) : (view.grosses[index] ?? 0)
  }
  return total
}

function tierReached(tiers: readonly Tier[], actual: number): Tier | null {
  let reached: Tier | null = null
  for (const tier of tiers) if (tier.from <= actual) reached = tier
  return reached
}

/** More off as the eligible lines grow: the highest tier reached applies. */
export const tieredDiscount: DiscountDefinition<'tiered'> = {
  kind: 'tiered',
  qualify: (spec, state) => {
    const actual = standing(spec.basis, state)
    const reached = tierReached(spec.tiers, actual)
    const next = spec.tiers.find((tier) => tier.from > actual) ?? null
    const fact = {
      rule: 'tier',
      basis: spec.basis,
      reward: spec.reward,
      actual,
      reached,
      next,
    } as const
    if (reached) return { ok: true, fact }
    const first = spec.tiers[0] ?? { from: 0, value: 0 }
    return {
      ok: false,
      fact,
      refusal: {
        reason: 'tier_not_reached',
        basis: spec.basis,
        reward: spec.reward,
        missing: first.from - actual,
        firstTierValue: first.value,
      },
    }
  },
  apply: (spec, state) => {
    const tier = tierReached(spec.tiers, standing(spec.basis, state))
    if (!tier) return nothingTaken(state)
    const lines =
      spec.reward === 'amount'
        ? amountOffEligible(tier.value, state)
        : percentOffEligible(tier.value, state)
    return { lines, shipping: 0 }
  },
}
