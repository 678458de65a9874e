import { wallClock } from '../time/zone-offset'

/** The weekday (1 = Monday) and minutes since midnight of an instant in a time zone. */
export function localClock(now: number, timeZone: string): { weekday: number; minutes: number } {
  const local = wallClock(now, timeZone)
  const weekday = local.getUTCDay() === 0 ? 7 : local.getUTCDay()
  return { weekday, minutes: local.getUTCHours() * 60 + local.getUTCMinutes() }
}
