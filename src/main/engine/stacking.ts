import type { RefusalReason } from '../../shared/refusals'
import type { CartView } from './cart-view'
import { applyDiscount } from './discounts'
import type { Examined } from './examine'

/** What one set of promotions takes off, applied in order on what the previous ones left. */
export interface Application {
  members: Examined[]
  /** Per campaign, what it took off each cart line. */
  lines: Map<number, number[]>
  shipping: Map<number, number>
  total: number
}

const byPriority = (a: Examined, b: Examined) =>
  a.promotion.stacking.priority - b.promotion.stacking.priority ||
  a.promotion.campaignId - b.promotion.campaignId

/**
 * Clamps what a discount asks for to what is left of each line (so no discount kind can take a
 * line below zero), takes it off `remaining`, and returns the sum taken.
 */
function takeFromLines(parts: number[], remaining: number[]): number {
  let taken = 0
  for (let index = 0; index < parts.length; index++) {
    const left = remaining[index] ?? 0
    const part = Math.max(0, Math.min(parts[index] ?? 0, left))
    parts[index] = part
    remaining[index] = left - part
    taken += part
  }
  return taken
}

/** Applies promotions in order, each on what the ones before it left. */
function applyInOrder(members: Examined[], view: CartView): Application {
  const remaining = view.grosses.slice()
  let shippingRemaining = view.shippingMinor
  const lines = new Map<number, number[]>()
  const shipping = new Map<number, number>()
  let total = 0
  for (const member of members) {
    const taken = applyDiscount(member.promotion.discount, {
      view,
      eligible: member.eligible,
      remaining,
      shippingRemaining,
    })
    total += takeFromLines(taken.lines, remaining)
    const offShipping = Math.max(0, Math.min(taken.shipping, shippingRemaining))
    shippingRemaining -= offShipping
    total += offShipping
    lines.set(member.promotion.campaignId, taken.lines)
    shipping.set(member.promotion.campaignId, offShipping)
  }
  return { members, lines, shipping, total }
}

/**
 * The stacking rules: combinable promotions go together, at most one per stacking group (the
 * first by priority); an exclusive promotion goes alone. Of the allowed options, the one giving
 * the most wins; ties go to the option holding the typed code, then to the combined one.
 */
export function choose(
  qualified: Examined[],
  view: CartView,
): { chosen: Application; dropped: Map<number, RefusalReason> } {
  const dropped = new Map<number, RefusalReason>()
  const ordered = [...qualified].sort(byPriority)
  const combined: Examined[] = []
  const groupWinners = new Map<string, Examined>()
  for (const candidate of ordered) {
    const { mode, group } = candidate.promotion.stacking
    if (mode !== 'combinable') continue
    const winner = group === null ? undefined : groupWinners.get(group)
    if (winner) {
      dropped.set(candidate.promotion.campaignId, {
        reason: 'outranked',
        why: 'group',
        group: group ?? '',
        by: winner.promotion.name,
      })
      continue
    }
    if (group !== null) groupWinners.set(group, candidate)
    combined.push(candidate)
  }
  const options = [
    ...(combined.length > 0 ? [applyInOrder(combined, view)] : []),
    ...ordered
      .filter((candidate) => candidate.promotion.stacking.mode === 'exclusive')
      .map((candidate) => applyInOrder([candidate], view)),
  ]
  const best = bestOf(options)
  // An exclusive winner pushes out everything else; combined winners push out the exclusives.
  const bestIsExclusive = best.members[0]?.promotion.stacking.mode === 'exclusive'
  const by = best.members.map((member) => member.promotion.name).join(', ')
  for (const option of options) {
    if (option === best) continue
    for (const member of option.members) {
      dropped.set(member.promotion.campaignId, {
        reason: 'outranked',
        why: bestIsExclusive ? 'exclusive' : 'combined',
        by,
      })
    }
  }
  return { chosen: best, dropped }
}

const holdsCode = (option: Application) =>
  option.members.some((member) => member.promotion.code !== null)

/** The option giving the most; ties go to the one holding the typed code, then the first. */
function bestOf(options: readonly Application[]): Application {
  let best: Application = { members: [], lines: new Map(), shipping: new Map(), total: 0 }
  for (const option of options) {
    if (
      best.members.length === 0 ||
      option.total > best.total ||
      (option.total === best.total && holdsCode(option) && !holdsCode(best))
    ) {
      best = option
    }
  }
  return best
}
