import { DateTime } from 'luxon'

const MINUTE = 60_000
/** Every zone's offset changes only on a quarter-hour of UTC time (Chatham: 14:00 UTC). */
const QUARTER_HOUR = 15 * MINUTE
const offsets = new Map<string, number>()

/**
 * A zone's UTC offset in minutes for the quarter hour holding `now`. Asking Intl for an offset
 * costs tens of microseconds, and checkout asks on every cart; the answer cannot change within
 * a quarter hour, so it is remembered (a small, bounded cache: a pure memo, not a clock).
 */
function offsetMinutes(now: number, timeZone: string): number {
  const key = `${timeZone}|${Math.floor(now / QUARTER_HOUR)}`
  let offset = offsets.get(key)
  if (offset === undefined) {
    offset = DateTime.fromMillis(now, { zone: timeZone }).offset
    if (offsets.size > 1_000) offsets.clear()
    offsets.set(key, offset)
  }
  return offset
}

/** The weekday (1 = Monday) and minutes since midnight of an instant in a time zone. */
export function localClock(now: number, timeZone: string): { weekday: number; minutes: number } {
  const local = new Date(now + offsetMinutes(now, timeZone) * MINUTE)
  const weekday = local.getUTCDay() === 0 ? 7 : local.getUTCDay()
  return { weekday, minutes: local.getUTCHours() * 60 + local.getUTCMinutes() }
}
