import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { lastDayOfWindow } from '../../src/renderer/src/format'
import {
  endAfterLocalMonths,
  endOfLocalDay,
  startOfLocalDay,
} from '../../src/main/time/local-dates'

describe('the code form’s default window', () => {
  it('ends on the last day the policy allows, for any start day and zone', () => {
    const day = fc
      .date({ min: new Date('2024-01-01'), max: new Date('2032-12-31'), noInvalidDate: true })
      .map((date) => date.toISOString().slice(0, 10))
    const zone = fc.constantFrom('Europe/Paris', 'America/New_York', 'Pacific/Auckland', 'UTC')
    fc.assert(
      fc.property(day, zone, fc.integer({ min: 1, max: 12 }), (start, timeZone, months) => {
        const formEnd = endOfLocalDay(lastDayOfWindow(start, months), timeZone)
        expect(formEnd).toBe(
          endAfterLocalMonths(startOfLocalDay(start, timeZone), months, timeZone),
        )
      }),
      { numRuns: 300 },
    )
  })
})
