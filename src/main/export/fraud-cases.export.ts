import { sql } from 'kysely'
import type { Business } from '../../shared/contract/businesses'
import type { FraudCaseRow, FraudCaseStatus } from '../../shared/contract/fraud'
import { FRAUD_SIGNAL_LABELS } from '../../shared/fraud/settings'
import type { Workspace } from '../db/database'
import { listCases } from '../fraud/case-queries'
import { localDayOf } from '../time/local-dates'
import { DATE_TIME_FORMAT, localDateCell, moneyCell, moneyFormat } from './cells'
import type { SheetSpec } from './xlsx-writer'

/** Rows per page read from the database, as in the other exports. */
const CHUNK = 1_000
const STATUSES: FraudCaseStatus[] = ['open', 'dismissed', 'confirmed']
const STATUS_LABELS: Record<FraudCaseStatus, string> = {
  open: 'Open',
  dismissed: 'Dismissed',
  confirmed: 'Confirmed',
}
const ACTION_LABELS = { dismiss: 'Dismissed', confirm: 'Confirmed', block: 'Blocked' } as const

/**
 * Every case (open first, then dismissed, then confirmed; the most money at risk first within
 * each, like the review queue), the orders behind them with their evidence, and every decision
 * with who made it and when.
 */
export function fraudCaseSheets(db: Workspace, business: Business, now: number): SheetSpec[] {
  const zone = business.timeZone
  const exported = `Exported ${localDayOf(now, zone)} (${zone}); times are in that zone.`
  const sheets = [
    casesSheet(db, business, exported),
    ordersSheet(db, business, exported),
    decisionsSheet(db, business, exported),
  ]
  // The writer counts rows across sheets: progress is against all of them.
  const total = sheets.reduce((sum, sheet) => sum + (sheet.expectedRows ?? 0), 0)
  return sheets.map((sheet) => ({ ...sheet, expectedRows: total }))
}

function casesSheet(db: Workspace, business: Business, exported: string): SheetSpec {
  const { currency, timeZone: zone } = business
  const money = moneyFormat(currency)
  const total = STATUSES.reduce(
    (sum, status) => sum + listCases(db, business.id, { status, page: 0, pageSize: 1 }).total,
    0,
  )
  return {
    name: 'Cases',
    preamble: [`Fraud cases of ${business.name}`, exported],
    columns: [
      { header: 'Case', width: 8 },
      { header: 'Signal', width: 30 },
      { header: 'Subject', width: 24 },
      { header: 'Summary', width: 50 },
      { header: 'Status', width: 11 },
      { header: 'Promoter', width: 20 },
      { header: 'Orders', width: 8 },
      { header: 'Commission', width: 14, numFmt: money },
      { header: 'Discount', width: 14, numFmt: money },
      { header: 'At risk', width: 14, numFmt: money },
      { header: 'Opened', width: 17, numFmt: DATE_TIME_FORMAT },
      { header: 'Updated', width: 17, numFmt: DATE_TIME_FORMAT },
    ],
    expectedRows: total,
    rows: function* () {
      for (const status of STATUSES) {
        for (let page = 0; ; page++) {
          const { rows } = listCases(db, business.id, { status, page, pageSize: 100 })
          if (rows.length === 0) break
          yield rows.map((row: FraudCaseRow) => [
            row.id,
            FRAUD_SIGNAL_LABELS[row.signal],
            row.subject,
            row.summary,
            STATUS_LABELS[row.status],
            row.promoterName,
            row.orders,
            moneyCell(row.commissionMinor, currency),
            moneyCell(row.discountMinor, currency),
            moneyCell(row.atRiskMinor, currency),
            localDateCell(row.openedAt, zone),
            localDateCell(row.updatedAt, zone),
          ])
          if (rows.length < 100) break
        }
      }
    },
  }
}

function caseOrders(db: Workspace, businessId: number) {
  return db.qb
    .selectFrom('fraud_case_entries as fe')
    .innerJoin('fraud_cases as fc', 'fc.id', 'fe.case_id')
    .innerJoin('ledger_entries as e', 'e.id', 'fe.entry_id')
    .leftJoin('customers as cu', 'cu.id', 'e.customer_id')
    .where('fc.business_id', '=', businessId)
}

