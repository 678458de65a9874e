import type { Business } from '../../shared/contract/businesses'
import type { ResolvedImportFormat } from '../../shared/contract/order-imports'
import { DomainError } from '../api/domain-error'
import type { Workspace } from '../db/database'
import {
  deleteImportRows,
  deleteImportRun,
  importContent,
  importCounts,
  insertImportRows,
  updateImportRun,
} from '../db/repos/order-imports.repo'
import { JobCancelled, yieldToEventLoop, type JobControl } from '../jobs/job-runner'
import { engineFigureOf, EngineFigures } from './engine-figure'
import { checkOrderCodes, CodeBook, importedAlready } from './order-codes'
import { OrderCustomers } from './order-customers'
import { LimitSimulator } from './order-limits'
import {
  acceptedOutcome,
  refusedOutcome,
  unreadableOutcome,
  type OrderOutcome,
} from './order-outcome'
import { openOrderSource } from './order-source'
import { isRejection, type ReadOrder, type SourceOrder } from './source-order'

/** File rows read, checked and recorded between two turns of the event loop. */
const ROWS_PER_BATCH = 1_000

/**
 * The dry run over a file: reads every order and runs every check the import runs, predicting
 * the limits with counters in memory. Writes only the run's own rows, never the ledger.
 */
class CheckPass {
  private readonly book: CodeBook
  private readonly limits: LimitSimulator
  private readonly figures: EngineFigures
  private readonly customers: OrderCustomers

  constructor(
    private readonly db: Workspace,
    private readonly business: Business,
  ) {
    this.book = new CodeBook(db, business.id)
    this.limits = new LimitSimulator(db, business)
    this.figures = new EngineFigures(db, business)
    this.customers = new OrderCustomers(db, business.id)
  }

  run(batch: ReadOrder[]): OrderOutcome[] {
    const orders = batch.flatMap((read) => (read.ok ? [read.order] : []))
    this.figures.prime(orders)
    const imported = importedAlready(this.db, this.business.id, orders)
    return batch.map((read) =>
      read.ok ? this.check(read.order, imported) : unreadableOutcome(read.rejected),
    )
  }

  private check(order: SourceOrder, imported: ReadonlySet<string>): OrderOutcome {
    const codes = checkOrderCodes(this.business, this.book, order, imported)
    if (isRejection(codes)) return refusedOutcome(order, codes)
    const ref = order.customer
    const customer = ref ? this.customers.find(ref) : null
    const limit = this.limits.take(order, codes, customer)
    if (limit) return refusedOutcome(order, limit)
    const engine = engineFigureOf(this.figures, order, codes, () =>
      ref && customer ? this.customers.engineFacts(ref, customer) : null,
    )
    if (customer) this.customers.counted(customer)
    return acceptedOutcome(order, codes, engine)
  }
}

/**
 * The check job: reads the stored file with the chosen format and records every order's
 * outcome. A file that turns out unreadable part-way (truncated, a quote never closed) leaves
 * nothing behind, not even its upload; a format that does not fit it leaves the upload for
 * another try.
 */
export async function checkImport(
  db: Workspace,
  business: Business,
  importId: number,
  format: ResolvedImportFormat,
  now: number,
  control: JobControl,
): Promise<string> {
  const content = importContent(db, importId)
  if (!content)
    throw new DomainError('conflict', 'This import has no file any more; choose it again.')
  db.sql.transaction(() => {
    deleteImportRows(db, importId)
    updateImportRun(db, importId, {
      status: 'checking',
      format_json: JSON.stringify(format),
      message: null,
    })
  })
  const restore = () => updateImportRun(db, importId, { status: 'uploaded' })
  let source: Awaited<ReturnType<typeof openOrderSource>>
  try {
    source = await openOrderSource(content, format, business)
  } catch (error) {
    restore()
    throw error
  }
  const pass = new CheckPass(db, business)
  try {
    for await (const batch of source.batches(ROWS_PER_BATCH)) {
      if (control.signal.aborted) throw new JobCancelled('Check cancelled; nothing was recorded.')
      const outcomes = pass.run(batch)
      db.sql.transaction(() => insertImportRows(db, importId, outcomes))
      control.progress(source.rowsRead, Math.max(source.estimatedRows, source.rowsRead))
      await yieldToEventLoop()
    }
  } catch (error) {
    db.sql.transaction(() => {
      deleteImportRows(db, importId)
      if (error instanceof DomainError) deleteImportRun(db, importId)
      else restore()
    })
    throw error
  }
  const counts = importCounts(db, importId)
  updateImportRun(db, importId, {
    ...counts,
    rows_total: source.rowsRead,
    status: 'checked',
    checked_at: now,
  })
  const n = (value: number) => value.toLocaleString('en')
  const absent = source.absentColumns
  const note =
    absent.length > 0
      ? ` The file has no ${absent.map((name) => `“${name}”`).join(', ')} column${absent.length > 1 ? 's' : ''}: read as blank.`
      : ''
  return `${n(counts.orders_total)} orders read: ${n(counts.accepted)} to import, ${n(counts.rejected)} rejected, ${n(counts.flagged)} flagged.${note}`
}
