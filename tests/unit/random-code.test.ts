import { describe, expect, it } from 'vitest'
import { UNAMBIGUOUS_ALPHABET } from '../../src/shared/contract/codes'
import { createCodeDrawer, patternCapacity, slotCount } from '../../src/main/codes/random-code'

function draw(pattern: string, count: number): string[] {
  const next = createCodeDrawer(pattern)
  return Array.from({ length: count }, () => next())
}

describe('the unambiguous alphabet', () => {
  it('has no characters people confuse', () => {
    for (const confusable of ['0', 'O', '1', 'I', 'L']) {
      expect(UNAMBIGUOUS_ALPHABET).not.toContain(confusable)
    }
    expect(new Set(UNAMBIGUOUS_ALPHABET).size).toBe(UNAMBIGUOUS_ALPHABET.length)
    expect(UNAMBIGUOUS_ALPHABET).toHaveLength(31)
  })
})

describe('createCodeDrawer', () => {
  it('keeps the pattern around the slots, upper-cased', () => {
    for (const code of draw('spring-####-x_#', 500)) {
      expect(code).toMatch(/^SPRING-[A-Z2-9]{4}-X_[A-Z2-9]$/)
    }
  })

  it('fills slots only from the unambiguous alphabet', () => {
    const allowed = new Set(UNAMBIGUOUS_ALPHABET)
    for (const code of draw('##########', 2000)) {
      for (const char of code) expect(allowed.has(char)).toBe(true)
    }
  })

  it('draws no duplicate over 100,000 codes of ten slots', () => {
    const codes = draw('PL-##########', 100_000)
    expect(new Set(codes).size).toBe(codes.length)
  })

  it('uses every character about equally often (chi-squared)', () => {
    const counts = new Map<string, number>()
    const codes = draw('########', 20_000)
    for (const code of codes) for (const char of code) counts.set(char, (counts.get(char) ?? 0) + 1)
    const total = codes.length * 8
    const expected = total / UNAMBIGUOUS_ALPHABET.length
    let chiSquared = 0
    for (const char of UNAMBIGUOUS_ALPHABET) {
      const observed = counts.get(char) ?? 0
      chiSquared += (observed - expected) ** 2 / expected
    }
    // 30 degrees of freedom: 90 is exceeded by chance about once in ten million runs; a byte-
    // modulo bias (256 is not a multiple of 31) would push it far past that.
    expect(chiSquared).toBeLessThan(90)
  })

  it('draws independently in each slot position', () => {
    const codes = draw('##', 31 * 31 * 40)
    const firstChars = new Set(codes.map((code) => code[0]))
    const secondChars = new Set(codes.map((code) => code[1]))
    expect(firstChars.size).toBe(31)
    expect(secondChars.size).toBe(31)
    expect(new Set(codes).size).toBeGreaterThan(31 * 31 * 0.95)
  })
})

describe('pattern capacity', () => {
  it('counts slots and the codes they allow', () => {
    expect(slotCount('PROMO-####')).toBe(4)
    expect(slotCount('NOSLOTS')).toBe(0)
    expect(patternCapacity('##')).toBe(961)
    expect(patternCapacity('PROMO-####')).toBe(31 ** 4)
  })
})
