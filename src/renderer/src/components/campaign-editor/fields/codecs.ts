import { minorToDecimal, parseMoney } from '../../../../../shared/money'
import { parsePercent } from '../../../parse'

/** How a number field reads and writes its text: minor units as "12.50", basis points as "12.5". */
export interface NumberCodec {
  /** Changes when the same number would read differently (another currency or unit). */
  key: string
  format(value: number): string
  /** null when the text is not a value of this kind. */
  parse(text: string): number | null
  /** Shown after the input: a currency or "%". */
  unit?: string
  invalid: string
  empty: string
}

export const countCodec: NumberCodec = {
  key: 'count',
  format: String,
  parse: (text) => (/^\d{1,9}$/.test(text.trim()) ? Number(text.trim()) : null),
  invalid: 'Enter a whole number.',
  empty: 'Enter a number.',
}

export const percentCodec: NumberCodec = {
  key: 'percent',
  format: (bp) => String(bp / 100),
  parse: parsePercent,
  unit: '%',
  invalid: 'Enter a percentage like 10 or 12.5.',
  empty: 'Enter a percentage.',
}

export function moneyCodec(currency: string): NumberCodec {
  return {
    key: `money:${currency}`,
    format: (minor) => minorToDecimal(minor, currency),
    parse: (text) => parseMoney(text, currency),
    unit: currency,
    invalid: `Enter an amount like ${minorToDecimal(1250, currency)}.`,
    empty: 'Enter an amount.',
  }
}
