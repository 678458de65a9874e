import { DateTime } from 'luxon'
import { MONTHLY_KEY, WEEKLY_KEY, type PeriodLength } from '../../shared/commissions/periods'

/**
 * Payout periods are calendar months or ISO weeks (Monday to Sunday) in the business's time
 * zone. Bounds are instants: starts inclusive, ends exclusive.
 */

export function periodKeyOf(instant: number, zone: string, length: PeriodLength): string {
  const local = DateTime.fromMillis(instant, { zone })
  return length === 'monthly' ? local.toFormat('yyyy-MM') : local.toFormat("kkkk-'W'WW")
}

function startOf(key: string, zone: string): DateTime {
  const month = MONTHLY_KEY.exec(key)
  if (month)
    return DateTime.fromObject({ year: Number(month[1]), month: Number(month[2]) }, { zone })
  const week = WEEKLY_KEY.exec(key)
  if (week)
    return DateTime.fromObject(
      { weekYear: Number(week[1]), weekNumber: Number(week[2]), weekday: 1 },
      { zone },
    )
  throw new RangeError(`Not a period: ${key}`)
}

export function periodBounds(key: string, zone: string): { startsAt: number; endsAt: number } {
  const start = startOf(key, zone)
  const end = start.plus(MONTHLY_KEY.test(key) ? { months: 1 } : { weeks: 1 })
  return { startsAt: start.toMillis(), endsAt: end.toMillis() }
}

/** Whether `key` names a real period of this length (not 2026-13, nor a week of a monthly program). */
export function isPeriodOf(key: string, zone: string, length: PeriodLength): boolean {
  if (!(length === 'monthly' ? MONTHLY_KEY : WEEKLY_KEY).test(key)) return false
  const { startsAt } = periodBounds(key, zone)
  return Number.isFinite(startsAt) && periodKeyOf(startsAt, zone, length) === key
}

export function nextPeriodKey(key: string, zone: string): string {
  const length: PeriodLength = MONTHLY_KEY.test(key) ? 'monthly' : 'weekly'
  return periodKeyOf(periodBounds(key, zone).endsAt, zone, length)
}

/**
 * Where a commission of something that happened in period `own` is booked: there while it is
 * open, else in the first period after the last closed one (periods close in order).
 */
export function bookingPeriod(own: string, lastClosed: string | null, zone: string): string {
  if (lastClosed === null || own > lastClosed) return own
  return nextPeriodKey(lastClosed, zone)
}
