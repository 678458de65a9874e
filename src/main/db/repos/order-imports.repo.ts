import type { Insertable, Selectable, Updateable } from 'kysely'
import type { Page } from '../../../shared/contract/common'
import type {
  OrderImportRow,
  OrderImportRun,
  OrderRejection,
  ResolvedImportFormat,
} from '../../../shared/contract/order-imports'
import type { OrderOutcome } from '../../orders/order-outcome'
import type { Workspace } from '../database'
import { preparedQuery } from '../prepared-query'
import type { OrderImportOrdersTable, OrderImportsTable } from '../schema'

type RunRow = Selectable<OrderImportsTable>

const RUN_COLUMNS = [
  'id',
  'business_id',
  'file_name',
  'file_size',
  'file_sha256',
  'status',
  'format_json',
  'header_json',
  'rows_total',
  'orders_total',
  'accepted',
  'rejected',
  'flagged',
  'accepted_subtotal_minor',
  'accepted_discount_minor',
  'accepted_total_minor',
  'processed',
  'imported',
  'imported_total_minor',
  'message',
  'created_at',
  'checked_at',
  'finished_at',
] as const

export function toImportRun(row: RunRow): OrderImportRun {
  return {
    id: row.id,
    businessId: row.business_id,
    fileName: row.file_name,
    fileSize: row.file_size,
    status: row.status,
    format: row.format_json ? (JSON.parse(row.format_json) as ResolvedImportFormat) : null,
    rows: row.rows_total,
    counts: {
      orders: row.orders_total,
      accepted: row.accepted,
      rejected: row.rejected,
      flagged: row.flagged,
      acceptedSubtotalMinor: row.accepted_subtotal_minor,
      acceptedDiscountMinor: row.accepted_discount_minor,
      acceptedTotalMinor: row.accepted_total_minor,
    },
    processed: row.processed,
    imported: row.imported,
    importedTotalMinor: row.imported_total_minor,
    message: row.message,
    createdAt: row.created_at,
    checkedAt: row.checked_at,
    finishedAt: row.finished_at,
    canImport:
      (row.status === 'checked' || row.status === 'importing' || row.status === 'cancelled') &&
      row.processed < row.orders_total &&
      row.accepted > 0,
  }
}

export function insertImportRun(
  db: Workspace,
  row: Insertable<OrderImportsTable>,
  content: Uint8Array,
): number {
  const inserted = db.sql.first(db.qb.insertInto('order_imports').values(row).returning('id'))
  if (!inserted) throw new Error('Inserting an import returned no id.')
  db.sql.run(db.qb.insertInto('order_import_files').values({ import_id: inserted.id, content }))
  return inserted.id
}

export function findImportRun(db: Workspace, businessId: number, importId: number) {
  return db.sql.first(
    db.qb
      .selectFrom('order_imports')
      .select(RUN_COLUMNS)
      .where('business_id', '=', businessId)
      .where('id', '=', importId),
  ) as RunRow | undefined
}

export function importContent(db: Workspace, importId: number): Uint8Array | null {
  const row = db.sql.first(
    db.qb.selectFrom('order_import_files').select('content').where('import_id', '=', importId),
  )
  return row?.content ?? null
}

/** The file is not needed once every order is handled: the rows hold what remains to show. */
export function dropImportContent(db: Workspace, importId: number): void {
  db.sql.run(db.qb.deleteFrom('order_import_files').where('import_id', '=', importId))
}

export function listImportRuns(
  db: Workspace,
  businessId: number,
  page: { page: number; pageSize: number },
): Page<OrderImportRun> {
  const base = db.qb.selectFrom('order_imports').where('business_id', '=', businessId)
  const rows = db.sql.all(
    base
      .select(RUN_COLUMNS)
      .orderBy('id', 'desc')
      .limit(page.pageSize)
      .offset(page.page * page.pageSize),
  ) as RunRow[]
  const total = db.sql.first(base.select((eb) => eb.fn.countAll<number>().as('n')))
  return { rows: rows.map(toImportRun), total: Number(total?.n ?? 0) }
}

export function updateImportRun(
  db: Workspace,
  importId: number,
  patch: Updateable<OrderImportsTable>,
): void {
  db.sql.run(db.qb.updateTable('order_imports').set(patch).where('id', '=', importId))
}

/** Removes a run and its rows (a file that turned out unreadable leaves nothing behind). */
export function deleteImportRun(db: Workspace, importId: number): void {
  db.sql.run(db.qb.deleteFrom('order_imports').where('id', '=', importId))
}

export function deleteImportRows(db: Workspace, importId: number): void {
  db.sql.run(db.qb.deleteFrom('order_import_orders').where('import_id', '=', importId))
}

/** Drafts never imported, left by files picked and abandoned: their content is freed. */
export function deleteStaleDrafts(db: Workspace, businessId: number, before: number): void {
  db.sql.run(
    db.qb
      .deleteFrom('order_imports')
      .where('business_id', '=', businessId)
      .where('status', 'in', ['uploaded', 'checked'])
      .where('created_at', '<', before),
  )
}

