/** Bytes looked at for NUL characters: text files never have them, UTF-16 and binaries do. */
const SNIFF_BYTES = 64 * 1024

function hasNul(content: Uint8Array): boolean {
  const end = Math.min(content.length, SNIFF_BYTES)
  for (let index = 0; index < end; index++) if (content[index] === 0) return true
  return false
}

/**
 * A text file's content as a string: UTF-16 when it starts with a byte-order mark (Excel's
 * "Unicode text"), else UTF-8 (a BOM is dropped), else Windows-1252, which older Excel versions
 * still write. Throws a readable Error for content that is not text at all.
 */
export function decodeText(content: Uint8Array): string {
  if (content[0] === 0xff && content[1] === 0xfe) return new TextDecoder('utf-16le').decode(content)
  if (content[0] === 0xfe && content[1] === 0xff) return new TextDecoder('utf-16be').decode(content)
  if (hasNul(content)) {
    throw new Error(
      'The file is not text in a known encoding: it holds NUL bytes, as binary files and UTF-16 files without a byte-order mark do. Save it as “CSV UTF-8” (or .xlsx) and choose it again.',
    )
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content)
  } catch {
    return new TextDecoder('windows-1252').decode(content)
  }
}
