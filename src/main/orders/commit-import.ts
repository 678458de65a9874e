import type { Business } from '../../shared/contract/businesses'
import type { ResolvedImportFormat } from '../../shared/contract/order-imports'
import { DomainError } from '../api/domain-error'
import type { Workspace } from '../db/database'
import {
  dropImportContent,
  findImportRun,
  importRowsBetween,
  replaceImportRow,
  toImportRun,
  updateImportRun,
} from '../db/repos/order-imports.repo'
import { JobCancelled, yieldToEventLoop, type JobControl } from '../jobs/job-runner'
import { scanHistory } from '../fraud/scan'
import { sameOutcome, unreadableOutcome, type OrderOutcome } from './order-outcome'
import { storedOrderReader, type StoredOrderReader } from './order-source'
import { OrderRecorder } from './record-order'
import type { SourceOrder } from './source-order'

/*
 * Each transaction holds whole orders and moves the checkpoint with them. Its size follows the
 * machine: as many orders as the previous chunk wrote in about 50 ms, so that a checkout
 * waiting for the write lock (or any request, on the one event loop) waits little more than
 * that. The commit's sync is left out of the pace: it costs the same for any number of orders,
 * and on a slow disk counting it would shrink chunks to no one's benefit. The floor keeps the
 * durable commits few whatever the disk.
 */
const CHUNK_MS = 50
const FIRST_CHUNK = 100
const MIN_CHUNK = 50
const MAX_CHUNK = 1_000

/** The orders the next chunk should hold, after writing `orders` took `workMs`. */
export function nextChunkSize(orders: number, workMs: number): number {
  const fitting = Math.floor((orders * CHUNK_MS) / Math.max(workMs, 1))
  return Number.isFinite(fitting) ? Math.min(MAX_CHUNK, Math.max(MIN_CHUNK, fitting)) : MIN_CHUNK
}

/** How many orders each chunk holds: the first, then each next from the last one's work time. */
export interface ChunkPacing {
  first: number
  next(orders: number, workMs: number): number
}

const PACED_BY_TIME: ChunkPacing = { first: FIRST_CHUNK, next: nextChunkSize }

/** The run's counters, kept in step with the rows as the import changes outcomes. */
interface Tally {
  accepted: number
  rejected: number
  flagged: number
  accepted_subtotal_minor: number
  accepted_discount_minor: number
  accepted_total_minor: number
  imported: number
  imported_total_minor: number
}

function count(tally: Tally, outcome: OrderOutcome, sign: 1 | -1): void {
  if (outcome.accepted) {
    tally.accepted += sign
    tally.accepted_subtotal_minor += sign * (outcome.subtotalMinor ?? 0)
    tally.accepted_discount_minor += sign * (outcome.discountMinor ?? 0)
    tally.accepted_total_minor += sign * (outcome.totalMinor ?? 0)
  } else tally.rejected += sign
  if (outcome.flagged) tally.flagged += sign
}

/** The run to import, its format and its file; refuses a run that cannot be imported. */
export function importableRun(db: Workspace, business: Business, importId: number) {
  const row = findImportRun(db, business.id, importId)
  if (!row)
    throw new DomainError('not_found', 'This import was not found in this business.', {
      field: 'importId',
    })
  const run = toImportRun(row)
  if (!run.canImport || !run.format) {
    const why =
      run.status === 'done'
        ? 'This file is already imported; importing it again would add nothing.'
        : run.status === 'uploaded' || run.status === 'checking'
          ? 'Check the file first: the import follows its dry run.'
          : 'This file has no order to import.'
    throw new DomainError('conflict', why, { field: 'importId' })
  }
  return {
    run,
    format: run.format as ResolvedImportFormat,
    header: JSON.parse(row.header_json) as string[],
  }
}

