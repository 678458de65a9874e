import { describe, expect, it } from 'vitest'
import { safeCell } from '../../src/main/export/safe-cell'

describe('safeCell', () => {
  it.each(['=cmd|" /C calc"!A0', '+1+2', '-2+3', '@SUM(A1)', '\t=1+1', '\r=1+1'])(
    'neutralizes %j with a leading apostrophe',
    (text) => {
      expect(safeCell(text)).toBe(`'${text}`)
    },
  )

  it.each(['Corner Bakery', 'JAY10', 'a=b', 'x@example.com', '10% off', ''])(
    'leaves harmless text %j as it is',
    (text) => {
      expect(safeCell(text)).toBe(text)
    },
  )

  it('passes numbers, dates and empty cells through unchanged', () => {
    const date = new Date(Date.UTC(2026, 2, 10))
    expect(safeCell(-12.5)).toBe(-12.5)
    expect(safeCell(date)).toBe(date)
    expect(safeCell(null)).toBeNull()
    expect(safeCell(undefined)).toBeUndefined()
  })
})
