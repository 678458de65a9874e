import type { DiscountSpec } from '../../../shared/promotions/discounts'
import { selectsEverything } from '../../../shared/promotions/selectors'
import { selectedLines } from '../cart-view'
import { mulDivRoundHalfUp } from '../money'
import { nothingTaken, type DiscountDefinition, type DiscountState } from './discount'

type BuyXGetY = Extract<DiscountSpec, { kind: 'buy_x_get_y' }>

interface Deal {
  applications: number
  /** Units given, per cart line. */
  given: ReadonlyMap<number, number>
  /** Qualifying items missing for a first application (0 when it applies). */
  missingItems: number
}

const nothingGiven: ReadonlyMap<number, number> = new Map()

function noDeal(missingItems: number): Deal {
  return { applications: 0, given: nothingGiven, missingItems }
}

/** Lines with their unit value, cheapest first (ties: cart order), so the cheapest are given. */
function cheapestFirst(
  indexes: readonly number[],
  amounts: readonly number[],
  state: DiscountState,
) {
  return indexes
    .map((index) => {
      const units = state.view.lines[index]?.quantity ?? 0
      return { index, units, unitValue: (amounts[index] ?? 0) / Math.max(units, 1) }
    })
    .sort((a, b) => a.unitValue - b.unitValue || a.index - b.index)
}

function take(lines: ReturnType<typeof cheapestFirst>, count: number): Map<number, number> {
  const given = new Map<number, number>()
  let left = count
  for (const line of lines) {
    if (left === 0) break
    const units = Math.min(line.units, left)
    if (units > 0) given.set(line.index, units)
    left -= units
  }
  return given
}

const unitsOf = (indexes: readonly number[], state: DiscountState) =>
  indexes.reduce((sum, index) => sum + (state.view.lines[index]?.quantity ?? 0), 0)

/** The lines in both ascending pools; null when there are none (the usual case: no Set made). */
function linesInBoth(a: readonly number[], b: readonly number[]): Set<number> | null {
  let both: Set<number> | null = null
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    const left = a[i] ?? 0
    const right = b[j] ?? 0
    if (left === right) (both ??= new Set()).add(left)
    if (left <= right) i++
    if (right <= left) j++
  }
  return both
}

/**
 * Works out the deal: how often it applies and which units are given. On the same items, every
 * application needs buy + get units and the cheapest units are the given ones; on other items,
 * the given units are the cheapest of those, and a unit counts as bought or given, never both.
 */
function dealOf(
  spec: BuyXGetY,
  state: DiscountState,
  amounts: readonly number[],
  /** False when only how often it applies matters: no sorting, no units picked. */
  needGiven: boolean,
): Deal {
  const max = spec.maxApplications ?? Number.MAX_SAFE_INTEGER
  const buyPool = selectedLines(spec.buyItems, state.view, state.eligible)
  if (selectsEverything(spec.getItems)) {
    const perDeal = spec.buyQuantity + spec.getQuantity
    const units = unitsOf(buyPool, state)
    const applications = Math.min(Math.floor(units / perDeal), max)
    if (applications === 0) return noDeal(perDeal - units)
    if (!needGiven) return { applications, given: nothingGiven, missingItems: 0 }
    const given = take(cheapestFirst(buyPool, amounts, state), applications * spec.getQuantity)
    return { applications, given, missingItems: 0 }
  }
  const getPool = selectedLines(spec.getItems, state.view, state.eligible)
  const bought = unitsOf(buyPool, state)
  if (bought < spec.buyQuantity) return noDeal(spec.buyQuantity - bought)
  const available = unitsOf(getPool, state)
  if (available === 0) return noDeal(spec.getQuantity)
  const inBoth = linesInBoth(buyPool, getPool)
  let count = Math.min(
    Math.min(Math.floor(bought / spec.buyQuantity), max) * spec.getQuantity,
    available,
  )
  if (!inBoth && !needGiven) {
    return {
      applications: Math.ceil(count / spec.getQuantity),
      given: nothingGiven,
      missingItems: 0,
    }
  }
  const ordered = cheapestFirst(getPool, amounts, state)
  for (; count > 0; count--) {
    const given = take(ordered, count)
    let givenFromBought = 0
    for (const [index, units] of given) if (inBoth?.has(index)) givenFromBought += units
    const applications = Math.ceil(count / spec.getQuantity)
    if (bought - givenFromBought >= applications * spec.buyQuantity) {
      return { applications, given, missingItems: 0 }
    }
  }
  return noDeal(spec.buyQuantity)
}

/** Buy X get Y: same or other items, the cheapest given first, free or at a percent off. */
export const buyXGetYDiscount: DiscountDefinition<'buy_x_get_y'> = {
  kind: 'buy_x_get_y',
  qualify: (spec, state) => {
    const deal = dealOf(spec, state, state.view.grosses, false)
    const fact = {
      rule: 'deal',
      buyQuantity: spec.buyQuantity,
      getQuantity: spec.getQuantity,
      applications: deal.applications,
      missingItems: deal.missingItems,
    } as const
    if (deal.applications > 0) return { ok: true, fact }
    return {
      ok: false,
      fact,
      refusal: {
        reason: 'deal_incomplete',
        buyQuantity: spec.buyQuantity,
        getQuantity: spec.getQuantity,
        missingItems: deal.missingItems,
      },
    }
  },
  apply: (spec, state) => {
    const taken = nothingTaken(state)
    const deal = dealOf(spec, state, state.remaining, true)
    for (const [index, units] of deal.given) {
      const left = state.remaining[index] ?? 0
      const quantity = state.view.lines[index]?.quantity ?? 1
      const share = mulDivRoundHalfUp(left, units * spec.getPercentBp, quantity * 10_000)
      taken.lines[index] = Math.min(share, left)
    }
    return taken
  },
}
