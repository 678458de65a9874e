import { sql } from 'kysely'
import type { Business } from '../../shared/contract/businesses'
import type { PayoutPeriod, Statement, StatementLine } from '../../shared/contract/payouts'
import type { Page } from '../../shared/contract/common'
import { periodLabel } from '../../shared/commissions/periods'
import type { Workspace } from '../db/database'
import { findProgram } from '../db/repos/programs.repo'
import { commissionRows } from './commission-rows'
import { periodBounds, periodKeyOf } from './periods'

/**
 * Statements: what each promoter is owed for a payout period, from the commission rows booked
 * into it and before it. Open periods are computed live; closed ones were frozen at close.
 *
 *   opening  = everything booked before the period − everything paid for earlier periods
 *   accrued  = this period's sales;  reversed = their reversals;
 *   adjustments = rows booked here that belong to an earlier, closed period
 *   pending  = booked so far but still in its holding period at the period's end, or held
 *              by an open fraud case on its sale
 *   payable  = max(0, opening + accrued + reversed + adjustments − pending)
 *   closing  = opening + accrued + reversed + adjustments − paid
 */

interface Figures {
  promoterId: number
  openingMinor: number
  accruedMinor: number
  reversedMinor: number
  adjustmentsMinor: number
  pendingMinor: number
  payableMinor: number
}

const num = (value: unknown) => Number(value ?? 0)

/** Every promoter's figures for a period, computed from the rows (one grouped pass). */
export function liveFigures(
  db: Workspace,
  businessId: number,
  key: string,
  endsAt: number,
): Figures[] {
  const rows = db.sql.all(
    db.qb
      .selectFrom('commissions')
      .select([
        'promoter_id',
        sql<number>`sum(case when period_key < ${key} then amount_minor else 0 end)`.as('before'),
        sql<number>`sum(case when period_key = ${key} and origin_period_key = ${key} and kind = 'accrual' then amount_minor else 0 end)`.as(
          'accrued',
        ),
        sql<number>`sum(case when period_key = ${key} and origin_period_key = ${key} and kind = 'reversal' then amount_minor else 0 end)`.as(
          'reversed',
        ),
        sql<number>`sum(case when period_key = ${key} and origin_period_key <> ${key} then amount_minor else 0 end)`.as(
          'adjustments',
        ),
        // Pending: still in its holding period at the period's end, or held by an open
        // fraud case on its sale.
        sql<number>`sum(case when payable_at >= ${endsAt} or sale_entry_id in (
            select fe.entry_id from fraud_case_entries fe
            join fraud_cases fc on fc.id = fe.case_id
            where fc.business_id = ${businessId} and fc.status = 'open'
          ) then amount_minor else 0 end)`.as('pending'),
        sql<number>`sum(case when period_key = ${key} then 1 else 0 end)`.as('lines'),
      ])
      .where('business_id', '=', businessId)
      .where('period_key', '<=', key)
      .groupBy('promoter_id'),
  )
  const paidBefore = new Map(
    db.sql
      .all(
        db.qb
          .selectFrom('payouts')
          .select((eb) => ['promoter_id', eb.fn.sum<number>('amount_minor').as('paid')])
          .where('business_id', '=', businessId)
          .where('period_key', '<', key)
          .groupBy('promoter_id'),
      )
      .map((row) => [row.promoter_id, num(row.paid)]),
  )
  return rows.flatMap((row) => {
    const opening = num(row.before) - (paidBefore.get(row.promoter_id) ?? 0)
    const accrued = num(row.accrued)
    const reversed = num(row.reversed)
    const adjustments = num(row.adjustments)
    const pending = num(row.pending)
    // A promoter with nothing owed and nothing booked here has no statement this period.
    if (opening === 0 && num(row.lines) === 0) return []
    return [
      {
        promoterId: row.promoter_id,
        openingMinor: opening,
        accruedMinor: accrued,
        reversedMinor: reversed,
        adjustmentsMinor: adjustments,
        pendingMinor: pending,
        payableMinor: Math.max(0, opening + accrued + reversed + adjustments - pending),
      },
    ]
  })
}

function frozenFigures(db: Workspace, businessId: number, key: string): Figures[] {
  return db.sql
    .all(
      db.qb
        .selectFrom('statements')
        .selectAll()
        .where('business_id', '=', businessId)
        .where('period_key', '=', key),
    )
    .map((row) => ({
      promoterId: row.promoter_id,
      openingMinor: row.opening_minor,
      accruedMinor: row.accrued_minor,
      reversedMinor: row.reversed_minor,
      adjustmentsMinor: row.adjustments_minor,
      pendingMinor: row.pending_minor,
      payableMinor: row.payable_minor,
    }))
}

export interface ClosedPeriodRow {
  period_key: string
  starts_at: number
  ends_at: number
  closed_at: number
  ledger_head: string
}

export function closedPeriod(db: Workspace, businessId: number, key: string) {
  return db.sql.first(
    db.qb
      .selectFrom('payout_periods')
      .selectAll()
      .where('business_id', '=', businessId)
      .where('period_key', '=', key),
  )
}

