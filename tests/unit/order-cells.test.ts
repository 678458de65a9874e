import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  orderDay,
  parseAmount,
  parseOrderDate,
  parseQuantity,
} from '../../src/main/orders/order-cells'
import { localDayOf } from '../../src/main/time/local-dates'

describe('amounts in order files', () => {
  it('reads the decimal separator the mapping says, the other one grouping thousands', () => {
    expect(parseAmount('20.00', 2, '.')).toBe(2000)
    expect(parseAmount('1,234.5', 2, '.')).toBe(123450)
    expect(parseAmount('1 234,50', 2, ',')).toBe(123450)
    expect(parseAmount('1.234,50', 2, ',')).toBe(123450)
    expect(parseAmount("1'234.50", 2, '.')).toBe(123450)
    expect(parseAmount('7', 0, '.')).toBe(7)
    expect(parseAmount('20.000', 2, '.')).toBe(2000) // trailing zeros beyond the currency's decimals
  })

  it('refuses what is not such an amount', () => {
    for (const text of ['20,00', '1,23,4.00', '-5.00', '20.001', 'abc', '', '1.2.3']) {
      expect(parseAmount(text, 2, '.'), text).toBeNull()
    }
    expect(parseAmount('20.00', 2, ',')).toBeNull()
    expect(parseAmount('12.5', 0, '.')).toBeNull()
  })

  it('round-trips every amount written either way', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), (minor) => {
        const whole = Math.floor(minor / 100)
        const cents = String(minor % 100).padStart(2, '0')
        const grouped = whole.toLocaleString('en')
        expect(parseAmount(`${whole}.${cents}`, 2, '.')).toBe(minor)
        expect(parseAmount(`${grouped}.${cents}`, 2, '.')).toBe(minor)
        expect(parseAmount(`${grouped.replace(/,/g, '.')},${cents}`, 2, ',')).toBe(minor)
      }),
    )
  })
})

describe('quantities', () => {
  it('are whole numbers from 1 to 100,000', () => {
    expect(parseQuantity('3')).toBe(3)
    expect(parseQuantity('3.0')).toBe(3)
    expect(parseQuantity('3,00')).toBe(3)
    for (const text of ['0', '2.5', '-1', '100001', 'two', ''])
      expect(parseQuantity(text), text).toBeNull()
  })
})

describe('order dates', () => {
  const paris = 'Europe/Paris'
  it('read ISO dates in the business’s zone unless they carry an offset', () => {
    expect(parseOrderDate('2026-03-05', 'iso', paris)).toBe(Date.UTC(2026, 2, 4, 23, 0))
    expect(parseOrderDate('2026-03-05 14:30', 'iso', paris)).toBe(Date.UTC(2026, 2, 5, 13, 30))
    expect(parseOrderDate('2026-03-05T14:30:15.250Z', 'iso', paris)).toBe(
      Date.UTC(2026, 2, 5, 14, 30, 15),
    )
    expect(parseOrderDate('2026-03-05 14:30:00 +0100', 'iso', paris)).toBe(
      Date.UTC(2026, 2, 5, 13, 30),
    )
    expect(parseOrderDate('2026-07-05 14:30:00-04:00', 'iso', paris)).toBe(
      Date.UTC(2026, 6, 5, 18, 30),
    )
  })

  it('read day-first and month-first dates when the format says so, and ISO always', () => {
    expect(parseOrderDate('05/03/2026 14:30', 'dmy', paris)).toBe(Date.UTC(2026, 2, 5, 13, 30))
    expect(parseOrderDate('05.03.2026', 'dmy', paris)).toBe(Date.UTC(2026, 2, 4, 23, 0))
    expect(parseOrderDate('03/05/2026 2:30 PM', 'mdy', paris)).toBe(Date.UTC(2026, 2, 5, 13, 30))
    expect(parseOrderDate('03/05/2026 12:10 AM', 'mdy', paris)).toBe(Date.UTC(2026, 2, 4, 23, 10))
    expect(parseOrderDate('2026-03-05 14:30', 'dmy', paris)).toBe(Date.UTC(2026, 2, 5, 13, 30))
    expect(parseOrderDate('05/03/2026', 'iso', paris)).toBeNull()
  })

  it('refuse days that do not exist', () => {
    for (const text of [
      '2026-02-29',
      '2026-13-01',
      '2026-04-31',
      '2026-03-05 24:00',
      '31/04/2026',
    ]) {
      expect(parseOrderDate(text, 'dmy', paris), text).toBeNull()
    }
    expect(parseOrderDate('2028-02-29', 'iso', paris)).toBe(Date.UTC(2028, 1, 28, 23, 0))
  })

  it('read wall-clock times across DST changes as clocks do', () => {
    // 2026-03-29 02:30 does not exist in Paris (clocks jump from 02:00 to 03:00).
    expect(parseOrderDate('2026-03-29 01:59', 'iso', paris)).toBe(Date.UTC(2026, 2, 29, 0, 59))
    expect(parseOrderDate('2026-03-29 02:30', 'iso', paris)).toBe(Date.UTC(2026, 2, 29, 1, 30))
    expect(parseOrderDate('2026-03-29 03:00', 'iso', paris)).toBe(Date.UTC(2026, 2, 29, 1, 0))
    expect(parseOrderDate('2026-10-25 12:00', 'iso', paris)).toBe(Date.UTC(2026, 9, 25, 11, 0))
  })

  it('give the same local day as localDayOf, from the remembered quarter hours', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }),
        fc.constantFrom('Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham'),
        (instant, zone) => {
          expect(orderDay(instant, zone)).toBe(localDayOf(instant, zone))
        },
      ),
    )
  })
})