function toColumns(importId: number, outcome: OrderOutcome): Insertable<OrderImportOrdersTable> {
  return {
    import_id: importId,
    seq: outcome.seq,
    row: outcome.row,
    last_row: outcome.lastRow,
    order_ref: outcome.orderRef,
    occurred_at: outcome.occurredAt,
    customer_label: outcome.customerLabel,
    lines: outcome.lines,
    codes_json: JSON.stringify(outcome.codes),
    subtotal_minor: outcome.subtotalMinor,
    discount_minor: outcome.discountMinor,
    total_minor: outcome.totalMinor,
    engine_discount_minor: outcome.engineDiscountMinor,
    flagged: outcome.flagged ? 1 : 0,
    accepted: outcome.accepted ? 1 : 0,
    readable: outcome.readable ? 1 : 0,
    reason: outcome.reason,
    field: outcome.field,
    message: outcome.message,
    cells_json: JSON.stringify(outcome.cells),
  }
}

const insertOrderRow = preparedQuery((db, row: Insertable<OrderImportOrdersTable>) =>
  db.qb.insertInto('order_import_orders').values(row),
)

/** Writes a batch of outcomes; call inside a transaction. */
export function insertImportRows(db: Workspace, importId: number, outcomes: OrderOutcome[]): void {
  for (const outcome of outcomes) db.sql.run(insertOrderRow(db, toColumns(importId, outcome)))
}

const replaceOrderRow = preparedQuery((db, row: Insertable<OrderImportOrdersTable>) =>
  db.qb
    .insertInto('order_import_orders')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['import_id', 'seq']).doUpdateSet((eb) => ({
        engine_discount_minor: eb.ref('excluded.engine_discount_minor'),
        flagged: eb.ref('excluded.flagged'),
        accepted: eb.ref('excluded.accepted'),
        reason: eb.ref('excluded.reason'),
        field: eb.ref('excluded.field'),
        message: eb.ref('excluded.message'),
        codes_json: eb.ref('excluded.codes_json'),
      })),
    ),
)

/** Records what the import decided where it differs from the check. */
export function replaceImportRow(db: Workspace, importId: number, outcome: OrderOutcome): void {
  db.sql.run(replaceOrderRow(db, toColumns(importId, outcome)))
}

type StoredRow = Selectable<OrderImportOrdersTable>

function toOutcome(
  row: Omit<StoredRow, 'codes_json'> & { codes_json?: string },
  full = true,
): OrderOutcome {
  return {
    seq: row.seq,
    row: row.row,
    lastRow: row.last_row,
    orderRef: row.order_ref,
    occurredAt: row.occurred_at,
    customerLabel: row.customer_label,
    lines: row.lines,
    codes: full && row.codes_json ? (JSON.parse(row.codes_json) as string[]) : [],
    subtotalMinor: row.subtotal_minor,
    discountMinor: row.discount_minor,
    totalMinor: row.total_minor,
    engineDiscountMinor: row.engine_discount_minor,
    flagged: row.flagged === 1,
    accepted: row.accepted === 1,
    readable: row.readable === 1,
    reason: row.reason as OrderRejection | null,
    field: row.field,
    message: row.message,
    cells: full ? (JSON.parse(row.cells_json) as string[][]) : [],
  }
}

/** Every column but the codes (the import writes its own). */
const COMPARED_COLUMNS = [
  'import_id',
  'seq',
  'row',
  'last_row',
  'order_ref',
  'occurred_at',
  'customer_label',
  'lines',
  'subtotal_minor',
  'discount_minor',
  'total_minor',
  'engine_discount_minor',
  'flagged',
  'accepted',
  'readable',
  'reason',
  'field',
  'message',
  'cells_json',
] as const

const rowsBetween = preparedQuery((db, p: { importId: number; from: number; to: number }) =>
  db.qb
    .selectFrom('order_import_orders')
    .select(COMPARED_COLUMNS)
    .where('import_id', '=', p.importId)
    .where('seq', '>=', p.from)
    .where('seq', '<', p.to)
    .orderBy('seq'),
)

/**
 * The check's outcomes of orders `from` ≤ seq < `to`, by seq, as the import compares them: the
 * cells of orders refused for their own cells (never read again) and the codes are left out.
 */
export function importRowsBetween(
  db: Workspace,
  importId: number,
  from: number,
  to: number,
): Map<number, OrderOutcome> {
  const outcomes = new Map<number, OrderOutcome>()
  for (const row of db.sql.iterate(rowsBetween(db, { importId, from, to }))) {
    const outcome = toOutcome(row, false)
    if (row.readable === 1) outcome.cells = JSON.parse(row.cells_json) as string[][]
    outcomes.set(row.seq, outcome)
  }
  return outcomes
}

export type RowFilter = 'all' | 'accepted' | 'rejected' | 'flagged'

