import { parseMoney } from '../../shared/money'

/** "12.5" or "12,5" (%) → 1250 basis points; null when not a percentage with at most 2 decimals. */
export function parsePercent(text: string): number | null {
  const match = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(text.trim().replace(/%$/, '').trim())
  if (!match) return null
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'))
}

/** Validation rule for react-hook-form money inputs. */
export function moneyRule(currency: string, { required = false, positive = false } = {}) {
  return (text: string) => {
    if (!text.trim()) return required ? 'Enter an amount.' : true
    const minor = parseMoney(text, currency)
    if (minor === null) return `Enter an amount like 12.50.`
    if (minor < 0 || (positive && minor === 0))
      return positive ? 'The amount must be above 0.' : 'Amounts cannot be negative.'
    return true
  }
}

/** Validation rule for optional positive whole numbers (limits); empty means unlimited. */
export function limitRule(text: string): true | string {
  if (!text.trim()) return true
  return /^\d+$/.test(text.trim()) && Number(text) >= 1
    ? true
    : 'Enter a whole number of at least 1, or leave empty.'
}

export function parseLimit(text: string): number | null {
  return text.trim() ? Number(text) : null
}
