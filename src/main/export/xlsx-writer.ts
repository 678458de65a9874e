import ExcelJS from 'exceljs'
import { safeCell } from './safe-cell'
import { throwIfCancelled, yieldToEventLoop, type JobControl } from '../jobs/job-runner'

export interface ColumnSpec {
  header: string
  width: number
  /** Excel number format for numeric and date cells. */
  numFmt?: string
}

export interface SheetSpec {
  name: string
  /** Lines above the table (title, filter, ledger head hash). */
  preamble: string[]
  columns: ColumnSpec[]
  /** Chunks of rows, read lazily so large sets never sit in memory at once. */
  rows: () => AsyncIterable<unknown[][]> | Iterable<unknown[][]>
  /** Row count when known, for progress. */
  expectedRows: number | null
}

/**
 * Streams sheets into an .xlsx file with exceljs's WorkbookWriter. Text cells are neutralized
 * against formula injection; styles are per column, so rows carry no style objects of their own.
 */
export async function writeXlsx(
  path: string,
  sheets: SheetSpec[],
  control: JobControl,
): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useStyles: true,
    useSharedStrings: false,
  })
  let written = 0
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name)
    sheet.columns = spec.columns.map((column) => ({
      width: column.width,
      style: column.numFmt ? { numFmt: column.numFmt } : {},
    }))
    for (const line of spec.preamble) sheet.addRow([safeCell(line)]).commit()
    if (spec.preamble.length > 0) sheet.addRow([]).commit()
    const header = sheet.addRow(spec.columns.map((column) => column.header))
    header.font = { bold: true }
    header.commit()
    for await (const chunk of spec.rows()) {
      throwIfCancelled(control.signal)
      for (const values of chunk) sheet.addRow(values.map(safeCell)).commit()
      written += chunk.length
      control.progress(written, spec.expectedRows)
      await yieldToEventLoop()
    }
    sheet.commit()
  }
  await workbook.commit()
  return written
}
