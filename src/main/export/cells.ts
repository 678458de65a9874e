import { DateTime } from 'luxon'
import { currencyExponent, minorToMajor } from '../../shared/money'

/**
 * Excel dates carry no time zone: write the wall-clock time of the business's zone, so the
 * cell reads as the shop saw it.
 */
export function localDateCell(instant: number | null, zone: string): Date | null {
  if (instant === null) return null
  const local = DateTime.fromMillis(instant, { zone })
  return new Date(
    Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second),
  )
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
export function exportFileName(kind: string, businessName: string, day: string): string {
  const safe = businessName.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'business'
  return `${kind}-${safe}-${day}.xlsx`
}
