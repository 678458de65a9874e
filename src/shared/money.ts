/**
 * Money is an integer count of the currency's minor units (cents for EUR, yen for JPY).
 * Amounts are parsed from strings, never from floats, and formatted only for display.
 */
export type MinorUnits = number

const exponentCache = new Map<string, number>()

/** Number of decimal places of an ISO 4217 currency (2 for EUR, 0 for JPY, 3 for KWD). */
export function currencyExponent(currency: string): number {
  let exponent = exponentCache.get(currency)
  if (exponent === undefined) {
    exponent = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits as number
    exponentCache.set(currency, exponent)
  }
  return exponent
}

export function isKnownCurrency(currency: string): boolean {
  if (!/^[A-Z]{3}$/.test(currency)) return false
  try {
    return Intl.supportedValuesOf('currency').includes(currency)
  } catch {
    return false
  }
}

/**
 * Parses "12.50", "12,50", "1 234.5" or "-3" into minor units of the currency.
 * Returns null when the text is not an amount with at most the currency's decimals.
 */
export function parseMoney(text: string, currency: string): MinorUnits | null {
  const exponent = currencyExponent(currency)
  const cleaned = text.trim().replace(/[\s\u00a0']/g, '')
  const match = /^(-?)(\d+)(?:[.,](\d*))?$/.exec(cleaned)
  if (!match) return null
  const [, sign, whole = '0', fraction = ''] = match
  if (fraction.length > exponent) return null
  const minor = Number(whole + fraction.padEnd(exponent, '0'))
  if (!Number.isSafeInteger(minor)) return null
  return sign === '-' ? -minor : minor
}

/** Minor units as a plain decimal string without grouping, e.g. 1250 → "12.50". */
export function minorToDecimal(minor: MinorUnits, currency: string): string {
  const exponent = currencyExponent(currency)
  if (exponent === 0) return String(minor)
  const sign = minor < 0 ? '-' : ''
  const digits = String(Math.abs(minor)).padStart(exponent + 1, '0')
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`
}

/** Minor units as a number of major units, for numeric spreadsheet cells. */
export function minorToMajor(minor: MinorUnits, currency: string): number {
  return Number(minorToDecimal(minor, currency))
}

const formatters = new Map<string, Intl.NumberFormat>()

/** Localized display, e.g. 1250 EUR → "€12.50". */
export function formatMoney(minor: MinorUnits, currency: string, locale = 'en'): string {
  const key = `${locale}|${currency}`
  let formatter = formatters.get(key)
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: 'currency', currency })
    formatters.set(key, formatter)
  }
  return formatter.format(Number(minorToDecimal(minor, currency)))
}

/** Built once: `toLocaleString` with options builds a new formatter per call (~100 µs). */
const percentFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 2 })

/** Basis points as a percentage string: 1250 → "12.5%". */
export function formatBasisPoints(bp: number): string {
  return `${percentFormat.format(bp / 100)}%`
}
