import { randomBytes } from 'node:crypto'
import { PATTERN_SLOT, UNAMBIGUOUS_ALPHABET } from '../../shared/contract/codes'

const ALPHABET_SIZE = UNAMBIGUOUS_ALPHABET.length
/** Bytes at or above this would bias the draw (256 is not a multiple of 31): they are redrawn. */
const UNBIASED_LIMIT = 256 - (256 % ALPHABET_SIZE)

export function slotCount(pattern: string): number {
  return pattern.split(PATTERN_SLOT).length - 1
}

/** How many different codes a pattern can produce. */
export function patternCapacity(pattern: string): number {
  return ALPHABET_SIZE ** slotCount(pattern)
}

/**
 * Draws codes from a pattern with a cryptographic random source: every `#` becomes one
 * character of the unambiguous alphabet, uniformly; other characters are kept (upper-cased).
 */
export function createCodeDrawer(pattern: string): () => string {
  const template = pattern.toUpperCase()
  const slots = slotCount(template)
  let pool = Buffer.alloc(0)
  let position = 0
  const nextIndex = (): number => {
    for (;;) {
      if (position >= pool.length) {
        pool = randomBytes(Math.max(4096, slots * 64))
        position = 0
      }
      const byte = pool[position++] ?? 255
      if (byte < UNBIASED_LIMIT) return byte % ALPHABET_SIZE
    }
  }
  return () => {
    let code = ''
    for (const char of template)
      code += char === PATTERN_SLOT ? UNAMBIGUOUS_ALPHABET[nextIndex()] : char
    return code
  }
}
