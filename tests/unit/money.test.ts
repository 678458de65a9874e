import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  currencyExponent,
  formatMoney,
  isKnownCurrency,
  minorToDecimal,
  minorToMajor,
  parseMoney,
} from '../../src/shared/money'

describe('currencyExponent', () => {
  it('knows the minor-unit decimals of EUR, JPY and KWD', () => {
    expect(currencyExponent('EUR')).toBe(2)
    expect(currencyExponent('JPY')).toBe(0)
    expect(currencyExponent('KWD')).toBe(3)
  })

  it('accepts only ISO 4217 codes', () => {
    expect(isKnownCurrency('EUR')).toBe(true)
    expect(isKnownCurrency('eur')).toBe(false)
    expect(isKnownCurrency('XYZ')).toBe(false)
  })
})

describe('parseMoney', () => {
  it.each([
    ['12.50', 'EUR', 1250],
    ['12,5', 'EUR', 1250],
    ['12', 'EUR', 1200],
    ['12.', 'EUR', 1200],
    [' 1 234.5 ', 'EUR', 123450],
    ["1'234.50", 'EUR', 123450],
    ['-3', 'EUR', -300],
    ['0.07', 'EUR', 7],
    ['1500', 'JPY', 1500],
    ['1.234', 'KWD', 1234],
    ['0.5', 'KWD', 500],
  ])('reads %j in %s as %d minor units', (text, currency, minor) => {
    expect(parseMoney(text, currency)).toBe(minor)
  })

  it.each([
    ['12.505', 'EUR'],
    ['15.5', 'JPY'],
    ['1.2345', 'KWD'],
    ['12.3.4', 'EUR'],
    ['abc', 'EUR'],
    ['', 'EUR'],
    ['1e3', 'EUR'],
    ['99999999999999999999', 'EUR'],
  ])('refuses %j in %s', (text, currency) => {
    expect(parseMoney(text, currency)).toBeNull()
  })
})

describe('minorToDecimal and minorToMajor', () => {
  it.each([
    [1250, 'EUR', '12.50'],
    [5, 'EUR', '0.05'],
    [-5, 'EUR', '-0.05'],
    [0, 'EUR', '0.00'],
    [1500, 'JPY', '1500'],
    [1234, 'KWD', '1.234'],
    [7, 'KWD', '0.007'],
  ])('writes %d %s as %j', (minor, currency, text) => {
    expect(minorToDecimal(minor, currency)).toBe(text)
  })

  it('gives major units as a number for spreadsheet cells', () => {
    expect(minorToMajor(1250, 'EUR')).toBe(12.5)
    expect(minorToMajor(1500, 'JPY')).toBe(1500)
    expect(minorToMajor(1234, 'KWD')).toBe(1.234)
  })

  it('round-trips through parseMoney for any amount', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.constantFrom('EUR', 'JPY', 'KWD', 'USD'),
        (minor, currency) => {
          expect(parseMoney(minorToDecimal(minor, currency), currency)).toBe(minor)
        },
      ),
      { numRuns: 300 },
    )
  })
})

describe('formatMoney', () => {
  it('shows each currency with its own decimals', () => {
    expect(formatMoney(1250, 'EUR')).toBe('€12.50')
    expect(formatMoney(-5, 'EUR')).toBe('-€0.05')
    expect(formatMoney(1500, 'JPY')).toBe('¥1,500')
    expect(formatMoney(1234, 'KWD')).toBe('KWD\u00a01.234')
    expect(formatMoney(123456789, 'USD')).toBe('$1,234,567.89')
  })

  it('follows the locale it is given', () => {
    expect(formatMoney(123450, 'EUR', 'de-DE')).toBe('1.234,50\u00a0€')
  })
})
