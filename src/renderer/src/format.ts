import type { CampaignKind } from '../../shared/contract/campaigns'
import type { Stacking } from '../../shared/promotions/stacking'
import { formatMoney } from '../../shared/money'

export { CHANNEL_LABELS } from '../../shared/contract/checkout'

export const CAMPAIGN_KIND_LABELS: Record<CampaignKind, string> = {
  discount: 'Discount with codes',
  tracking: 'Tracking only',
  automatic: 'Automatic, no code',
}

/** "Combinable, priority 100, group “summer”" or "Exclusive, priority 1". */
export function describeStacking(stacking: Stacking): string {
  const mode = stacking.mode === 'exclusive' ? 'Exclusive' : 'Combinable'
  const group = stacking.group ? `, group “${stacking.group}”` : ''
  return `${mode}, priority ${stacking.priority}${group}`
}

/** Display helpers: money in the business's currency, instants in the business's zone. */
export function money(minor: number, currency: string): string {
  return formatMoney(minor, currency)
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>()

export function dateTime(instant: number | null, timeZone: string): string {
  if (instant === null) return '—'
  let format = dateTimeFormats.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, dateStyle: 'medium', timeStyle: 'short' })
    dateTimeFormats.set(timeZone, format)
  }
  return format.format(instant)
}

/** The last day of a window whose stored end is exclusive. */
export function lastDay(endsAt: number | null, timeZone: string): string {
  if (endsAt === null) return 'no end'
  return new Intl.DateTimeFormat('en-GB', { timeZone, dateStyle: 'medium' }).format(endsAt - 1)
}

export function firstDay(startsAt: number | null, timeZone: string): string {
  if (startsAt === null) return 'no start'
  return new Intl.DateTimeFormat('en-GB', { timeZone, dateStyle: 'medium' }).format(startsAt)
}

/** Today as YYYY-MM-DD in a time zone. */
export function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date())
}

/**
 * The last day of a window of `months` calendar months starting on `day`, the way the policy
 * counts it: 2026-01-15 → 2026-02-14, and from a month's last days through the end of the
 * shorter month (2026-01-31 → 2026-02-28).
 */
export function lastDayOfWindow(day: string, months: number): string {
  const [year = 1970, month = 1, date = 1] = day.split('-').map(Number)
  const targetMonth = month - 1 + months
  const daysInTarget = new Date(Date.UTC(year, targetMonth + 1, 0)).getUTCDate()
  const clamped = date > daysInTarget
  const end = new Date(Date.UTC(year, targetMonth, clamped ? daysInTarget : date - 1))
  return end.toISOString().slice(0, 10)
}

export function count(value: number): string {
  return value.toLocaleString('en')
}
