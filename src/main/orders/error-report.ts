import type { Business } from '../../shared/contract/businesses'
import { ORDER_REJECTION_LABELS, type OrderImportRun } from '../../shared/contract/order-imports'
import type { Workspace } from '../db/database'
import { rejectedImportRows } from '../db/repos/order-imports.repo'
import { safeCell } from '../export/safe-cell'
import type { SheetSpec } from '../export/xlsx-writer'
import { localDayOf } from '../time/local-dates'

const PAGE = 1_000

/**
 * The rejected orders of an import: each file row of a rejected order as it was read, after
 * the row number, the order, the reason and the problem, so the rows can be fixed and imported
 * again. The writer neutralizes every text cell against formula injection (safeCell): a file's
 * cells are the least trusted text the app ever writes out.
 */
export function errorReportSheet(
  db: Workspace,
  business: Business,
  run: OrderImportRun,
  header: string[],
  now: number,
): SheetSpec {
  return {
    name: 'Rejected orders',
    preamble: [
      `Rejected orders of ${run.fileName} (import ${run.id}) for ${business.name}`,
      `${run.counts.rejected.toLocaleString('en')} of ${run.counts.orders.toLocaleString('en')} orders rejected; written ${localDayOf(now, business.timeZone)}.`,
    ],
    columns: [
      { header: 'Row', width: 7 },
      { header: 'Order', width: 16 },
      { header: 'Reason', width: 24 },
      { header: 'Column', width: 16 },
      { header: 'Problem', width: 60 },
      // The file's own column names: as untrusted as its cells.
      ...header.map((name) => ({
        header: String(safeCell(name)),
        width: Math.min(Math.max(name.length + 2, 10), 30),
      })),
    ],
    expectedRows: null,
    rows: function* () {
      let after = -1
      for (;;) {
        const outcomes = rejectedImportRows(db, run.id, after, PAGE)
        const last = outcomes[outcomes.length - 1]
        if (!last) return
        after = last.seq
        yield outcomes.flatMap((outcome) =>
          (outcome.cells ?? [[]]).map((cells, index) => [
            outcome.row + index,
            outcome.orderRef,
            outcome.reason ? ORDER_REJECTION_LABELS[outcome.reason] : null,
            outcome.field,
            outcome.message,
            ...cells,
          ]),
        )
      }
    },
  }
}
