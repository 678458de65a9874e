import { DateTime } from 'luxon'

export const MINUTE = 60_000
/** Every zone's offset changes only on a quarter-hour of UTC time (Chatham: 14:00 UTC). */
const QUARTER_HOUR = 15 * MINUTE
const offsets = new Map<string, number>()

/**
 * A zone's UTC offset in minutes at `instant`. Asking Intl for an offset costs tens of
 * microseconds, and every checkout asks; the answer cannot change within a quarter hour of UTC
 * time, so it is remembered per zone and quarter hour (a bounded, pure memo, not a clock).
 */
export function zoneOffsetMinutes(instant: number, timeZone: string): number {
  const key = `${timeZone}|${Math.floor(instant / QUARTER_HOUR)}`
  let offset = offsets.get(key)
  if (offset === undefined) {
    offset = DateTime.fromMillis(instant, { zone: timeZone }).offset
    if (offsets.size > 1_000) offsets.clear()
    offsets.set(key, offset)
  }
  return offset
}

/** The instant shifted so that its UTC fields read as the wall clock in `timeZone`. */
export function wallClock(instant: number, timeZone: string): Date {
  return new Date(instant + zoneOffsetMinutes(instant, timeZone) * MINUTE)
}
