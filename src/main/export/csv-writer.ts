import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { safeCell } from './safe-cell'
import { throwIfCancelled, yieldToEventLoop, type JobControl } from '../jobs/job-runner'

/** A number written exactly as given ("-12.50"): not text, so never neutralized. */
export class CsvNumber {
  constructor(readonly text: string) {}
}

export type CsvValue = string | number | CsvNumber | Date | null | undefined

/** So Excel reads the file as UTF-8 (accents, currency signs) instead of the system code page. */
const BOM = '\uFEFF'
const NEEDS_QUOTES = /[",\r\n]/

/**
 * One field: text neutralized against formula injection (as in the workbooks) and quoted when
 * it holds a separator, a quote or a line break (RFC 4180). Dates carry the wall-clock time of
 * the business's zone in their UTC fields (see localDateCell) and print as `yyyy-mm-dd hh:mm`.
 */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return ''
  if (value instanceof CsvNumber) return value.text
  if (typeof value === 'number') return String(value)
  if (value instanceof Date) return value.toISOString().slice(0, 16).replace('T', ' ')
  const text = safeCell(value)
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/**
 * Streams chunks of rows into a CSV file (UTF-8 with a BOM, CRLF line ends), waiting whenever
 * the file stream's buffer is full, checking for cancel and reporting progress per chunk.
 * Returns the rows written.
 */
export async function writeCsv(
  path: string,
  chunks: Iterable<CsvValue[][]>,
  control: JobControl,
  expectedRows: number | null,
): Promise<number> {
  const out = createWriteStream(path, { encoding: 'utf8' })
  const failed = new Promise<never>((_, reject) => out.once('error', reject))
  failed.catch(() => {})
  let written = 0
  try {
    out.write(BOM)
    for (const chunk of chunks) {
      throwIfCancelled(control.signal)
      let text = ''
      for (const row of chunk) text += `${row.map(csvField).join(',')}\r\n`
      written += chunk.length
      control.progress(written, expectedRows)
      if (!out.write(text)) await Promise.race([once(out, 'drain'), failed])
      else await yieldToEventLoop()
    }
    out.end()
    await Promise.race([once(out, 'finish'), failed])
  } finally {
    if (!out.writableFinished) out.destroy()
  }
  return written
}
