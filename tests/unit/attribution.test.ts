import { describe, expect, it } from 'vitest'
import { chooseWinner, type Engagement } from '../../src/main/commissions/choose-winner'
import { explainAttribution } from '../../src/shared/commissions/explain-attribution'
import { ATTRIBUTION_MODELS } from '../../src/shared/commissions/rules'

const DAY = 86_400_000
const T0 = Date.UTC(2026, 2, 1, 12, 0)
const day = (n: number) => T0 + n * DAY

/**
 * One customer's history, seen from a sale on day 31 with a 30-day lifetime:
 * - promoter 1 brought them in on day 1 (a visit) and visited again on days 10 and 20: 3 points;
 * - promoter 2's coupon was used on day 28: the newest, 10 points;
 * - promoter 3 had a manual entry on day 5 and 4 visits up to day 15: 25 points;
 * - promoter 4 came first of all, on day 0, with 50 points, and was never seen again: expired.
 */
const HISTORY: Engagement[] = [
  { promoterId: 3, points: 25, firstAt: day(5), lastAt: day(15) },
  { promoterId: 1, points: 3, firstAt: day(1), lastAt: day(20) },
  { promoterId: 4, points: 50, firstAt: day(0), lastAt: day(0) },
  { promoterId: 2, points: 10, firstAt: day(28), lastAt: day(28) },
]
const SALE = day(31)

describe('chooseWinner on one event history', () => {
  it.each([
    ['newest', 2, [2, 1, 3, 4]],
    ['first', 1, [1, 3, 2, 4]],
    ['most_points', 3, [3, 2, 1, 4]],
  ] as const)('%s: promoter %d wins', (model, winner, order) => {
    const attribution = chooseWinner(model, 30, HISTORY, SALE)
    expect(attribution).toMatchObject({ model, promoterId: winner, reason: model })
    // Live engagements first, best first; the expired one last, reported as not alive.
    expect(attribution.engagements.map((engagement) => engagement.promoterId)).toEqual(order)
    expect(attribution.engagements.map((engagement) => engagement.alive)).toEqual([
      true,
      true,
      true,
      false,
    ])
  })

  it('an expired engagement never wins, however first or rich it is', () => {
    for (const model of ATTRIBUTION_MODELS) {
      expect(chooseWinner(model, 30, HISTORY, SALE).promoterId).not.toBe(4)
    }
    // Without a lifetime it counts again, and wins the models it leads.
    expect(chooseWinner('first', null, HISTORY, SALE).promoterId).toBe(4)
    expect(chooseWinner('most_points', null, HISTORY, SALE).promoterId).toBe(4)
    expect(chooseWinner('newest', null, HISTORY, SALE).promoterId).toBe(2)
  })

  it('an engagement is alive up to exactly its lifetime after its last event', () => {
    const one: Engagement[] = [{ promoterId: 7, points: 1, firstAt: day(0), lastAt: day(0) }]
    expect(chooseWinner('newest', 30, one, day(30))).toMatchObject({
      promoterId: 7,
      reason: 'only',
    })
    const late = chooseWinner('newest', 30, one, day(30) + 1)
    expect(late).toMatchObject({ promoterId: null, reason: 'none' })
    expect(late.engagements).toEqual([{ ...one[0], alive: false }])
  })

  it('a single live engagement wins as the only one, whatever the model', () => {
    for (const model of ATTRIBUTION_MODELS) {
      const attribution = chooseWinner(model, 5, HISTORY, SALE)
      expect(attribution).toMatchObject({ promoterId: 2, reason: 'only' })
      expect(attribution.engagements.filter((engagement) => engagement.alive)).toHaveLength(1)
    }
  })

  it('no engagements: nobody wins', () => {
    for (const model of ATTRIBUTION_MODELS)
      expect(chooseWinner(model, 30, [], SALE)).toEqual({
        model,
        promoterId: null,
        reason: 'none',
        engagements: [],
      })
  })

  it('does not change the engagements it is given', () => {
    const copy = structuredClone(HISTORY)
    chooseWinner('most_points', 30, HISTORY, SALE)
    expect(HISTORY).toEqual(copy)
  })
})

