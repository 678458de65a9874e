import { minorToDecimal } from '../../shared/money'
import type { Statement } from '../../shared/contract/payouts'
import type { Workspace } from '../db/database'
import type { JobControl } from '../jobs/job-runner'
import { localDayOf } from '../time/local-dates'
import { localDateCell } from './cells'
import { CsvNumber, writeCsv, type CsvValue } from './csv-writer'
import { promoterLines, statusText, type StatementsSnapshot } from './statement-lines'
import { exportedMessage } from './statements.export'

/*
 * The CSV form of a period's statements is one file a bookkeeper opens in any spreadsheet
 * (a second file would need a zip or a second download). UTF-8 with a BOM, commas, CRLF, in
 * three blocks separated by an empty line:
 *
 *   1. the title, the period's status and the ledger head hash, one per line;
 *   2. the summary: a header row starting "Promoter", one row per promoter, a "Total" row;
 *   3. every line: a header row starting "Promoter", then the lines promoter by promoter in
 *      the summary's order, each promoter's in time order. Block 3 is one plain table that
 *      can be filtered or summed per promoter; the totals are block 2's.
 *
 * The promoter id stands next to the name, since two promoters may share a name. Amounts are
 * plain decimals in major units ("-12.50": a point, no grouping), the currency in the headers;
 * dates are `yyyy-mm-dd hh:mm` in the business's zone. Text that a spreadsheet would run as a
 * formula gets an apostrophe in front, as in the workbook.
 */

const SUMMARY_MONEY: [string, (statement: Statement) => number][] = [
  ['Opening', (s) => s.openingMinor],
  ['Accrued', (s) => s.accruedMinor],
  ['Reversed', (s) => s.reversedMinor],
  ['Adjustments', (s) => s.adjustmentsMinor],
  ['Pending', (s) => s.pendingMinor],
  ['Payable', (s) => s.payableMinor],
  ['Paid', (s) => s.paidMinor],
]

export async function writeStatementsCsv(
  path: string,
  db: Workspace,
  snapshot: StatementsSnapshot,
  now: number,
  control: JobControl,
): Promise<string> {
  // Three title lines, two empty lines, two headers and the total, around the data rows.
  const expected = 8 + snapshot.statements.length + snapshot.lineCount
  await writeCsv(path, statementsCsvRows(db, snapshot, now), control, expected)
  return exportedMessage(snapshot)
}

function* statementsCsvRows(
  db: Workspace,
  snapshot: StatementsSnapshot,
  now: number,
): Generator<CsvValue[][]> {
  const { business, statements } = snapshot
  const zone = business.timeZone
  const currency = business.currency
  const money = (minor: number) => new CsvNumber(minorToDecimal(minor, currency))
  const sum = (pick: (statement: Statement) => number) =>
    statements.reduce((total, statement) => total + pick(statement), 0)

  yield [
    [`Payout statements of ${business.name}: ${snapshot.label} (${snapshot.periodKey})`],
    [statusText(snapshot, (instant) => localDayOf(instant, zone))],
    [`Exported ${localDayOf(now, zone)} (${zone}); money in ${currency}.`],
    [],
    [
      'Promoter',
      'Promoter ID',
      ...SUMMARY_MONEY.map(([header]) => `${header} (${currency})`),
      'Paid on',
      'Reference',
      `Closing (${currency})`,
    ],
    ...statements.map((statement) => [
      statement.promoterName,
      statement.promoterId,
      ...SUMMARY_MONEY.map(([, pick]) => money(pick(statement))),
      statement.paid?.paidOn ?? null,
      statement.paid?.reference ?? null,
      money(statement.closingMinor),
    ]),
    [
      'Total',
      null,
      ...SUMMARY_MONEY.map(([, pick]) => money(sum(pick))),
      null,
      null,
      money(sum((s) => s.closingMinor)),
    ],
    [],
    [
      'Promoter',
      'Promoter ID',
      'Date',
      'Order',
      'Type',
      `Base (${currency})`,
      `Amount (${currency})`,
      'Note',
    ],
  ]
  for (const statement of statements) {
    for (const page of promoterLines(db, snapshot, statement.promoterId)) {
      yield page.map((line) => [
        statement.promoterName,
        statement.promoterId,
        localDateCell(line.occurredAt, zone),
        line.orderRef,
        line.type,
        money(line.baseMinor),
        money(line.amountMinor),
        line.note,
      ])
    }
  }
}