function ordersSheet(db: Workspace, business: Business, exported: string): SheetSpec {
  const { currency, timeZone: zone } = business
  const money = moneyFormat(currency)
  const counted = db.sql.first(
    caseOrders(db, business.id).select((eb) => eb.fn.countAll<number>().as('n')),
  )
  return {
    name: 'Orders',
    preamble: [`Orders behind the fraud cases of ${business.name}`, exported],
    columns: [
      { header: 'Case', width: 8 },
      { header: 'Order', width: 18 },
      { header: 'Date', width: 17, numFmt: DATE_TIME_FORMAT },
      { header: 'Customer', width: 26 },
      { header: 'Codes', width: 18 },
      { header: 'Total', width: 14, numFmt: money },
      { header: 'Discount', width: 14, numFmt: money },
      { header: 'Commission', width: 14, numFmt: money },
      { header: 'Evidence', width: 44 },
    ],
    expectedRows: Number(counted?.n ?? 0),
    rows: function* () {
      let cursor = { caseId: 0, entryId: 0 }
      for (;;) {
        const { caseId, entryId } = cursor
        const rows = db.sql.all(
          caseOrders(db, business.id)
            .select([
              'fe.case_id',
              'fe.entry_id',
              'fe.evidence_json',
              'e.order_ref',
              'e.occurred_at',
              'e.total_minor',
              'e.discount_minor',
              'cu.email',
              'cu.external_id',
              'cu.phone',
              sql<string | null>`(select group_concat(c.code, ', ') from redemptions r
                join codes c on c.id = r.code_id where r.entry_id = e.id)`.as('codes'),
              sql<number>`(select coalesce(sum(amount_minor), 0) from commissions
                where sale_entry_id = e.id)`.as('commission'),
            ])
            .where((eb) =>
              eb.or([
                eb('fe.case_id', '>', caseId),
                eb.and([eb('fe.case_id', '=', caseId), eb('fe.entry_id', '>', entryId)]),
              ]),
            )
            .orderBy('fe.case_id')
            .orderBy('fe.entry_id')
            .limit(CHUNK),
        )
        const last = rows[rows.length - 1]
        if (!last) return
        cursor = { caseId: last.case_id, entryId: last.entry_id }
        yield rows.map((row) => [
          row.case_id,
          row.order_ref,
          localDateCell(row.occurred_at, zone),
          row.email ?? row.external_id ?? row.phone ?? null,
          row.codes,
          moneyCell(row.total_minor, currency),
          moneyCell(row.discount_minor, currency),
          moneyCell(Number(row.commission), currency),
          evidenceText(row.evidence_json),
        ])
      }
    },
  }
}

/** "email jay@example.com; ip 10.0.0.7": the values that matched, in one cell. */
function evidenceText(json: string): string {
  const evidence = JSON.parse(json) as { field: string; value: string }[]
  return evidence.map((item) => `${item.field} ${item.value}`).join('; ')
}

function decisionsSheet(db: Workspace, business: Business, exported: string): SheetSpec {
  const zone = business.timeZone
  const decisions = () =>
    db.qb
      .selectFrom('fraud_decisions as d')
      .innerJoin('fraud_cases as fc', 'fc.id', 'd.case_id')
      .where('fc.business_id', '=', business.id)
  const counted = db.sql.first(decisions().select((eb) => eb.fn.countAll<number>().as('n')))
  return {
    name: 'Decisions',
    preamble: [`Decisions on the fraud cases of ${business.name}`, exported],
    columns: [
      { header: 'Case', width: 8 },
      { header: 'Action', width: 12 },
      { header: 'Note', width: 50 },
      { header: 'Decided by', width: 22 },
      { header: 'Decided at', width: 17, numFmt: DATE_TIME_FORMAT },
    ],
    expectedRows: Number(counted?.n ?? 0),
    rows: function* () {
      let afterId = 0
      for (;;) {
        const rows = db.sql.all(
          decisions()
            .select(['d.id', 'd.case_id', 'd.action', 'd.note', 'd.decided_by', 'd.decided_at'])
            .where('d.id', '>', afterId)
            .orderBy('d.id')
            .limit(CHUNK),
        )
        const last = rows[rows.length - 1]
        if (!last) return
        afterId = last.id
        yield rows.map((row) => [
          row.case_id,
          ACTION_LABELS[row.action],
          row.note,
          row.decided_by,
          localDateCell(row.decided_at, zone),
        ])
      }
    },
  }
}
