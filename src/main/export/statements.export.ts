import type { Statement } from '../../shared/contract/payouts'
import type { Workspace } from '../db/database'
import type { JobControl } from '../jobs/job-runner'
import { localDayOf } from '../time/local-dates'
import { DATE_TIME_FORMAT, localDateCell, moneyCell, moneyFormat } from './cells'
import { SheetNames } from './sheet-names'
import { linesTotal, promoterLines, statusText, type StatementsSnapshot } from './statement-lines'
import { writeXlsx, type SheetSpec } from './xlsx-writer'

/**
 * A period's statements as one workbook: a Summary sheet (one row per promoter and a total
 * row, the period's status and the ledger head hash), then one sheet per promoter, in the
 * summary's order, listing every line behind the amount with a total equal to the statement's
 * accrued + reversed + adjustments. Sheets are written one after the other, each promoter's
 * lines read page by page, so the workbook never sits in memory.
 */
export async function writeStatementsXlsx(
  path: string,
  db: Workspace,
  snapshot: StatementsSnapshot,
  now: number,
  control: JobControl,
): Promise<string> {
  await writeXlsx(path, statementSheets(db, snapshot, now), control)
  return exportedMessage(snapshot)
}

export function exportedMessage(snapshot: StatementsSnapshot): string {
  const statements = snapshot.statements.length.toLocaleString('en')
  const lines = snapshot.lineCount.toLocaleString('en')
  return `${statements} statements and ${lines} lines exported.`
}

export function statementSheets(
  db: Workspace,
  snapshot: StatementsSnapshot,
  now: number,
): SheetSpec[] {
  const names = new SheetNames()
  const summaryName = names.take('Summary', 'Summary')
  const sheetNames = snapshot.statements.map((statement) =>
    names.take(statement.promoterName, `Promoter ${statement.promoterId}`),
  )
  // writeXlsx reports rows written across all sheets against each sheet's expected rows: every
  // sheet states the workbook's total, so progress runs once from 0 to it.
  const expectedRows = snapshot.statements.length * 2 + 1 + snapshot.lineCount
  return [
    summarySheet(snapshot, summaryName, sheetNames, now, expectedRows),
    ...snapshot.statements.map((statement, index) =>
      promoterSheet(db, snapshot, statement, sheetNames[index] ?? '', expectedRows),
    ),
  ]
}

const SUMMARY_MONEY: { header: string; pick: (statement: Statement) => number }[] = [
  { header: 'Opening', pick: (s) => s.openingMinor },
  { header: 'Accrued', pick: (s) => s.accruedMinor },
  { header: 'Reversed', pick: (s) => s.reversedMinor },
  { header: 'Adjustments', pick: (s) => s.adjustmentsMinor },
  { header: 'Pending', pick: (s) => s.pendingMinor },
  { header: 'Payable', pick: (s) => s.payableMinor },
  { header: 'Paid', pick: (s) => s.paidMinor },
]

function summarySheet(
  snapshot: StatementsSnapshot,
  name: string,
  sheetNames: string[],
  now: number,
  expectedRows: number,
): SheetSpec {
  const { business, statements } = snapshot
  const zone = business.timeZone
  const money = moneyFormat(business.currency)
  const cell = (minor: number) => moneyCell(minor, business.currency)
  const sum = (pick: (statement: Statement) => number) =>
    statements.reduce((total, statement) => total + pick(statement), 0)
  return {
    name,
    preamble: [
      `Payout statements of ${business.name}: ${snapshot.label} (${snapshot.periodKey})`,
      statusText(snapshot, (instant) => localDayOf(instant, zone)),
      `Exported ${localDayOf(now, zone)} (${zone}); money in ${business.currency}. Each promoter's sheet lists the lines behind accrued, reversed and adjustments.`,
    ],
    columns: [
      { header: 'Promoter', width: 26 },
      ...SUMMARY_MONEY.map((column) => ({ header: column.header, width: 14, numFmt: money })),
      { header: 'Paid on', width: 12, numFmt: 'yyyy-mm-dd' },
      { header: 'Reference', width: 20 },
      { header: 'Closing', width: 14, numFmt: money },
      { header: 'Sheet', width: 26 },
    ],
    expectedRows,
    rows: function* () {
      yield statements.map((statement, index) => [
        statement.promoterName,
        ...SUMMARY_MONEY.map((column) => cell(column.pick(statement))),
        statement.paid ? new Date(`${statement.paid.paidOn}T00:00:00Z`) : null,
        statement.paid?.reference ?? null,
        cell(statement.closingMinor),
        sheetNames[index] ?? null,
      ])
      yield [
        [
          'Total',
          ...SUMMARY_MONEY.map((column) => cell(sum(column.pick))),
          null,
          null,
          cell(sum((s) => s.closingMinor)),
          null,
        ],
      ]
    },
  }
}

function promoterSheet(
  db: Workspace,
  snapshot: StatementsSnapshot,
  statement: Statement,
  name: string,
  expectedRows: number,
): SheetSpec {
  const { business } = snapshot
  const zone = business.timeZone
  const money = moneyFormat(business.currency)
  const cell = (minor: number) => moneyCell(minor, business.currency)
  return {
    name,
    preamble: [
      `Statement of ${statement.promoterName} for ${snapshot.label} (${snapshot.periodKey}), ${snapshot.status}`,
      `Every sale, reversal and adjustment behind the statement; times are in ${zone}.`,
    ],
    columns: [
      { header: 'Date', width: 17, numFmt: DATE_TIME_FORMAT },
      { header: 'Order', width: 18 },
      { header: 'Type', width: 11 },
      { header: 'Base', width: 14, numFmt: money },
      { header: 'Amount', width: 14, numFmt: money },
      { header: 'Note', width: 40 },
    ],
    expectedRows,
    rows: function* () {
      let total = 0
      for (const page of promoterLines(db, snapshot, statement.promoterId)) {
        yield page.map((line) => {
          total += line.amountMinor
          return [
            localDateCell(line.occurredAt, zone),
            line.orderRef,
            line.type,
            cell(line.baseMinor),
            cell(line.amountMinor),
            line.note,
          ]
        })
      }
      if (total !== linesTotal(statement)) {
        throw new Error(
          `The lines of ${statement.promoterName} add up to ${total}, the statement to ${linesTotal(statement)}.`,
        )
      }
      yield [['Total', null, null, null, cell(total), null]]
    },
  }
}
