import ExcelJS from 'exceljs'
import type { TableRow } from './read-table'

/** A cell as text: what the user typed, or the result a formula shows. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  // Excel shows and stores 15 significant digits; this drops binary noise like 0.30000000000000004.
  if (typeof value === 'number') return String(Number(value.toPrecision(15)))
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  // Excel dates carry no zone: exceljs hands over the wall clock as UTC fields, so the text
  // carries no zone either (an order import reads it in the business's zone).
  if (value instanceof Date) {
    const iso = value.toISOString()
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ')
  }
  if ('richText' in value) return value.richText.map((part) => part.text).join('')
  if ('hyperlink' in value) return value.text
  if ('error' in value) return value.error
  return cellText(value.result)
}

/** The rows of the first sheet that has any, numbered as Excel numbers them. */
export async function xlsxRows(content: Uint8Array): Promise<TableRow[]> {
  const workbook = new ExcelJS.Workbook()
  // exceljs types its input as an ArrayBuffer; at run time it hands it to JSZip, which takes bytes.
  await workbook.xlsx.load(content as unknown as Parameters<typeof workbook.xlsx.load>[0])
  const sheet = workbook.worksheets.find((candidate) => candidate.actualRowCount > 0)
  const rows: TableRow[] = []
  sheet?.eachRow({ includeEmpty: false }, (row, number) => {
    const values = Array.isArray(row.values) ? row.values : []
    const cells = Array.from({ length: Math.max(values.length - 1, 0) }, (_, index) =>
      cellText(values[index + 1] as ExcelJS.CellValue),
    )
    rows.push({ row: number, cells })
  })
  return rows
}
