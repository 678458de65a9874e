import { parse } from 'csv-parse/sync'
import type { TableRow } from './read-table'

const SEPARATORS = [',', ';', '\t']

/** UTF-8 as most tools write it (a BOM is dropped); Excel on Windows may still save Windows-1252. */
function decode(content: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content)
  } catch {
    return new TextDecoder('windows-1252').decode(content)
  }
}

/**
 * The separator the header line uses most, outside quotes: spreadsheets set to a language
 * that writes decimals with a comma (French, German…) save CSV with semicolons.
 */
export function detectSeparator(text: string): string {
  const counts = new Map<string, number>()
  let quoted = false
  let lineHasText = false
  for (const char of text) {
    if (char === '"') quoted = !quoted
    if (quoted) continue
    if (char === '\n' || char === '\r') {
      if (lineHasText) break
      continue
    }
    if (SEPARATORS.includes(char)) counts.set(char, (counts.get(char) ?? 0) + 1)
    if (char.trim()) lineHasText = true
  }
  let best = ','
  for (const separator of SEPARATORS) {
    if ((counts.get(separator) ?? 0) > (counts.get(best) ?? 0)) best = separator
  }
  return best
}

/** Every record of a CSV file; record n is row n, as a spreadsheet opening the file shows it. */
export function csvRows(content: Uint8Array): TableRow[] {
  const text = decode(content)
  const records = parse(text, {
    delimiter: detectSeparator(text),
    bom: true,
    relax_column_count: true,
  }) as string[][]
  return records.map((cells, index) => ({ row: index + 1, cells }))
}
