const YES = new Set(['yes', 'y', 'true', '1'])
const NO = new Set(['no', 'n', 'false', '0'])

/** A yes/no cell: undefined when blank (take the default), null when it is neither. */
export function parseFlag(text: string): boolean | undefined | null {
  const value = text.trim().toLowerCase()
  if (!value) return undefined
  if (YES.has(value)) return true
  if (NO.has(value)) return false
  return null
}
