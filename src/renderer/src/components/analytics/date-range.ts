/** A range of days, both inclusive, as yyyy-MM-dd in the business's time zone. */
export interface DayRange {
  from: string
  to: string
}

export const PRESETS = [
  { key: 'last7', label: 'Last 7 days' },
  { key: 'last30', label: 'Last 30 days' },
  { key: 'thisMonth', label: 'This month' },
  { key: 'lastMonth', label: 'Last month' },
  { key: 'thisYear', label: 'This year' },
] as const

export type PresetKey = (typeof PRESETS)[number]['key']

const DAY = 86_400_000

/** Day strings are calendar days: compute on UTC dates so no zone or DST shifts them. */
const parse = (day: string) => Date.parse(`${day}T00:00:00Z`)
const print = (time: number) => new Date(time).toISOString().slice(0, 10)

export function addDays(day: string, days: number): string {
  return print(parse(day) + days * DAY)
}

/** The range a preset stands for, seen on `today`. */
export function presetRange(key: PresetKey, today: string): DayRange {
  const year = Number(today.slice(0, 4))
  const month = Number(today.slice(5, 7)) - 1
  switch (key) {
    case 'last7':
      return { from: addDays(today, -6), to: today }
    case 'last30':
      return { from: addDays(today, -29), to: today }
    case 'thisMonth':
      return { from: `${today.slice(0, 7)}-01`, to: today }
    case 'lastMonth':
      return {
        from: print(Date.UTC(year, month - 1, 1)),
        to: print(Date.UTC(year, month, 0)),
      }
    case 'thisYear':
      return { from: `${year}-01-01`, to: today }
  }
}

/** Days in a range, both ends counted. */
export function dayCount(range: DayRange): number {
  return Math.round((parse(range.to) - parse(range.from)) / DAY) + 1
}

const MAX_DAYS = 3 * 366

export interface RangeProblem {
  field: 'from' | 'to'
  message: string
}

const isDay = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(parse(text))

/** Why the range cannot be shown (the same checks as the API's), or null when it can. */
export function rangeProblem(range: DayRange): RangeProblem | null {
  if (!isDay(range.from)) return { field: 'from', message: 'Enter the first day.' }
  if (!isDay(range.to)) return { field: 'to', message: 'Enter the last day.' }
  if (range.from > range.to)
    return { field: 'to', message: 'The first day must not be after the last.' }
  if (dayCount(range) > MAX_DAYS) return { field: 'from', message: 'Choose at most three years.' }
  return null
}

const shortDay = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
})
const longDay = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
})
const mediumDay = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' })
const month = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' })

/** A chart bucket for an axis tick: "5 Mar" or "Mar 2026". */
export function bucketTick(bucket: string): string {
  return bucket.length === 7 ? month.format(parse(`${bucket}-01`)) : shortDay.format(parse(bucket))
}

/** A chart bucket in a tooltip: "Thu, 5 Mar 2026" or "Mar 2026". */
export function bucketLong(bucket: string): string {
  return bucket.length === 7 ? month.format(parse(`${bucket}-01`)) : longDay.format(parse(bucket))
}

/** "1 Mar 2026 – 31 Mar 2026". */
export function describeRange(range: DayRange): string {
  return range.from === range.to
    ? mediumDay.format(parse(range.from))
    : `${mediumDay.format(parse(range.from))} – ${mediumDay.format(parse(range.to))}`
}
