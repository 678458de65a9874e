import { parse, type CsvError } from 'csv-parse'
import { DomainError } from '../api/domain-error'
import { yieldToEventLoop } from '../jobs/job-runner'
import { detectSeparator } from './csv-rows'
import { decodeText } from './decode-text'
import {
  indexColumns,
  OLE_SIGNATURE,
  startsWith,
  withoutTrailingBlanks,
  ZIP_SIGNATURE,
  type Fail,
  type TableRow,
} from './read-table'
import { xlsxRows } from './xlsx-rows'

/** A longer line is not a row of an order file; csv-parse would hold all of it in memory. */
export const MAX_LINE_CHARS = 1_000_000
/** Text handed to csv-parse at a time; the event loop turns between two. */
const SLICE_CHARS = 64 * 1024

export interface TableStream {
  /** Column names as the file writes them. */
  header: string[]
  /** Where a column is, by name in any case. */
  column(name: string): number | undefined
  /** Data rows, for progress: counted lines, so a quoted value over several lines inflates it. */
  estimatedRows: number
  /**
   * The rows below the header in chunks of about `chunkRows`, read as they are needed: blank
   * rows left out, cells trimmed, each row at least as long as the header (longer when the
   * row has more values than the header names; the caller decides what that means).
   */
  chunks(chunkRows: number): AsyncGenerator<TableRow[]>
}

/**
 * Opens a CSV (comma, semicolon or tab separated; UTF-8 with or without BOM, UTF-16 with one,
 * or Windows-1252) or the first sheet of an .xlsx workbook for reading in chunks. CSV is parsed
 * by csv-parse as a stream, 64 KiB at a time with a turn of the event loop between, so a
 * 100,000-row file never blocks other requests for long; an .xlsx is loaded whole by exceljs.
 * Problems with the file as a whole throw a DomainError on `field`, also from `chunks()`.
 */
export async function streamTable(
  content: Uint8Array,
  options: { field?: string } = {},
): Promise<TableStream> {
  const fail: Fail = (message, details) =>
    new DomainError('invalid_input', message, { field: options.field ?? 'file', details })
  if (startsWith(content, OLE_SIGNATURE)) {
    throw fail('Old .xls workbooks cannot be read; save the file as .xlsx or CSV.')
  }
  if (startsWith(content, ZIP_SIGNATURE)) return xlsxStream(content, fail)
  let text: string
  try {
    text = decodeText(content)
  } catch (error) {
    throw fail(error instanceof Error ? error.message : String(error))
  }
  return csvStream(text, fail)
}

function tableOf(
  headerRow: TableRow | undefined,
  fail: Fail,
): Pick<TableStream, 'header' | 'column'> {
  if (!headerRow) throw fail('The file is empty.')
  const header = withoutTrailingBlanks(headerRow.cells.map((cell) => cell.trim()))
  const columns = indexColumns(header, fail)
  return { header, column: (name) => columns.get(name.toLowerCase()) }
}

/** Trimmed cells, trailing blanks dropped, padded to the header's width; null for a blank row. */
function shape(cells: string[], width: number): string[] | null {
  const trimmed = withoutTrailingBlanks(cells.map((cell) => cell.trim()))
  if (trimmed.length === 0) return null
  while (trimmed.length < width) trimmed.push('')
  return trimmed
}

async function xlsxStream(content: Uint8Array, fail: Fail): Promise<TableStream> {
  let rows: TableRow[]
  try {
    rows = await xlsxRows(content)
  } catch {
    throw fail(
      'The file looks like a workbook but cannot be read (it may be truncated or damaged); save it again as .xlsx or CSV.',
    )
  }
  const first = rows.findIndex((row) => row.cells.some((cell) => cell.trim()))
  const table = tableOf(rows[first], fail)
  const data = rows.slice(first + 1)
  return {
    ...table,
    estimatedRows: data.length,
    async *chunks(chunkRows) {
      let chunk: TableRow[] = []
      for (const { row, cells } of data) {
        const shaped = shape(cells, table.header.length)
        if (shaped) chunk.push({ row, cells: shaped })
        if (chunk.length >= chunkRows) {
          yield chunk
          chunk = []
          await yieldToEventLoop()
        }
      }
      if (chunk.length > 0) yield chunk
    },
  }
}

/** Checks every line's length and counts them, before csv-parse sees any of it. */
function scanLines(text: string, fail: Fail): number {
  let lines = 0
  let start = 0
  while (start < text.length) {
    let end = text.indexOf('\n', start)
    if (end < 0) end = text.length
    lines++
    if (end - start > MAX_LINE_CHARS) {
      throw fail(
        `Line ${lines.toLocaleString('en')} is ${(end - start).toLocaleString('en')} characters long; an order file's rows are far shorter. This is not an order file, or it is damaged.`,
        { row: lines },
      )
    }
    start = end + 1
  }
  return lines
}

