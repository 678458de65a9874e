import { describe, expect, it } from 'vitest'
import {
  bookingPeriod,
  isPeriodOf,
  nextPeriodKey,
  periodBounds,
  periodKeyOf,
} from '../../src/main/commissions/periods'
import { periodLabel } from '../../src/shared/commissions/periods'

const PARIS = 'Europe/Paris'

describe('payout periods', () => {
  it('are months in the business’s time zone, ending at its local midnight', () => {
    expect(periodKeyOf(Date.UTC(2026, 2, 31, 21, 59), PARIS, 'monthly')).toBe('2026-03')
    expect(periodKeyOf(Date.UTC(2026, 2, 31, 22, 0), PARIS, 'monthly')).toBe('2026-04')
    expect(periodBounds('2026-03', PARIS)).toEqual({
      startsAt: Date.UTC(2026, 1, 28, 23, 0),
      endsAt: Date.UTC(2026, 2, 31, 22, 0), // summer time began on March 29
    })
    expect(nextPeriodKey('2026-12', PARIS)).toBe('2027-01')
  })

  it('or ISO weeks, Monday to Sunday, across the turn of a year', () => {
    expect(periodKeyOf(Date.UTC(2026, 11, 31, 12), PARIS, 'weekly')).toBe('2026-W53')
    expect(periodKeyOf(Date.UTC(2027, 0, 3, 12), PARIS, 'weekly')).toBe('2026-W53')
    expect(periodKeyOf(Date.UTC(2027, 0, 4, 12), PARIS, 'weekly')).toBe('2027-W01')
    expect(nextPeriodKey('2026-W53', PARIS)).toBe('2027-W01')
    expect(periodBounds('2026-W01', PARIS)).toEqual({
      startsAt: Date.UTC(2025, 11, 28, 23, 0),
      endsAt: Date.UTC(2026, 0, 4, 23, 0),
    })
    expect(() => periodBounds('2026-3', PARIS)).toThrow(RangeError)
  })

  it('book into their own period while it is open, else into the one after the last closed', () => {
    expect(bookingPeriod('2026-03', null, PARIS)).toBe('2026-03')
    expect(bookingPeriod('2026-04', '2026-03', PARIS)).toBe('2026-04')
    expect(bookingPeriod('2026-03', '2026-03', PARIS)).toBe('2026-04')
    expect(bookingPeriod('2026-01', '2026-03', PARIS)).toBe('2026-04')
  })

  it('are recognised only when real and of the program’s length', () => {
    expect(isPeriodOf('2026-03', PARIS, 'monthly')).toBe(true)
    expect(isPeriodOf('2026-W53', PARIS, 'weekly')).toBe(true)
    for (const key of ['2026-13', '2026-00', '2026-W10', '26-03'])
      expect(isPeriodOf(key, PARIS, 'monthly'), key).toBe(false)
    for (const key of ['2025-W53', '2026-W00', '2026-03'])
      expect(isPeriodOf(key, PARIS, 'weekly'), key).toBe(false)
  })

  it('have readable labels', () => {
    expect(periodLabel('2026-11')).toBe('November 2026')
    expect(periodLabel('2026-W08')).toBe('Week 8 of 2026')
  })
})
