import type { Business } from '../../shared/contract/businesses'
import type { ResolvedImportFormat } from '../../shared/contract/order-imports'
import { DomainError } from '../api/domain-error'
import type { Fail } from '../import/read-table'
import { streamTable, type TableStream } from '../import/stream-table'
import { mappedLayout, orderIdOfRow, readMappedOrder, type RowGroup } from './mapped-layout'
import { numberedLayout, readNumberedRow } from './numbered-layout'
import { CellReader, SeenOrders, type ReadOrder } from './source-order'

/** An order file opened with a layout: its orders in file order, read in batches. */
export interface OrderSource {
  estimatedRows: number
  /** Optional columns of a mapping that the file lacks (their values are read as blank). */
  absentColumns: string[]
  /** Data rows read so far. */
  readonly rowsRead: number
  /** Orders read, about `rows` file rows per batch; every order is complete or rejected whole. */
  batches(rows: number): AsyncGenerator<ReadOrder[]>
}

const fail: Fail = (message, details) =>
  new DomainError('invalid_input', message, { field: 'file', details })

/** Opens a stored file for reading its orders; throws a DomainError when it cannot be read so. */
export async function openOrderSource(
  content: Uint8Array,
  format: ResolvedImportFormat,
  business: Pick<Business, 'currency' | 'timeZone'>,
): Promise<OrderSource> {
  const table = await streamTable(content, { field: 'file' })
  const options = format.layout === 'numbered' ? format : format.mapping
  const reader = new CellReader(
    business.currency,
    business.timeZone,
    options.decimalSeparator,
    options.dateFormat,
  )
  return format.layout === 'numbered'
    ? numberedSource(table, reader)
    : mappedSource(table, format.mapping, reader)
}

function numberedSource(table: TableStream, reader: CellReader): OrderSource {
  const layout = numberedLayout(table, fail)
  const seen = new SeenOrders()
  let rowsRead = 0
  return {
    estimatedRows: table.estimatedRows,
    absentColumns: [],
    get rowsRead() {
      return rowsRead
    },
    async *batches(rows) {
      let seq = 0
      for await (const chunk of table.chunks(rows)) {
        rowsRead += chunk.length
        yield chunk.map((row) => readNumberedRow(layout, row, seq++, reader, seen))
      }
    },
  }
}

function mappedSource(
  table: TableStream,
  mapping: Parameters<typeof mappedLayout>[1],
  reader: CellReader,
): OrderSource {
  const layout = mappedLayout(table, mapping, fail)
  const seen = new SeenOrders()
  let rowsRead = 0
  return {
    estimatedRows: table.estimatedRows,
    absentColumns: layout.absent,
    get rowsRead() {
      return rowsRead
    },
    async *batches(rows) {
      let seq = 0
      let open: RowGroup | null = null
      for await (const chunk of table.chunks(rows)) {
        rowsRead += chunk.length
        const orders: ReadOrder[] = []
        for (const row of chunk) {
          const orderId = orderIdOfRow(layout, row.cells)
          // A row without an order id cannot join any order: it is rejected on its own.
          if (open && orderId && open.orderRef === orderId) {
            open.rows.push(row)
            continue
          }
          if (open) orders.push(readMappedOrder(layout, open, reader, seen))
          open = { seq: seq++, orderRef: orderId, rows: [row] }
          if (!orderId) {
            orders.push(readMappedOrder(layout, open, reader, seen))
            open = null
          }
        }
        yield orders
      }
      if (open) yield [readMappedOrder(layout, open, reader, seen)]
    },
  }
}

/** Reads an order again from the rows the check stored (the import does not parse the file). */
export type StoredOrderReader = (seq: number, firstRow: number, cells: string[][]) => ReadOrder

export function storedOrderReader(
  header: string[],
  format: ResolvedImportFormat,
  business: Pick<Business, 'currency' | 'timeZone'>,
): StoredOrderReader {
  const columns = new Map(header.map((name, index) => [name.toLowerCase(), index]))
  const table = { header, column: (name: string) => columns.get(name.toLowerCase()) }
  const options = format.layout === 'numbered' ? format : format.mapping
  const reader = new CellReader(
    business.currency,
    business.timeZone,
    options.decimalSeparator,
    options.dateFormat,
  )
  // Orders refused for their own cells (a duplicate within the file among them) are not read
  // again, so no order seen here repeats an earlier one: each read gets a fresh memory.
  if (format.layout === 'numbered') {
    const layout = numberedLayout(table, fail)
    return (seq, row, cells) =>
      readNumberedRow(layout, { row, cells: cells[0] ?? [] }, seq, reader, new SeenOrders())
  }
  const layout = mappedLayout(table, format.mapping, fail)
  return (seq, row, cells) =>
    readMappedOrder(
      layout,
      {
        seq,
        orderRef: orderIdOfRow(layout, cells[0] ?? []),
        rows: cells.map((rowCells, index) => ({ row: row + index, cells: rowCells })),
      },
      reader,
      new SeenOrders(),
    )
}
