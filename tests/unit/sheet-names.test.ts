import { describe, expect, it } from 'vitest'
import { MAX_SHEET_NAME, SheetNames } from '../../src/main/export/sheet-names'

describe('sheet names', () => {
  it('replaces the characters Excel refuses and trims apostrophes at either end', () => {
    const names = new SheetNames()
    expect(names.take('A/B [Partners]: *best*?', 'x')).toBe('A-B -Partners-- -best--')
    expect(names.take("'Quoted'", 'x')).toBe('Quoted')
    expect(names.take('back\\slash\ttab', 'x')).toBe('back-slash tab')
  })

  it('falls back when nothing usable is left, and keeps History for Excel', () => {
    const names = new SheetNames()
    expect(names.take("  ''  ", 'Promoter 7')).toBe('Promoter 7')
    expect(names.take('History', 'x')).toBe('History (2)')
  })

  it('cuts long names to 31 characters, without splitting an emoji', () => {
    const names = new SheetNames()
    expect(names.take('x'.repeat(40), 'x')).toBe('x'.repeat(MAX_SHEET_NAME))
    const emoji = names.take(`${'y'.repeat(30)}😀`, 'x')
    expect(emoji).toBe('y'.repeat(30))
  })

  it('numbers names already taken, ignoring case, within 31 characters', () => {
    const names = new SheetNames()
    expect(names.take('Summary', 'x')).toBe('Summary')
    expect(names.take('summary', 'x')).toBe('summary (2)')
    expect(names.take('Sam Lee', 'x')).toBe('Sam Lee')
    expect(names.take('Sam Lee', 'x')).toBe('Sam Lee (2)')
    expect(names.take('Sam Lee', 'x')).toBe('Sam Lee (3)')
    const long = 'z'.repeat(MAX_SHEET_NAME)
    expect(names.take(long, 'x')).toBe(long)
    const second = names.take(long, 'x')
    expect(second).toBe(`${'z'.repeat(MAX_SHEET_NAME - 4)} (2)`)
    expect(second).toHaveLength(MAX_SHEET_NAME)
  })
})
