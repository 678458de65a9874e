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

/*
 * Why exceljs's streaming WorkbookWriter alone grows with the rows (500–650 MB at a million):
 * each committed row's XML goes into the sheet's StreamBuf, which hands every full 64 KiB
 * buffer to its zip entry (a PassThrough that archiver wraps around it) with write() and
 * ignores the return value. Nothing pushes back on row.commit(). Deflate runs on the thread
 * pool and only moves on when the event loop turns, about one buffer per turn, while rows are
 * produced synchronously; yielding with setImmediate after each chunk of rows is not enough.
 * So nearly the whole uncompressed sheet (~500 bytes of XML per row) waits in that PassThrough
 * until workbook.commit() drains it.
 *
 * This writer applies the backpressure exceljs leaves out: every ROWS_PER_TURN rows it looks
 * at how much XML waits in the zip entry and, above MAX_PENDING_BYTES, waits for it to drain;
 * otherwise it still yields one event-loop turn, so deflate (on the other core) gets the next
 * buffer while this thread renders the next rows. Memory stays flat whatever the row count,
 * and the export is faster, not slower: deflating overlaps with rendering instead of all
 * happening at the end.
 *
 * Styles: exceljs gives every row and every cell a fresh style object and caches style ids by
 * object identity, so each one re-renders its style's XML to look its id up. Data rows here
 * share one empty row style, and cells one style object per column (plus one for dates, whose
 * default format differs), which gives the same ids without the per-cell work.
 */
const MAX_PENDING_BYTES = 1 << 20
/** About 60 KiB of XML: what deflate takes in one turn of the event loop. */
const ROWS_PER_TURN = 100
const NO_ROW_STYLE = {}

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
    const pending = zipEntryInput(sheet)
    sheet.columns = spec.columns.map((column) => ({
      width: column.width,
      style: column.numFmt ? { numFmt: column.numFmt } : {},
    }))
    const styles = spec.columns.map((column) => (column.numFmt ? { numFmt: column.numFmt } : {}))
    const dateStyles = styles.map((style) => ({ ...style }))

    for (const line of spec.preamble) sheet.addRow([safeCell(line)]).commit()
    if (spec.preamble.length > 0) sheet.addRow([]).commit()
    const header = sheet.addRow(spec.columns.map((column) => column.header))
    header.font = { bold: true }
    header.commit()

    let sinceTurn = 0
    for await (const chunk of spec.rows()) {
      throwIfCancelled(control.signal)
      for (const values of chunk) {
        const cells = values.map(safeCell)
        const row = sheet.addRow(cells)
        ;(row as unknown as { style: object }).style = NO_ROW_STYLE
        const shared = Math.min(cells.length, styles.length)
        for (let index = 0; index < shared; index++) {
          const value = cells[index]
          if (value === undefined) continue
          row.getCell(index + 1).style = (value instanceof Date ? dateStyles : styles)[index] ?? {}
        }
        row.commit()
        if (++sinceTurn >= ROWS_PER_TURN) {
          sinceTurn = 0
          if (pending) await pending.drainBelow(MAX_PENDING_BYTES)
          else await yieldToEventLoop()
        }
      }
      written += chunk.length
      control.progress(written, spec.expectedRows)
    }
    sheet.commit()
  }
  await workbook.commit()
  return written
}

/** The writable side of a stream in the shapes Node and readable-stream 2 give it. */
interface WritableLike {
  once(event: string, listener: (...args: unknown[]) => void): unknown
  removeListener(event: string, listener: (...args: unknown[]) => void): unknown
  destroyed?: boolean
  writableLength?: number
  _writableState?: { length?: number; ended?: boolean }
}

/**
 * The stream archiver reads the sheet's XML from (exceljs's internals: the sheet's StreamBuf
 * pipes into it). Null when exceljs is laid out differently; the export then still works, only
 * without the memory bound.
 */
function zipEntryInput(sheet: ExcelJS.Worksheet) {
  const pipes = (sheet as unknown as { stream?: { pipes?: unknown } }).stream?.pipes
  const target = Array.isArray(pipes) && pipes.length === 1 ? (pipes[0] as WritableLike) : null
  if (!target || typeof target.once !== 'function' || !target._writableState) return null
  const pendingBytes = () => target.writableLength ?? target._writableState?.length ?? 0
  const finished = () => target.destroyed === true || target._writableState?.ended === true
  return {
    /** Waits until at most `limit` bytes of XML wait to be zipped, or one turn when they do. */
    async drainBelow(limit: number): Promise<void> {
      if (pendingBytes() <= limit || finished()) return yieldToEventLoop()
      while (pendingBytes() > limit && !finished()) {
        await new Promise<void>((resolve, reject) => {
          const stopListening = () => {
            clearTimeout(timer)
            target.removeListener('drain', done)
            target.removeListener('close', done)
            target.removeListener('error', failed)
          }
          const done = () => {
            stopListening()
            resolve()
          }
          const failed = (error: unknown) => {
            stopListening()
            reject(error instanceof Error ? error : new Error(String(error)))
          }
          // 'drain' fires when the buffer empties; the timer only guards against a missed one.
          const timer = setTimeout(done, 250)
          target.once('drain', done)
          target.once('close', done)
          target.once('error', failed)
        })
      }
    },
  }
}
