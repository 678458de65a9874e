import { DateTime } from 'luxon'

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
  return DateTime.fromMillis(instant, { zone }).toISODate() ?? ''
}

/** The same wall-clock time `months` calendar months later, in `zone` (DST-safe). */
export function addLocalMonths(instant: number, months: number, zone: string): number {
  return DateTime.fromMillis(instant, { zone }).plus({ months }).toMillis()
}

/** The start of the day containing `instant`, in `zone`. */
export function startOfDayContaining(instant: number, zone: string): number {
  return DateTime.fromMillis(instant, { zone }).startOf('day').toMillis()
}