/** One page of a run's orders in file order, as the preview and the history show them. */
export function pageImportRows(
  db: Workspace,
  run: OrderImportRun,
  filter: { show: RowFilter; page: number; pageSize: number },
): Page<OrderImportRow> {
  let base = db.qb.selectFrom('order_import_orders').where('import_id', '=', run.id)
  if (filter.show === 'accepted') base = base.where('accepted', '=', 1)
  if (filter.show === 'rejected') base = base.where('accepted', '=', 0)
  if (filter.show === 'flagged') base = base.where('flagged', '=', 1)
  const rows = db.sql.all(
    base
      .selectAll()
      .orderBy('seq')
      .limit(filter.pageSize)
      .offset(filter.page * filter.pageSize),
  ) as StoredRow[]
  const total = db.sql.first(base.select((eb) => eb.fn.countAll<number>().as('n')))
  return {
    rows: rows.map((row) => toImportRow(toOutcome(row), run.processed)),
    total: Number(total?.n ?? 0),
  }
}

export function toImportRow(outcome: OrderOutcome, processed: number): OrderImportRow {
  return {
    seq: outcome.seq,
    row: outcome.row,
    lastRow: outcome.lastRow,
    orderRef: outcome.orderRef,
    occurredAt: outcome.occurredAt,
    customerLabel: outcome.customerLabel,
    lines: outcome.lines,
    codes: outcome.codes,
    subtotalMinor: outcome.subtotalMinor,
    discountMinor: outcome.discountMinor,
    totalMinor: outcome.totalMinor,
    engineDiscountMinor: outcome.engineDiscountMinor,
    flagged: outcome.flagged,
    status: !outcome.accepted ? 'rejected' : outcome.seq < processed ? 'imported' : 'will_import',
    reason: outcome.reason,
    field: outcome.field,
    message: outcome.message,
  }
}

/** The rejected orders of a run, in file order, a page at a time (the error report). */
export function rejectedImportRows(
  db: Workspace,
  importId: number,
  afterSeq: number,
  limit: number,
): OrderOutcome[] {
  const rows = db.sql.all(
    db.qb
      .selectFrom('order_import_orders')
      .selectAll()
      .where('import_id', '=', importId)
      .where('accepted', '=', 0)
      .where('seq', '>', afterSeq)
      .orderBy('seq')
      .limit(limit),
  ) as StoredRow[]
  return rows.map((row) => toOutcome(row))
}

/** Counts and sums over a run's outcomes. */
export function importCounts(db: Workspace, importId: number) {
  const row = db.sql.first(
    db.qb
      .selectFrom('order_import_orders')
      .where('import_id', '=', importId)
      .select((eb) => [
        eb.fn.countAll<number>().as('orders'),
        eb.fn.sum<number>('accepted').as('accepted'),
        eb.fn.sum<number>('flagged').as('flagged'),
        eb.fn
          .sum<number>(
            eb.case().when('accepted', '=', 1).then(eb.ref('subtotal_minor')).else(0).end(),
          )
          .as('subtotal'),
        eb.fn
          .sum<number>(
            eb.case().when('accepted', '=', 1).then(eb.ref('discount_minor')).else(0).end(),
          )
          .as('discount'),
        eb.fn
          .sum<number>(eb.case().when('accepted', '=', 1).then(eb.ref('total_minor')).else(0).end())
          .as('total'),
      ]),
  )
  const orders = Number(row?.orders ?? 0)
  const accepted = Number(row?.accepted ?? 0)
  return {
    orders_total: orders,
    accepted,
    rejected: orders - accepted,
    flagged: Number(row?.flagged ?? 0),
    accepted_subtotal_minor: Number(row?.subtotal ?? 0),
    accepted_discount_minor: Number(row?.discount ?? 0),
    accepted_total_minor: Number(row?.total ?? 0),
  }
}

/** Keys looked up per statement; a batch's keys are padded to it, so one statement serves all. */
const KEYS_PER_LOOKUP = 250

type KeyLookup = { businessId: number } & { [key: `k${number}`]: string }

const entriesByKeys = preparedQuery((db, p: KeyLookup) => {
  const keys = Object.keys(p)
    .filter((key): key is `k${number}` => key !== 'businessId')
    .map((key) => p[key] as string)
  return db.qb
    .selectFrom('ledger_entries')
    .select('idempotency_key')
    .where('business_id', '=', p.businessId)
    .where('idempotency_key', 'in', keys)
})

/**
 * Which of these idempotency keys the business's ledger already holds: one indexed lookup per
 * 250 keys instead of one query per order.
 */
export function keysInLedger(
  db: Workspace,
  businessId: number,
  keys: readonly string[],
): Set<string> {
  const found = new Set<string>()
  for (let start = 0; start < keys.length; start += KEYS_PER_LOOKUP) {
    const params: KeyLookup = { businessId }
    const chunk = keys.slice(start, start + KEYS_PER_LOOKUP)
    for (let index = 0; index < KEYS_PER_LOOKUP; index++) {
      params[`k${index}`] = chunk[Math.min(index, chunk.length - 1)] ?? ''
    }
    for (const row of db.sql.all(entriesByKeys(db, params))) found.add(row.idempotency_key)
  }
  return found
}