function csvStream(text: string, fail: Fail): TableStream {
  const lines = scanLines(text, fail)
  const separator = detectSeparator(text)
  const headerLine = firstLineWithText(text, separator)
  // The header is parsed on its own: the columns must be known before the first chunk.
  const headerRecords = parseSync(headerLine, separator)
  const table = tableOf({ row: 1, cells: headerRecords[0] ?? [] }, fail)
  const width = table.header.length
  return {
    ...table,
    estimatedRows: Math.max(lines - 1, 0),
    chunks: (chunkRows) => csvChunks(text, separator, width, chunkRows, fail),
  }
}

/** The header: the first line holding more than separators and spaces. */
function firstLineWithText(text: string, separator: string): string {
  let start = 0
  while (start < text.length) {
    let end = text.indexOf('\n', start)
    if (end < 0) end = text.length
    const line = text.slice(start, end).replace(/\r$/, '')
    if (line.split(separator).some((cell) => cell.trim())) return line
    start = end + 1
  }
  return ''
}

function parseSync(text: string, separator: string): string[][] {
  const records: string[][] = []
  const parser = parse({
    delimiter: separator,
    bom: true,
    relax_column_count: true,
    to_line: 1,
    on_record: (record: string[]) => {
      records.push(record)
      return null
    },
  })
  parser.on('error', () => {})
  parser.write(text)
  parser.end()
  return records
}

async function* csvChunks(
  text: string,
  separator: string,
  width: number,
  chunkRows: number,
  fail: Fail,
): AsyncGenerator<TableRow[]> {
  let pending: TableRow[] = []
  let recordNumber = 0
  let headerSeen = false
  /** Whether every row so far had all the header's values: a short last row then means a cut. */
  let allFull = true
  let last: { row: number; values: number } | null = null
  let failure: CsvError | Error | null = null
  const parser = parse({
    delimiter: separator,
    bom: true,
    relax_column_count: true,
    max_record_size: MAX_LINE_CHARS,
    on_record: (record: string[]) => {
      recordNumber++
      const cells = shape(record, width)
      if (!cells) return null
      if (!headerSeen) {
        headerSeen = true
        return null
      }
      if (last && last.values < width) allFull = false
      last = { row: recordNumber, values: record.length }
      pending.push({ row: recordNumber, cells })
      return null
    },
  })
  parser.on('error', (error: Error) => (failure ??= error))
  for (let offset = 0; offset < text.length; offset += SLICE_CHARS) {
    if (!failure) parser.write(text.slice(offset, offset + SLICE_CHARS))
    // A parse error surfaces on the next tick; the turn also lets other requests in.
    await yieldToEventLoop()
    if (failure) throw csvFailure(failure, fail)
    while (pending.length >= chunkRows) yield pending.splice(0, chunkRows)
  }
  await new Promise<void>((resolve) => {
    parser.once('error', () => resolve())
    parser.once('end', () => resolve())
    parser.resume()
    parser.end()
  })
  if (failure) throw csvFailure(failure, fail)
  const cut = last as { row: number; values: number } | null
  if (cut && allFull && cut.values < width && !/[\r\n]$/.test(text)) {
    throw fail(
      `The file ends in the middle of row ${cut.row} (it has ${cut.values} of the header's ${width} values and no line break): it looks truncated. Export it again.`,
      { row: cut.row },
    )
  }
  if (pending.length > 0) yield pending
  pending = []
}

/** csv-parse's errors, said for people; its line numbers are the file's lines. */
function csvFailure(error: CsvError | Error, fail: Fail): DomainError {
  const line = 'lines' in error && typeof error.lines === 'number' ? error.lines : null
  const at = line === null ? '' : ` on line ${line.toLocaleString('en')}`
  const code = 'code' in error ? error.code : ''
  if (code === 'CSV_QUOTE_NOT_CLOSED') {
    return fail(
      `The file ends inside a quoted value${at}: it looks truncated, or a quote is missing. Nothing was read from it.`,
    )
  }
  if (code === 'CSV_MAX_RECORD_SIZE') {
    return fail(
      `A row${at} is longer than ${MAX_LINE_CHARS.toLocaleString('en')} characters; this is not an order file, or a quote is missing.`,
    )
  }
  if (code === 'CSV_INVALID_CLOSING_QUOTE') {
    return fail(
      `A quoted value${at} is followed by more text; a quote inside a value must be doubled ("").`,
    )
  }
  return fail(`The file is not valid CSV${at}: ${error.message}`)
}
