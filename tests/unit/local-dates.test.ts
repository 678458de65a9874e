import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { DateTime } from 'luxon'
import { localClock } from '../../src/main/engine/local-clock'
import {
  endAfterLocalMonths,
  endOfLocalDay,
  localDayOf,
  startOfLocalDay,
} from '../../src/main/time/local-dates'

const HOUR = 3_600_000

describe('local days in the business zone', () => {
  it('start at local midnight, not UTC midnight', () => {
    expect(startOfLocalDay('2026-01-11', 'Pacific/Auckland')).toBe(Date.UTC(2026, 0, 10, 11))
    expect(startOfLocalDay('2026-01-11', 'America/New_York')).toBe(Date.UTC(2026, 0, 11, 5))
  })

  it('are 23 or 25 hours long on DST changes', () => {
    const paris = 'Europe/Paris'
    expect(endOfLocalDay('2026-03-29', paris) - startOfLocalDay('2026-03-29', paris)).toBe(
      23 * HOUR,
    )
    expect(endOfLocalDay('2026-10-25', paris) - startOfLocalDay('2026-10-25', paris)).toBe(
      25 * HOUR,
    )
  })

  it('map an instant back to its local day', () => {
    expect(localDayOf(Date.UTC(2026, 0, 10, 11, 30), 'Pacific/Auckland')).toBe('2026-01-11')
    expect(localDayOf(Date.UTC(2026, 0, 10, 11, 30), 'UTC')).toBe('2026-01-10')
  })
})

describe('endAfterLocalMonths', () => {
  const zone = 'America/New_York'
  const end = (day: string, months = 1) =>
    localDayOf(endAfterLocalMonths(startOfLocalDay(day, zone), months, zone), zone)

  it('is the same day of the month later, keeping local midnight across DST', () => {
    expect(end('2026-01-15')).toBe('2026-02-15')
    const march = startOfLocalDay('2026-03-01', zone)
    expect(endAfterLocalMonths(march, 1, zone)).toBe(startOfLocalDay('2026-04-01', zone))
  })

  it('runs through the end of a shorter month instead of stopping early', () => {
    expect(end('2026-01-31')).toBe('2026-03-01')
    expect(end('2026-01-29')).toBe('2026-03-01')
    expect(end('2026-01-28')).toBe('2026-02-28')
    expect(end('2028-01-31')).toBe('2028-03-01')
    expect(end('2028-01-29')).toBe('2028-02-29')
    expect(end('2026-12-31', 2)).toBe('2027-03-01')
  })
})

describe('localDayOf and localClock agree with Luxon in every zone, across DST changes', () => {
  const zones = [
    'Europe/Paris',
    'America/New_York',
    'Australia/Lord_Howe',
    'Pacific/Chatham',
    'Asia/Kathmandu',
    'America/St_Johns',
    'Africa/Monrovia',
    'UTC',
  ]
  it('for random instants from 1971 to 2035', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2035, 0, 1) }),
        fc.constantFrom(...zones),
        (instant, zone) => {
          const local = DateTime.fromMillis(instant, { zone })
          expect(localDayOf(instant, zone)).toBe(local.toISODate())
          expect(localClock(instant, zone)).toEqual({
            weekday: local.weekday,
            minutes: local.hour * 60 + local.minute,
          })
        },
      ),
      { numRuns: 2000 },
    )
  })
})

it('St John’s changed its offset at 00:01 local in 2010: minutes after the change read right', () => {
  // 2010-11-07 02:31 UTC is 23:01 on 6 November in St John's (UTC−3:30 until 02:31 UTC).
  for (const instant of [Date.UTC(2010, 10, 7, 2, 30), Date.UTC(2010, 10, 7, 2, 40)]) {
    const local = DateTime.fromMillis(instant, { zone: 'America/St_Johns' })
    expect(localDayOf(instant, 'America/St_Johns')).toBe(local.toISODate())
  }
})
