import { sql } from 'kysely'
import type { FraudCaseDetail, FraudCaseRow, FraudCaseStatus } from '../../shared/contract/fraud'
import type { Page } from '../../shared/contract/common'
import type { FraudSignal } from '../../shared/fraud/settings'
import type { Workspace } from '../db/database'
import { notFound } from '../api/domain-error'

const num = (value: unknown) => Number(value ?? 0)

function caseRows(db: Workspace, businessId: number) {
  const entriesOf = sql`(select entry_id from fraud_case_entries where case_id = fc.id)`
  const commission = sql<number>`(select coalesce(sum(c.amount_minor), 0) from commissions c
    where c.sale_entry_id in ${entriesOf})`
  const discount = sql<number>`(select coalesce(sum(e.discount_minor), 0) from ledger_entries e
    where e.id in ${entriesOf})`
  return db.qb
    .selectFrom('fraud_cases as fc')
    .leftJoin('promoters as p', 'p.id', 'fc.promoter_id')
    .select([
      'fc.id',
      'fc.signal',
      'fc.subject',
      'fc.summary',
      'fc.status',
      'fc.promoter_id',
      'p.name as promoter_name',
      'fc.opened_at',
      'fc.updated_at',
      sql<number>`(select count(*) from fraud_case_entries where case_id = fc.id)`.as('orders'),
      commission.as('commission'),
      discount.as('discount'),
    ])
    .where('fc.business_id', '=', businessId)
}

type CaseRow = Awaited<ReturnType<ReturnType<typeof caseRows>['executeTakeFirstOrThrow']>>

function toRow(row: CaseRow): FraudCaseRow {
  const commission = num(row.commission)
  const discount = num(row.discount)
  return {
    id: row.id,
    signal: row.signal as FraudSignal,
    subject: row.subject,
    summary: row.summary,
    status: row.status,
    promoterId: row.promoter_id,
    promoterName: row.promoter_name,
    orders: num(row.orders),
    atRiskMinor: Math.max(0, commission) + discount,
    commissionMinor: commission,
    discountMinor: discount,
    openedAt: row.opened_at,
    updatedAt: row.updated_at,
  }
}

/** Cases of a status, the most money at risk first. */
export function listCases(
  db: Workspace,
  businessId: number,
  filter: { status: FraudCaseStatus; signal?: FraudSignal; page: number; pageSize: number },
): Page<FraudCaseRow> {
  const base = caseRows(db, businessId)
    .where('fc.status', '=', filter.status)
    .$if(filter.signal !== undefined, (q) => q.where('fc.signal', '=', filter.signal ?? ''))
  const total = num(
    db.sql.first(
      db.qb
        .selectFrom('fraud_cases')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('business_id', '=', businessId)
        .where('status', '=', filter.status)
        .$if(filter.signal !== undefined, (q) => q.where('signal', '=', filter.signal ?? '')),
    )?.n,
  )
  const rows = db.sql.all(
    base
      .orderBy(sql`max(commission, 0) + discount`, 'desc')
      .orderBy('fc.id', 'desc')
      .limit(filter.pageSize)
      .offset(filter.page * filter.pageSize),
  )
  return { total, rows: rows.map(toRow) }
}

export function caseDetail(db: Workspace, businessId: number, caseId: number): FraudCaseDetail {
  const row = db.sql.first(caseRows(db, businessId).where('fc.id', '=', caseId))
  if (!row) throw notFound('This case', 'caseId')
  const entries = db.sql.all(
    db.qb
      .selectFrom('fraud_case_entries as fe')
      .innerJoin('ledger_entries as e', 'e.id', 'fe.entry_id')
      .leftJoin('customers as cu', 'cu.id', 'e.customer_id')
      .select([
        'e.id',
        'e.order_ref',
        'e.occurred_at',
        'e.channel',
        'e.total_minor',
        'e.discount_minor',
        'fe.evidence_json',
        'cu.email',
        'cu.external_id',
        'cu.phone',
        sql<string | null>`(select group_concat(c.code, ', ') from redemptions r
          join codes c on c.id = r.code_id where r.entry_id = e.id)`.as('codes'),
        sql<number>`(select coalesce(sum(amount_minor), 0) from commissions
          where sale_entry_id = e.id)`.as('commission'),
      ])
      .where('fe.case_id', '=', caseId)
      .orderBy('e.occurred_at', 'desc')
      .limit(500),
  )
  const decisions = db.sql.all(
    db.qb
      .selectFrom('fraud_decisions')
      .select(['action', 'note', 'decided_by', 'decided_at'])
      .where('case_id', '=', caseId)
      .orderBy('id'),
  )
  const promoterHistory =
    row.promoter_id === null ? null : historyOf(db, businessId, row.promoter_id)
  return {
    ...toRow(row),
    entries: entries.map((entry) => ({
      entryId: entry.id,
      orderRef: entry.order_ref,
      occurredAt: entry.occurred_at,
      channel: entry.channel,
      customerLabel: entry.email ?? entry.external_id ?? entry.phone ?? null,
      codes: entry.codes ? entry.codes.split(', ') : [],
      totalMinor: entry.total_minor,
      discountMinor: entry.discount_minor,
      commissionMinor: num(entry.commission),
      evidence: JSON.parse(entry.evidence_json) as { field: string; value: string }[],
    })),
    decisions: decisions.map((decision) => ({
      action: decision.action,
      note: decision.note,
      decidedBy: decision.decided_by,
      decidedAt: decision.decided_at,
    })),
    promoterHistory,
  }
}

function historyOf(db: Workspace, businessId: number, promoterId: number) {
  // Refunds and voids count as refunded; a clawback of a confirmed case does not.
  const figures = db.sql.first(
    db.qb
      .selectFrom('commissions as c')
      .innerJoin('ledger_entries as e', 'e.id', 'c.entry_id')
      .select([
        sql<number>`sum(case when c.kind = 'accrual' then 1 else 0 end)`.as('sales'),
        sql<number>`count(distinct case when e.kind in ('refund', 'void') then c.sale_entry_id end)`.as(
          'refunded',
        ),
        sql<number>`sum(c.amount_minor)`.as('earned'),
      ])
      .where('c.business_id', '=', businessId)
      .where('c.promoter_id', '=', promoterId),
  )
  const cases = db.sql.first(
    db.qb
      .selectFrom('fraud_cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('business_id', '=', businessId)
      .where('promoter_id', '=', promoterId),
  )
  return {
    sales: num(figures?.sales),
    refunded: num(figures?.refunded),
    earnedMinor: num(figures?.earned),
    cases: num(cases?.n),
  }
}
