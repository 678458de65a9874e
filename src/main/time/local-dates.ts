import { DateTime } from 'luxon'
import { wallClock } from './zone-offset'

/**
 * Calendar dates entered by people are days in the business's time zone; the database stores
 * instants (epoch ms, UTC). These conversions are the only place the two meet.
 */

function parseDay(day: string, zone: string): DateTime {
  const parsed = DateTime.fromISO(day, { zone })
  if (!parsed.isValid) throw new RangeError(`Not a date: ${day}`)
  return parsed.startOf('day')
}

/** The first instant of `day` in `zone`. */
export function startOfLocalDay(day: string, zone: string): number {
  return parseDay(day, zone).toMillis()
}

/** The first instant after `day` in `zone`: an exclusive end that makes `day` inclusive. */
export function endOfLocalDay(day: string, zone: string): number {
  return parseDay(day, zone).plus({ days: 1 }).toMillis()
}

/** The calendar day an instant falls on in `zone`. */
export function localDayOf(instant: number, zone: string): string {
  return wallClock(instant, zone).toISOString().slice(0, 10)
}

/**
 * The exclusive end of a window of `months` calendar months from `instant`, in `zone` (DST-safe):
 * the same wall-clock time that many months later. When that day does not exist (31 January
 * plus one month), the window runs through the last day of the shorter month instead of
 * stopping days early, as plain clamping to 28 February would.
 */
export function endAfterLocalMonths(instant: number, months: number, zone: string): number {
  const start = DateTime.fromMillis(instant, { zone })
  const end = start.plus({ months })
  return (end.day < start.day ? end.plus({ days: 1 }) : end).toMillis()
}

/** The start of the day containing `instant`, in `zone`. */
export function startOfDayContaining(instant: number, zone: string): number {
  return DateTime.fromMillis(instant, { zone }).startOf('day').toMillis()
}
