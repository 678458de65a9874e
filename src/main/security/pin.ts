import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto'

/**
 * Manager PINs are stored as `scrypt$<salt>$<hash>` (hex): a short PIN is cheap to guess from a
 * plain hash, so each gets its own salt and a deliberately slow key derivation.
 */
const KEY_LENGTH = 32

export function hashPin(pin: string): string {
  const salt = randomBytes(16)
  const hash = scryptSync(pin, salt, KEY_LENGTH)
  return `scrypt$${salt.toString('hex')}$${hash.toString('hex')}`
}

export function pinMatches(pin: string, stored: string): boolean {
  const [scheme, saltHex, hashHex] = stored.split('$')
  if (scheme !== 'scrypt' || !saltHex || !hashHex) return false
  const expected = Buffer.from(hashHex, 'hex')
  const actual = scryptSync(pin, Buffer.from(saltHex, 'hex'), expected.length)
  return timingSafeEqual(actual, expected)
}