/** The period's statements, by promoter name. */
export function statementsOf(db: Workspace, business: Business, key: string): Statement[] {
  const closed = closedPeriod(db, business.id, key)
  const figures = closed
    ? frozenFigures(db, business.id, key)
    : liveFigures(db, business.id, key, periodBounds(key, business.timeZone).endsAt)
  const names = new Map(
    db.sql
      .all(
        db.qb.selectFrom('promoters').select(['id', 'name']).where('business_id', '=', business.id),
      )
      .map((row) => [row.id, row.name]),
  )
  const payouts = new Map(
    db.sql
      .all(
        db.qb
          .selectFrom('payouts')
          .selectAll()
          .where('business_id', '=', business.id)
          .where('period_key', '=', key),
      )
      .map((row) => [row.promoter_id, row]),
  )
  return figures
    .map((figure) => {
      const payout = payouts.get(figure.promoterId)
      const paid = payout?.amount_minor ?? 0
      return {
        periodKey: key,
        promoterName: names.get(figure.promoterId) ?? `Promoter ${figure.promoterId}`,
        ...figure,
        paidMinor: paid,
        paid: payout ? { paidOn: payout.paid_on, reference: payout.reference } : null,
        closingMinor:
          figure.openingMinor +
          figure.accruedMinor +
          figure.reversedMinor +
          figure.adjustmentsMinor -
          paid,
      }
    })
    .sort((a, b) => a.promoterName.localeCompare(b.promoterName) || a.promoterId - b.promoterId)
}

interface PeriodKeys {
  ordered: string[]
  closed: Map<string, ClosedPeriodRow>
  firstOpen: string | undefined
}

/** Periods with activity (or closed), plus the current one, in time order. */
function periodKeys(db: Workspace, business: Business, now: number): PeriodKeys {
  const program = findProgram(db, business.id)
  const keys = new Set<string>([periodKeyOf(now, business.timeZone, program.periodLength)])
  for (const row of db.sql.all(
    db.qb
      .selectFrom('commissions')
      .select('period_key')
      .distinct()
      .where('business_id', '=', business.id),
  ))
    keys.add(row.period_key)
  const closed = new Map(
    db.sql
      .all(db.qb.selectFrom('payout_periods').selectAll().where('business_id', '=', business.id))
      .map((row) => [row.period_key, row]),
  )
  for (const key of closed.keys()) keys.add(key)
  const ordered = [...keys].sort()
  return { ordered, closed, firstOpen: ordered.find((key) => !closed.has(key)) }
}

function summarize(
  key: string,
  keys: PeriodKeys,
  statements: Statement[],
  zone: string,
  now: number,
): PayoutPeriod {
  const bounds = periodBounds(key, zone)
  const row = keys.closed.get(key)
  const sum = (pick: (statement: Statement) => number) =>
    statements.reduce((total, statement) => total + pick(statement), 0)
  return {
    periodKey: key,
    label: periodLabel(key),
    startsAt: bounds.startsAt,
    endsAt: bounds.endsAt,
    status: row ? 'closed' : 'open',
    closedAt: row?.closed_at ?? null,
    closable: !row && key === keys.firstOpen && now >= bounds.endsAt,
    promoters: statements.length,
    earnedMinor: sum((s) => s.accruedMinor + s.reversedMinor + s.adjustmentsMinor),
    payableMinor: sum((s) => s.payableMinor),
    paidMinor: sum((s) => s.paidMinor),
  }
}

/** Periods with activity (or closed), plus the current one, newest first. */
export function payoutPeriods(db: Workspace, business: Business, now: number): PayoutPeriod[] {
  const keys = periodKeys(db, business, now)
  return keys.ordered
    .map((key) => summarize(key, keys, statementsOf(db, business, key), business.timeZone, now))
    .reverse()
}

/** One period with its statements, computing only that period's. */
export function payoutPeriod(
  db: Workspace,
  business: Business,
  key: string,
  now: number,
): { period: PayoutPeriod; statements: Statement[] } {
  const keys = periodKeys(db, business, now)
  const statements = statementsOf(db, business, key)
  return { period: summarize(key, keys, statements, business.timeZone, now), statements }
}

/** How a row counts on the statement of period `key`. */
export function lineTypeOf(
  kind: 'accrual' | 'reversal',
  originPeriodKey: string,
  key: string,
): StatementLine['type'] {
  if (originPeriodKey !== key) return 'adjustment'
  return kind === 'accrual' ? 'sale' : 'reversal'
}

/** The rows behind one promoter's statement, in time order. */
export function statementLines(
  db: Workspace,
  businessId: number,
  key: string,
  promoterId: number,
  paging: { page: number; pageSize: number },
): Page<StatementLine> {
  const { total, rows } = commissionRows(
    db,
    { businessId, promoterId, periodKey: key },
    'oldest first',
    paging,
  )
  return {
    total,
    rows: rows.map((row) => ({
      commissionId: row.id,
      saleEntryId: row.sale_entry_id,
      orderRef: row.order_ref,
      occurredAt: row.occurred_at,
      type: lineTypeOf(row.kind, row.origin_period_key, key),
      baseMinor: row.base_minor,
      amountMinor: row.amount_minor,
      note: row.note,
    })),
  }
}
