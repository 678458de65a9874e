import { describe, expect, it } from 'vitest'
import { changeRatio } from '../../src/shared/analytics/metrics'
import {
  bucketTick,
  dayCount,
  presetRange,
  rangeProblem,
} from '../../src/renderer/src/components/analytics/date-range'

describe('analytics periods', () => {
  it('turns presets into ranges of days, both ends included', () => {
    const today = '2026-03-10'
    expect(presetRange('last7', today)).toEqual({ from: '2026-03-04', to: today })
    expect(presetRange('last30', today)).toEqual({ from: '2026-02-09', to: today })
    expect(presetRange('thisMonth', today)).toEqual({ from: '2026-03-01', to: today })
    expect(presetRange('lastMonth', today)).toEqual({ from: '2026-02-01', to: '2026-02-28' })
    expect(presetRange('lastMonth', '2026-01-15')).toEqual({
      from: '2025-12-01',
      to: '2025-12-31',
    })
    expect(presetRange('thisYear', today)).toEqual({ from: '2026-01-01', to: today })
    // Across the spring DST change: calendar days, not 24-hour steps in some zone.
    expect(dayCount(presetRange('last30', '2026-04-10'))).toBe(30)
  })

  it('refuses what the API would refuse, naming the field', () => {
    expect(rangeProblem({ from: '2026-03-01', to: '2026-03-31' })).toBeNull()
    expect(rangeProblem({ from: '', to: '2026-03-31' })?.field).toBe('from')
    expect(rangeProblem({ from: '2026-03-31', to: '2026-03-01' })).toEqual({
      field: 'to',
      message: 'The first day must not be after the last.',
    })
    expect(rangeProblem({ from: '2020-01-01', to: '2026-03-01' })?.field).toBe('from')
  })

  it('labels chart buckets briefly and compares with the period before', () => {
    expect(bucketTick('2026-03-05')).toBe('5 Mar')
    expect(bucketTick('2026-03')).toBe('Mar 2026')
    expect(changeRatio(150, 100)).toBe(0.5)
    expect(changeRatio(50, 100)).toBe(-0.5)
    expect(changeRatio(-50, -100)).toBe(0.5)
    expect(changeRatio(10, 0)).toBeNull()
  })
})
