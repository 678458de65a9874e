import { minorToMajor } from '../../../../shared/money'

const compactFormats = new Map<string, Intl.NumberFormat>()
const fullFormats = new Map<string, Intl.NumberFormat>()

function cached(cache: Map<string, Intl.NumberFormat>, currency: string, compact: boolean) {
  let format = cache.get(currency)
  if (!format) {
    format = new Intl.NumberFormat('en', {
      style: 'currency',
      currency,
      ...(compact ? { notation: 'compact', maximumFractionDigits: 1 } : {}),
    })
    cache.set(currency, format)
  }
  return format
}

/** Charts plot major units; their ticks read "€1.2K", their tooltips "€1,234.50". */
export const major = (minor: number, currency: string) => minorToMajor(minor, currency)

export function moneyTick(value: number, currency: string): string {
  return cached(compactFormats, currency, true).format(value)
}

export function moneyFull(value: number | null, currency: string): string {
  return value === null ? '—' : cached(fullFormats, currency, false).format(value)
}

/**
 * Room for a money axis's tick labels. The charts' own measuring ('auto') ran short of labels
 * such as "€1.5K" and cut them; this counts characters of the widest likely tick (the largest
 * value, plus room for a decimal) at about 8 px each.
 */
export function moneyAxisWidth(values: number[], currency: string): number {
  const largest = Math.max(0, ...values.map(Math.abs))
  const widest = moneyTick(largest, currency).length + (largest >= 1000 ? 2 : 0)
  return Math.max(48, 8 * widest + 12)
}
