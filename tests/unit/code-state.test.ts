import { describe, expect, it } from 'vitest'
import { codeState, effectiveWindow } from '../../src/main/engine/code-state'

const NOW = Date.UTC(2026, 2, 10, 12)
const base = { active: true, startsAt: NOW - 1000, endsAt: NOW + 1000, maxUses: 20, uses: 3 }

describe('codeState', () => {
  it.each([
    [{}, 'active'],
    [{ active: false, uses: 20, endsAt: NOW - 1 }, 'inactive'],
    [{ uses: 20, endsAt: NOW - 1 }, 'exhausted'],
    [{ endsAt: NOW }, 'expired'],
    [{ startsAt: NOW + 1 }, 'scheduled'],
    [{ startsAt: NOW }, 'active'],
    [{ maxUses: null, uses: 1_000_000, startsAt: null, endsAt: null }, 'active'],
  ] as const)('%o is %s', (overrides, state) => {
    expect(codeState({ ...base, ...overrides }, NOW)).toBe(state)
  })
})

describe('effectiveWindow', () => {
  it('narrows the code window by the campaign window; open ends inherit', () => {
    expect(effectiveWindow({ startsAt: 10, endsAt: 50 }, { startsAt: 20, endsAt: 40 })).toEqual({
      startsAt: 20,
      endsAt: 40,
    })
    expect(effectiveWindow({ startsAt: null, endsAt: 30 }, { startsAt: 5, endsAt: null })).toEqual({
      startsAt: 5,
      endsAt: 30,
    })
    expect(
      effectiveWindow({ startsAt: null, endsAt: null }, { startsAt: null, endsAt: null }),
    ).toEqual({ startsAt: null, endsAt: null })
  })
})
