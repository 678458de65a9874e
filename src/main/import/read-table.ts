import { DomainError } from '../api/domain-error'
import { csvRows } from './csv-rows'
import { xlsxRows } from './xlsx-rows'

/** One row of a file, numbered as a spreadsheet shows it: the first row is 1. */
export interface TableRow {
  row: number
  /** Trimmed text of each cell. */
  cells: string[]
}

export interface Table {
  /** Column names as the file writes them. */
  header: string[]
  /** The rows below the header, blank rows left out; each has one cell per column. */
  rows: TableRow[]
  /** Where a column is, by name in any case; undefined when the file has none. */
  column(name: string): number | undefined
}

export interface ReadTableOptions {
  /** Columns the file must have, matched without regard to case. */
  required: readonly string[]
  /** The input field problems are reported on. */
  field?: string
  maxRows?: number
}

export const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04]
export const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0]

export const startsWith = (content: Uint8Array, signature: number[]) =>
  signature.every((byte, index) => content[index] === byte)

/**
 * Reads a CSV file (comma, semicolon or tab separated, UTF-8 with or without BOM) or the first
 * sheet of an .xlsx workbook into a header and rows of trimmed text. The content decides the
 * format, not the file's name. Problems with the file as a whole throw a DomainError on
 * `options.field`; checking the values of each row is left to the caller.
 */
export async function readTable(content: Uint8Array, options: ReadTableOptions): Promise<Table> {
  const fail = (message: string, details?: Record<string, unknown>) =>
    new DomainError('invalid_input', message, { field: options.field ?? 'file', details })
  if (startsWith(content, OLE_SIGNATURE)) {
    throw fail('Old .xls workbooks cannot be read; save the file as .xlsx or CSV.')
  }
  const raw = startsWith(content, ZIP_SIGNATURE)
    ? await readXlsx(content, fail)
    : readCsv(content, fail)
  const rows = raw
    .map(({ row, cells }) => ({ row, cells: cells.map((cell) => cell.trim()) }))
    .filter(({ cells }) => cells.some(Boolean))
  const [headerRow, ...dataRows] = rows
  if (!headerRow) throw fail('The file is empty.')
  const header = withoutTrailingBlanks(headerRow.cells)
  const columns = indexColumns(header, fail)
  const missing = options.required.filter((name) => !columns.has(name.toLowerCase()))
  if (missing.length > 0) {
    throw fail(
      `The file has no ${missing.join(', ')} column${missing.length > 1 ? 's' : ''}. Its first row must name the columns; it has: ${header.join(', ')}.`,
    )
  }
  if (dataRows.length === 0) throw fail('The file has a header row but no rows below it.')
  if (options.maxRows !== undefined && dataRows.length > options.maxRows) {
    throw fail(
      `The file has ${dataRows.length.toLocaleString('en')} rows; at most ${options.maxRows.toLocaleString('en')} can be read at once. Split it into smaller files.`,
    )
  }
  for (const { row, cells } of dataRows) {
    if (withoutTrailingBlanks(cells).length > header.length) {
      throw fail(
        `Row ${row} has more values than the header has columns (${header.length}). Check the separator, or put quotes around values that contain it.`,
        { row },
      )
    }
  }
  return {
    header,
    rows: dataRows.map(({ row, cells }) => ({
      row,
      cells: header.map((_, index) => cells[index] ?? ''),
    })),
    column: (name) => columns.get(name.toLowerCase()),
  }
}

export type Fail = (message: string, details?: Record<string, unknown>) => DomainError

function readCsv(content: Uint8Array, fail: Fail): TableRow[] {
  try {
    return csvRows(content)
  } catch (error) {
    throw fail(
      `The file is not valid CSV: ${error instanceof Error ? error.message : String(error)}`,
    )
  }
}

async function readXlsx(content: Uint8Array, fail: Fail): Promise<TableRow[]> {
  try {
    return await xlsxRows(content)
  } catch {
    throw fail('The file looks like a workbook but cannot be read; save it again as .xlsx or CSV.')
  }
}

/** Spreadsheets often save empty cells after the last column; they are not values. */
export function withoutTrailingBlanks(cells: string[]): string[] {
  let end = cells.length
  while (end > 0 && !cells[end - 1]) end--
  return cells.slice(0, end)
}

export function indexColumns(header: string[], fail: Fail): Map<string, number> {
  const columns = new Map<string, number>()
  header.forEach((name, index) => {
    const key = name.toLowerCase()
    if (!key) return
    if (columns.has(key)) throw fail(`The column “${name}” appears twice in the header.`)
    columns.set(key, index)
  })
  return columns
}
