import type { AttributionModel } from '../../shared/commissions/rules'
import type { WinReason } from '../../shared/contract/commissions'

/** A promoter's engagement with one customer as it stood at the moment of a sale. */
export interface Engagement {
  promoterId: number
  points: number
  firstAt: number
  lastAt: number
}

export interface ConsideredEngagement extends Engagement {
  /** False once the lifetime has passed since its last event. */
  alive: boolean
}

export interface Attribution {
  model: AttributionModel
  promoterId: number | null
  reason: WinReason
  /** Every engagement the customer had at the time, best first. */
  engagements: ConsideredEngagement[]
}

const DAY_MS = 86_400_000

type Compare = (a: Engagement, b: Engagement) => number

// Each model ranks by its own measure, then breaks ties by the other two, then by the lower
// promoter id, so the same history always gives the same winner.
const byNewest: Compare = (a, b) => b.lastAt - a.lastAt
const byFirst: Compare = (a, b) => a.firstAt - b.firstAt
const byPoints: Compare = (a, b) => b.points - a.points
const byId: Compare = (a, b) => a.promoterId - b.promoterId

const RANKINGS: Record<AttributionModel, Compare[]> = {
  newest: [byNewest, byPoints, byFirst, byId],
  first: [byFirst, byPoints, byNewest, byId],
  most_points: [byPoints, byNewest, byFirst, byId],
}

function rank(model: AttributionModel): Compare {
  const order = RANKINGS[model]
  return (a, b) => {
    for (const compare of order) {
      const difference = compare(a, b)
      if (difference !== 0) return difference
    }
    return 0
  }
}

/**
 * Who wins a sale made at `at`: among the customer's engagements still alive (an event within
 * the lifetime), the best by the program's model. Pure: the caller passes the engagements as
 * they stood at the time.
 */
export function chooseWinner(
  model: AttributionModel,
  lifetimeDays: number | null,
  engagements: readonly Engagement[],
  at: number,
): Attribution {
  const compare = rank(model)
  const considered = engagements
    .map((engagement) => ({
      ...engagement,
      alive: lifetimeDays === null || at - engagement.lastAt <= lifetimeDays * DAY_MS,
    }))
    .sort((a, b) => Number(b.alive) - Number(a.alive) || compare(a, b))
  const live = considered.filter((engagement) => engagement.alive)
  const winner = live[0]
  if (!winner) return { model, promoterId: null, reason: 'none', engagements: considered }
  return {
    model,
    promoterId: winner.promoterId,
    reason: live.length === 1 ? 'only' : model,
    engagements: considered,
  }
}
