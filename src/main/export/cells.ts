import { DateTime } from 'luxon'
import { currencyExponent, minorToMajor } from '../../shared/money'

/**
 * Excel dates carry no time zone: write the wall-clock time of the business's zone, so the
 * cell reads as the shop saw it (to the second).
 */
export function localDateCell(instant: number | null, zone: string): Date | null {
  if (instant === null) return null
  const offset = cachedOffsetMinutes(instant, zone)
  if (offset !== null) {
    const shifted = instant + offset * 60_000
    if (shifted >= FIRST_FOUR_DIGIT_YEAR) return new Date(Math.floor(shifted / 1000) * 1000)
  }
  const local = DateTime.fromMillis(instant, { zone })
  return new Date(
    Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second),
  )
}

/** Date.UTC reads years 0–99 as 1900–1999; such instants take luxon's path, as they always did. */
const FIRST_FOUR_DIGIT_YEAR = Date.UTC(100, 0, 1)

/*
 * Asking luxon for a zone's offset costs about 10 µs (Intl formatToParts), once per date cell:
 * ten seconds for a million-row export. Offsets only change at transitions, which are months
 * apart (never two within an hour), so the offset found at both ends of an hour holds for all
 * of it. Hours whose ends disagree (a transition inside), fractional offsets and unknown zones
 * are not cached: those cells take luxon's path.
 */
const HOUR = 60 * 60_000
const MAX_HOURS_PER_ZONE = 20_000
const offsetsByZone = new Map<string, Map<number, number | null>>()

function cachedOffsetMinutes(instant: number, zone: string): number | null {
  let offsets = offsetsByZone.get(zone)
  if (!offsets) {
    offsets = new Map()
    offsetsByZone.set(zone, offsets)
  }
  const hour = Math.floor(instant / HOUR)
  let offset = offsets.get(hour)
  if (offset === undefined) {
    const start = hour * HOUR
    const first = DateTime.fromMillis(start, { zone }).offset
    const last = DateTime.fromMillis(start + HOUR - 1, { zone }).offset
    offset = first === last && Number.isInteger(first) ? first : null
    if (offsets.size >= MAX_HOURS_PER_ZONE) offsets.clear()
    offsets.set(hour, offset)
  }
  return offset
}

export const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm'

/** A number format showing the currency's decimals and code, e.g. `#,##0.00 "EUR"`. */
export function moneyFormat(currency: string): string {
  const exponent = currencyExponent(currency)
  return `#,##0${exponent > 0 ? `.${'0'.repeat(exponent)}` : ''} "${currency}"`
}

/** Money as a real numeric cell in major units. */
export function moneyCell(minor: number, currency: string): number {
  return minorToMajor(minor, currency)
}

/** A file name safe on every OS, e.g. `codes-Corner-Bakery-2026-11-23.xlsx`. */
export function exportFileName(
  kind: string,
  businessName: string,
  day: string,
  extension: 'xlsx' | 'csv' = 'xlsx',
): string {
  const safe = businessName.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'business'
  return `${kind}-${safe}-${day}.${extension}`
}