/**
 * The import job. A chunk of orders at a time, it reads each order again from the rows its
 * check stored, checks it again under the write lock and writes it to the ledger, then moves
 * the run's checkpoint in the same transaction. A crash or a cancel therefore stops between
 * whole orders, and the next call resumes after the last chunk written; an order already in the
 * ledger is never written twice (its idempotency key), whatever happens.
 */
export async function commitImport(
  db: Workspace,
  business: Business,
  importId: number,
  now: number,
  control: JobControl,
  pacing: ChunkPacing = PACED_BY_TIME,
): Promise<string> {
  const { run, format, header } = importableRun(db, business, importId)
  updateImportRun(db, importId, { status: 'importing', message: null })
  const read = storedOrderReader(header, format, business)
  const recorder = new OrderRecorder(db, business, importId, now)
  const tally: Tally = {
    accepted: run.counts.accepted,
    rejected: run.counts.rejected,
    flagged: run.counts.flagged,
    accepted_subtotal_minor: run.counts.acceptedSubtotalMinor,
    accepted_discount_minor: run.counts.acceptedDiscountMinor,
    accepted_total_minor: run.counts.acceptedTotalMinor,
    imported: run.imported,
    imported_total_minor: run.importedTotalMinor,
  }
  const total = run.counts.orders
  const n = (value: number) => value.toLocaleString('en')
  let processed = run.processed
  let chunk = pacing.first
  control.progress(processed, total)
  while (processed < total) {
    if (control.signal.aborted) {
      updateImportRun(db, importId, {
        status: 'cancelled',
        message: 'Cancelled; import again to resume.',
      })
      throw new JobCancelled(
        `Cancelled after ${n(processed)} of ${n(total)} orders: the ${n(tally.imported)} imported so far are in the ledger, each complete. Import again to resume.`,
      )
    }
    const to = Math.min(processed + chunk, total)
    const started = performance.now()
    let workMs = 0
    db.sql.transaction(() => {
      const checked = importRowsBetween(db, importId, processed, to)
      for (const outcome of importBatch(recorder, read, checked)) {
        const before = checked.get(outcome.seq)
        if (outcome.accepted) {
          tally.imported += 1
          tally.imported_total_minor += outcome.totalMinor ?? 0
        }
        if (before && sameOutcome(before, outcome)) continue
        if (before) count(tally, before, -1)
        count(tally, outcome, 1)
        replaceImportRow(db, importId, outcome)
      }
      updateImportRun(db, importId, { ...tally, processed: to })
      workMs = performance.now() - started
    })
    chunk = Math.max(1, Math.floor(pacing.next(to - processed, workMs)) || MIN_CHUNK)
    processed = to
    control.progress(processed, total)
    await yieldToEventLoop()
  }
  const message = `${n(tally.imported)} orders imported, ${n(tally.rejected)} rejected${tally.flagged > 0 ? `, ${n(tally.flagged)} with a discount the engine would not have given` : ''}.`
  db.sql.transaction(() => {
    updateImportRun(db, importId, { status: 'done', finished_at: now, message })
    dropImportContent(db, importId)
  })
  // The fraud signals over the history the file added to, once rather than per order (a file
  // of a busy day would otherwise re-examine the same window thousands of times). The orders
  // are in; a cancel no longer applies.
  await scanHistory(db, business, now, { signal: new AbortController().signal, progress: () => {} })
  return message
}

/**
 * The outcomes of one chunk: orders refused for their own cells stay as the check found them
 * (the file has not changed); every other order is read again and recorded.
 */
function importBatch(
  recorder: OrderRecorder,
  read: StoredOrderReader,
  checked: Map<number, OrderOutcome>,
): OrderOutcome[] {
  const outcomes: OrderOutcome[] = []
  const orders: SourceOrder[] = []
  for (const stored of checked.values()) {
    if (!stored.readable) continue
    const again = read(stored.seq, stored.row, stored.cells)
    if (again.ok) orders.push(again.order)
    else outcomes.push(unreadableOutcome(again.rejected))
  }
  return outcomes.concat(recorder.record(orders))
}
