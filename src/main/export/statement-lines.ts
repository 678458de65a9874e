import type { Business } from '../../shared/contract/businesses'
import type { PeriodStatus, Statement, StatementLine } from '../../shared/contract/payouts'
import { periodLabel } from '../../shared/commissions/periods'
import type { Workspace } from '../db/database'
import { preparedQuery } from '../db/prepared-query'
import { closedPeriod, lineTypeOf, statementsOf } from '../commissions/statements'
import { headHash } from '../ledger/append-entry'

/**
 * What a period's statement export shows, read in one synchronous step (no other request runs
 * in between), so the summary, the lines and the ledger head agree even while sales go on.
 */
export interface StatementsSnapshot {
  business: Business
  periodKey: string
  label: string
  status: PeriodStatus
  closedAt: number | null
  /** The head stored at closing for a closed period; the current head for an open one. */
  ledgerHead: string
  statements: Statement[]
  /**
   * The last commission row when the export started. An open period may get new rows while
   * the export runs: they are left out, as they are out of the summary.
   */
  lastCommissionId: number
  lineCount: number
}

export type ExportLine = Pick<
  StatementLine,
  'occurredAt' | 'orderRef' | 'type' | 'baseMinor' | 'amountMinor' | 'note'
>

/** Lines per page. Pages stay small: each is alive while its rows are written. */
const LINE_PAGE = 1_000

const lastCommission = preparedQuery((db, p: { businessId: number; periodKey: string }) =>
  db.qb
    .selectFrom('commissions')
    .select((eb) => [eb.fn.max<number>('id').as('last'), eb.fn.countAll<number>().as('lines')])
    .where('business_id', '=', p.businessId)
    .where('period_key', '=', p.periodKey),
)

/**
 * One page of a promoter's lines in time order, after a cursor. The three equalities find
 * the promoter's rows of the period in one index (commissions_by_period or _by_promoter, both
 * hold the three columns) and only those are sorted; the cursor starts each page after the
 * last line written instead of skipping the earlier ones.
 */
const linePage = preparedQuery(
  (
    db,
    p: {
      businessId: number
      periodKey: string
      promoterId: number
      lastId: number
      afterAt: number
      afterId: number
    },
  ) =>
    db.qb
      .selectFrom('commissions as c')
      .innerJoin('ledger_entries as e', 'e.id', 'c.sale_entry_id')
      .select([
        'c.id',
        'c.occurred_at',
        'e.order_ref',
        'c.kind',
        'c.origin_period_key',
        'c.base_minor',
        'c.amount_minor',
        'c.note',
      ])
      .where('c.business_id', '=', p.businessId)
      .where('c.period_key', '=', p.periodKey)
      .where('c.promoter_id', '=', p.promoterId)
      .where('c.id', '<=', p.lastId)
      .where('c.occurred_at', '>=', p.afterAt)
      .where((eb) => eb.or([eb('c.occurred_at', '>', p.afterAt), eb('c.id', '>', p.afterId)]))
      .orderBy('c.occurred_at')
      .orderBy('c.id')
      .limit(LINE_PAGE),
)

export function readStatements(
  db: Workspace,
  business: Business,
  periodKey: string,
): StatementsSnapshot {
  const closed = closedPeriod(db, business.id, periodKey)
  const last = db.sql.first(lastCommission(db, { businessId: business.id, periodKey }))
  return {
    business,
    periodKey,
    label: periodLabel(periodKey),
    status: closed ? 'closed' : 'open',
    closedAt: closed?.closed_at ?? null,
    ledgerHead: closed?.ledger_head ?? headHash(db, business.id),
    statements: statementsOf(db, business, periodKey),
    lastCommissionId: last?.last ?? 0,
    lineCount: Number(last?.lines ?? 0),
  }
}

/** A promoter's lines of the period, page by page, in time order. */
export function* promoterLines(
  db: Workspace,
  snapshot: StatementsSnapshot,
  promoterId: number,
): Generator<ExportLine[]> {
  const { business, periodKey, lastCommissionId } = snapshot
  let afterAt = Number.MIN_SAFE_INTEGER
  let afterId = 0
  for (;;) {
    const rows = db.sql.all(
      linePage(db, {
        businessId: business.id,
        periodKey,
        promoterId,
        lastId: lastCommissionId,
        afterAt,
        afterId,
      }),
    )
    const last = rows[rows.length - 1]
    if (!last) return
    afterAt = last.occurred_at
    afterId = last.id
    yield rows.map((row) => ({
      occurredAt: row.occurred_at,
      orderRef: row.order_ref,
      type: lineTypeOf(row.kind, row.origin_period_key, periodKey),
      baseMinor: row.base_minor,
      amountMinor: row.amount_minor,
      note: row.note,
    }))
    if (rows.length < LINE_PAGE) return
  }
}

/** What the statement's lines add up to: accrued + reversed + adjustments. */
export function linesTotal(statement: Statement): number {
  return statement.accruedMinor + statement.reversedMinor + statement.adjustmentsMinor
}

/** The header of the period's status, e.g. "Closed on 2026-04-02" (days in the business's zone). */
export function statusText(snapshot: StatementsSnapshot, day: (instant: number) => string): string {
  return snapshot.closedAt === null
    ? `Open: figures as of the export, they may still change. Ledger head: ${snapshot.ledgerHead}`
    : `Closed on ${day(snapshot.closedAt)}. Ledger head at closing: ${snapshot.ledgerHead}`
}
