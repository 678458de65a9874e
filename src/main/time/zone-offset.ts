import { DateTime } from 'luxon'

export const MINUTE = 60_000
/** Today's rules change offsets on a quarter hour of UTC time (Chatham: 14:00 UTC). */
const QUARTER_HOUR = 15 * MINUTE
const offsets = new Map<string, number>()

/**
 * A zone's UTC offset in minutes at `instant`. Asking Intl for an offset costs tens of
 * microseconds, and every checkout asks, so it is remembered per zone and quarter hour of UTC
 * time (a bounded, pure memo, not a clock) — but only for a quarter hour whose first and last
 * millisecond agree: some past rules changed at odd minutes (St John's until 2011 at 00:01).
 */
export function zoneOffsetMinutes(instant: number, timeZone: string): number {
  const bucket = Math.floor(instant / QUARTER_HOUR)
  const key = `${timeZone}|${bucket}`
  const known = offsets.get(key)
  if (known !== undefined) return known
  const offsetAt = (at: number) => DateTime.fromMillis(at, { zone: timeZone }).offset
  const start = offsetAt(bucket * QUARTER_HOUR)
  const end = offsetAt((bucket + 1) * QUARTER_HOUR - 1)
  if (start !== end) return offsetAt(instant)
  if (offsets.size > 1_000) offsets.clear()
  offsets.set(key, start)
  return start
}

/** The instant shifted so that its UTC fields read as the wall clock in `timeZone`. */
export function wallClock(instant: number, timeZone: string): Date {
  return new Date(instant + zoneOffsetMinutes(instant, timeZone) * MINUTE)
}
