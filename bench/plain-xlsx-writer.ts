import ExcelJS from 'exceljs'
import { safeCell } from '../src/main/export/safe-cell'
import type { SheetSpec } from '../src/main/export/xlsx-writer'
import { yieldToEventLoop } from '../src/main/jobs/job-runner'

/**
 * The export baseline: the same sheet written the way exceljs documents its streaming writer
 * (add a row, commit it, move on), which is how the app's writer started out. Kept here only
 * to measure the app's writer against it.
 */
export async function writePlainly(path: string, sheets: SheetSpec[]): Promise<number> {
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
      for (const values of chunk) sheet.addRow(values.map(safeCell)).commit()
      written += chunk.length
      await yieldToEventLoop()
    }
    sheet.commit()
  }
  await workbook.commit()
  return written
}