describe('ties', () => {
  const winner = (model: (typeof ATTRIBUTION_MODELS)[number], engagements: Engagement[]) =>
    chooseWinner(model, null, engagements, day(40)).promoterId

  it('newest: the same last event → more points, then the earlier first event', () => {
    expect(
      winner('newest', [
        { promoterId: 1, points: 5, firstAt: day(1), lastAt: day(9) },
        { promoterId: 2, points: 8, firstAt: day(3), lastAt: day(9) },
      ]),
    ).toBe(2)
    expect(
      winner('newest', [
        { promoterId: 1, points: 5, firstAt: day(3), lastAt: day(9) },
        { promoterId: 2, points: 5, firstAt: day(1), lastAt: day(9) },
      ]),
    ).toBe(2)
  })

  it('first: the same first event → more points, then the newer last event', () => {
    expect(
      winner('first', [
        { promoterId: 1, points: 5, firstAt: day(1), lastAt: day(9) },
        { promoterId: 2, points: 8, firstAt: day(1), lastAt: day(2) },
      ]),
    ).toBe(2)
    expect(
      winner('first', [
        { promoterId: 1, points: 5, firstAt: day(1), lastAt: day(2) },
        { promoterId: 2, points: 5, firstAt: day(1), lastAt: day(9) },
      ]),
    ).toBe(2)
  })

  it('most points: the same points → the newer last event, then the earlier first event', () => {
    expect(
      winner('most_points', [
        { promoterId: 1, points: 5, firstAt: day(1), lastAt: day(2) },
        { promoterId: 2, points: 5, firstAt: day(3), lastAt: day(9) },
      ]),
    ).toBe(2)
    expect(
      winner('most_points', [
        { promoterId: 1, points: 5, firstAt: day(3), lastAt: day(9) },
        { promoterId: 2, points: 5, firstAt: day(1), lastAt: day(9) },
      ]),
    ).toBe(2)
  })

  it('everything equal: the lower promoter id wins, in any order given', () => {
    const same = (promoterId: number): Engagement => ({
      promoterId,
      points: 5,
      firstAt: day(1),
      lastAt: day(9),
    })
    for (const model of ATTRIBUTION_MODELS) {
      expect(winner(model, [same(9), same(4), same(6)])).toBe(4)
      expect(winner(model, [same(4), same(9), same(6)])).toBe(4)
    }
  })
})

describe('explainAttribution', () => {
  const names: Record<number, string> = { 1: 'Ana', 2: 'Bo', 3: 'Cy', 4: 'Dee' }
  const nameOf = (promoterId: number) => names[promoterId] ?? '?'

  it.each([
    [
      'newest',
      'Bo earned this sale: the newest of 3 live engagements (1 expired engagement did not count).',
    ],
    [
      'first',
      'Ana earned this sale: the first of 3 live engagements (1 expired engagement did not count).',
    ],
    [
      'most_points',
      'Cy earned this sale: the most points of 3 live engagements (1 expired engagement did not count).',
    ],
  ] as const)('%s', (model, sentence) => {
    expect(explainAttribution(chooseWinner(model, 30, HISTORY, SALE), nameOf)).toBe(sentence)
  })

  it('the only live engagement, several expired', () => {
    expect(explainAttribution(chooseWinner('newest', 5, HISTORY, SALE), nameOf)).toBe(
      'Bo earned this sale: theirs was the customer’s only live engagement (3 expired engagements did not count).',
    )
  })

  it('nobody: with and without expired engagements', () => {
    expect(explainAttribution(chooseWinner('newest', 30, [], SALE), nameOf)).toBe(
      'No promoter earned this sale: the customer had no live engagement and no promoter’s code was used.',
    )
    expect(explainAttribution(chooseWinner('newest', 1, HISTORY, day(60)), nameOf)).toBe(
      'No promoter earned this sale: the customer had no live engagement and no promoter’s code was used (4 expired engagements did not count).',
    )
  })

  it('the code’s owner, when the sale had no customer to compare engagements', () => {
    expect(
      explainAttribution(
        { model: 'newest', promoterId: 4, reason: 'code_owner', engagements: [] },
        nameOf,
      ),
    ).toBe(
      'Dee earned this sale: their code was used and no customer was recorded to compare engagements.',
    )
  })
})
