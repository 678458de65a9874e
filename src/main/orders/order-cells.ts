import type { DateFormat, DecimalSeparator } from '../../shared/contract/order-mappings'
import { localDayOf } from '../time/local-dates'
import { MINUTE, zoneOffsetMinutes } from '../time/zone-offset'

/**
 * Cells of order files, read fast: a 100,000-order file has about a million of them, so these
 * are regular expressions and integer arithmetic, never a date library per cell.
 */

/** Spaces, no-break spaces and apostrophes group thousands in many locales ("1 234,50", "1'234.50"). */
const GROUPING_SPACES = /[\s\u00a0\u202f']/g

const AMOUNT = {
  '.': /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d*))?$/,
  ',': /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d*))?$/,
} as const

/**
 * A non-negative amount as minor units of a currency with `exponent` decimals, written with
 * `decimal` as the decimal separator (the other one may group thousands). Decimals beyond the
 * currency's must be zeros. Null when the text is not such an amount.
 */
export function parseAmount(
  text: string,
  exponent: number,
  decimal: DecimalSeparator,
): number | null {
  const cleaned =
    text.includes(' ') || text.includes("'") || text.includes('\u00a0')
      ? text.replace(GROUPING_SPACES, '')
      : text
  const match = AMOUNT[decimal].exec(cleaned)
  if (!match) return null
  const whole = (match[1] ?? '').replace(/[.,]/g, '')
  const fraction = match[2] ?? ''
  let digits = fraction
  if (digits.length > exponent) {
    if (!/^0*$/.test(digits.slice(exponent))) return null
    digits = digits.slice(0, exponent)
  }
  const minor = Number(whole + digits.padEnd(exponent, '0'))
  return Number.isSafeInteger(minor) ? minor : null
}

export const MAX_QUANTITY = 100_000

/** A whole, positive quantity ("3", or "3.0" as spreadsheets sometimes write it); null otherwise. */
export function parseQuantity(text: string): number | null {
  const match = /^(\d+)(?:[.,]0*)?$/.exec(text)
  if (!match) return null
  const quantity = Number(match[1])
  return quantity >= 1 && quantity <= MAX_QUANTITY ? quantity : null
}

// yyyy-MM-dd, then an optional time, then an optional offset (Z, +01:00, +0100).
const ISO =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i
// dd/MM/yyyy or MM/dd/yyyy with /, . or - between, an optional time and AM/PM.
const DAY_MONTH =
  /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[T ,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]M)?)?$/i

interface DateParts {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
  /** Minutes east of UTC written in the cell, or null for the business's wall clock. */
  offset: number | null
}

function isoParts(match: RegExpExecArray): DateParts {
  const zone = match[7]
  let offset: number | null = null
  if (zone) {
    if (zone.toUpperCase() === 'Z') offset = 0
    else {
      const digits = zone.replace(':', '')
      const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5))
      offset = digits[0] === '-' ? -minutes : minutes
    }
  }
  return {
    year: Number(match[1]),
    month: Number(match[2]),
    day: Number(match[3]),
    hour: Number(match[4] ?? 0),
    minute: Number(match[5] ?? 0),
    second: Number(match[6] ?? 0),
    offset,
  }
}

function dayMonthParts(match: RegExpExecArray, format: 'dmy' | 'mdy'): DateParts | null {
  const first = Number(match[1])
  const second = Number(match[2])
  let hour = Number(match[4] ?? 0)
  const meridiem = match[7]?.toUpperCase()
  if (meridiem) {
    if (hour < 1 || hour > 12) return null
    hour = (hour % 12) + (meridiem === 'PM' ? 12 : 0)
  }
  return {
    year: Number(match[3]),
    month: format === 'dmy' ? second : first,
    day: format === 'dmy' ? first : second,
    hour,
    minute: Number(match[5] ?? 0),
    second: Number(match[6] ?? 0),
    offset: null,
  }
}

/**
 * An order's date as an instant. Every format reads ISO dates; `dmy` and `mdy` also read
 * 05/03/2026-style dates. A date without an offset is the business's wall clock in `zone`
 * (a time skipped by a DST change moves forward, as clocks do). Null when it is no real date.
 */
export function parseOrderDate(text: string, format: DateFormat, zone: string): number | null {
  let parts: DateParts | null = null
  const iso = ISO.exec(text)
  if (iso) parts = isoParts(iso)
  else if (format !== 'iso') {
    const match = DAY_MONTH.exec(text)
    if (match) parts = dayMonthParts(match, format)
  }
  if (!parts || !validParts(parts)) return null
  const wall = Date.UTC(
    parts.year,
    parts.month - 1,
    parts.day,
    parts.hour,
    parts.minute,
    parts.second,
  )
  if (parts.offset !== null) return wall - parts.offset * MINUTE
  // The zone's offset at the wall time read as UTC is right except within hours of a change;
  // asking again at the instant it gives settles those.
  const guess = wall - zoneOffsetMinutes(wall, zone) * MINUTE
  const offset = zoneOffsetMinutes(guess, zone)
  return wall - offset * MINUTE
}

function validParts(parts: DateParts): boolean {
  const { year, month, day, hour, minute, second } = parts
  if (year < 1970 || year > 9999 || month < 1 || month > 12 || day < 1) return false
  if (hour > 23 || minute > 59 || second > 59) return false
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate()
}

const QUARTER_HOUR = 15 * MINUTE
const days = new Map<string, string>()

/**
 * The business-local day of an order's instant (yyyy-MM-dd), for daily caps. Every zone's
 * midnight falls on a quarter hour of UTC time, so the day is remembered per zone and quarter
 * hour: a file's orders cluster in a few days, and localDayOf costs a Date and an ISO string.
 */
export function orderDay(instant: number, zone: string): string {
  const key = `${zone}|${Math.floor(instant / QUARTER_HOUR)}`
  let day = days.get(key)
  if (day === undefined) {
    day = localDayOf(instant, zone)
    if (days.size > 10_000) days.clear()
    days.set(key, day)
  }
  return day
}
