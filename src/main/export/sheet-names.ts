/** Excel refuses longer sheet names. */
export const MAX_SHEET_NAME = 31
/** Characters Excel refuses in a sheet name (and XML refuses control characters anywhere). */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[[\]:*?/\\\u0000-\u001f\u007f]/g
/** Excel keeps this name for itself. */
const RESERVED = ['history']

/**
 * Hands out sheet names Excel accepts: at most 31 characters, none of `[]:*?/\`, not starting
 * or ending with an apostrophe, and unique ignoring case (as Excel compares them). A name
 * taken already gets " (2)", " (3)" … within the 31 characters.
 */
export class SheetNames {
  private readonly taken = new Set<string>(RESERVED)

  /** `fallback` stands in for a name with nothing usable left (all forbidden characters). */
  take(wanted: string, fallback: string): string {
    const base = cleaned(wanted) || cleaned(fallback) || 'Sheet'
    let name = truncated(base, MAX_SHEET_NAME)
    for (let copy = 2; this.taken.has(name.toLowerCase()); copy++) {
      const suffix = ` (${copy})`
      name = truncated(base, MAX_SHEET_NAME - suffix.length).trimEnd() + suffix
    }
    this.taken.add(name.toLowerCase())
    return name
  }
}

function cleaned(name: string): string {
  return name
    .replace(/\s+/g, ' ')
    .replace(FORBIDDEN, '-')
    .replace(/^[\s']+|[\s']+$/g, '')
}

/** The first `length` UTF-16 units, without splitting a surrogate pair or ending on `'`. */
function truncated(text: string, length: number): string {
  if (text.length <= length) return text
  let end = length
  const last = text.charCodeAt(end - 1)
  if (last >= 0xd800 && last <= 0xdbff) end--
  return text.slice(0, end).replace(/'+$/, '')
}
