import {
  DIMENSION_LABELS,
  METRICS,
  REVENUE_PER_CODE_NOTE,
  changeRatio,
  countsRevenuePerCode,
} from '../../shared/analytics/metrics'
import type {
  AnalyticsExport,
  Breakdown,
  BreakdownDimension,
  Dashboard,
  Metrics,
} from '../../shared/contract/analytics'
import type { Business } from '../../shared/contract/businesses'
import { minorToDecimal } from '../../shared/money'
import { breakdown } from '../analytics/breakdown'
import { dashboard } from '../analytics/dashboard'
import type { Workspace } from '../db/database'
import type { JobControl } from '../jobs/job-runner'
import { localDayOf } from '../time/local-dates'
import { moneyCell, moneyFormat } from './cells'
import { CsvNumber, writeCsv, type CsvValue } from './csv-writer'
import { writeXlsx, type SheetSpec } from './xlsx-writer'

/*
 * Analytics exports are small (at most a few thousand aggregated rows), so each is described
 * once as plain tables with typed columns, then written either as a workbook (money as numeric
 * cells in the business's currency format, days as dates) or as CSV (the first table only:
 * plain decimals in major units, the currency in the headers). Both writers neutralize text
 * against formula injection, so a campaign named "=cmd" stays text.
 */

type ColumnKind = 'text' | 'count' | 'money' | 'day' | 'month' | 'ratio'

interface Column {
  header: string
  kind: ColumnKind
  width?: number
}

/** Money in minor units, days as yyyy-MM-dd, months as yyyy-MM, ratios as 0.25 = 25 %. */
type Value = string | number | null

export interface AnalyticsTable {
  sheet: string
  preamble: string[]
  columns: Column[]
  rows: Value[][]
  /** A last row summing the rows. */
  total?: Value[]
  /** The chart's data: its CSV leaves the total row out, so it plots as it is. */
  chartData?: boolean
}

const FIGURE_COLUMNS = [
  { header: 'Orders', kind: 'count' },
  { header: 'Redemptions', kind: 'count' },
  { header: 'Revenue', kind: 'money' },
  { header: 'Discount given', kind: 'money' },
  { header: 'Commission cost', kind: 'money' },
] as const satisfies readonly Column[]

type Figures = Breakdown['totals']
const figures = (row: Figures): Value[] => [
  row.orders,
  row.redemptions,
  row.revenueMinor,
  row.discountMinor,
  row.commissionMinor,
]

function exportedLine(business: Business, now: number): string {
  const zone = business.timeZone
  return `Exported ${localDayOf(now, zone)}; days in ${zone}, money in ${business.currency}, refunds and voids already subtracted.`
}

const SUMMARY_COLUMNS: { header: string; kind: ColumnKind; pick: (m: Metrics) => number }[] = [
  { header: 'Orders', kind: 'count', pick: (m) => m.orders },
  { header: 'Redemptions', kind: 'count', pick: (m) => m.redemptions },
  { header: 'Revenue', kind: 'money', pick: (m) => m.revenueMinor },
  { header: 'Refunds and voids', kind: 'money', pick: (m) => m.reversedMinor },
  { header: 'Average order', kind: 'money', pick: (m) => m.averageOrderMinor },
  { header: 'Discount given', kind: 'money', pick: (m) => m.discountMinor },
  { header: 'Commission cost', kind: 'money', pick: (m) => m.commissionMinor },
  { header: 'Net revenue', kind: 'money', pick: (m) => m.netRevenueMinor },
  { header: 'New customers', kind: 'count', pick: (m) => m.newCustomers },
]

/** The chart's data first (the CSV form), then the figures against the period before. */
export function dashboardTables(
  business: Business,
  board: Dashboard,
  now: number,
): AnalyticsTable[] {
  const period = `${board.from} to ${board.to}`
  const byDay = board.by === 'day'
  const series = board.series
  const sum = (pick: (point: (typeof series)[number]) => number) =>
    series.reduce((total, point) => total + pick(point), 0)
  return [
    {
      sheet: 'Over time',
      chartData: true,
      preamble: [
        `Analytics of ${business.name}: ${period}, by ${board.by}`,
        exportedLine(business, now),
      ],
      columns: [
        { header: byDay ? 'Day' : 'Month', kind: byDay ? 'day' : 'month' },
        ...FIGURE_COLUMNS,
      ],
      rows: series.map((point) => [point.bucket, ...figures(point)]),
      total: [
        'Total',
        ...figures({
          orders: sum((p) => p.orders),
          redemptions: sum((p) => p.redemptions),
          revenueMinor: sum((p) => p.revenueMinor),
          discountMinor: sum((p) => p.discountMinor),
          commissionMinor: sum((p) => p.commissionMinor),
        }),
      ],
    },
    {
      sheet: 'Summary',
      preamble: [`Analytics of ${business.name}: ${period}`, exportedLine(business, now)],
      columns: [
        { header: 'Period', kind: 'text', width: 18 },
        { header: 'First day', kind: 'day' },
        { header: 'Last day', kind: 'day' },
        ...SUMMARY_COLUMNS.map(({ header, kind }) => ({ header, kind })),
      ],
      rows: [
        ['This period', board.from, board.to, ...SUMMARY_COLUMNS.map((c) => c.pick(board.current))],
        [
          'Period before',
          board.previousFrom,
          board.previousTo,
          ...SUMMARY_COLUMNS.map((c) => c.pick(board.previous)),
        ],
      ],
    },
    {
      sheet: 'Change',
      preamble: [
        `Change of each figure in ${period} against ${board.previousFrom} to ${board.previousTo}`,
      ],
      columns: [
        { header: 'Figure', kind: 'text', width: 18 },
        { header: 'Change', kind: 'ratio' },
        { header: 'Note', kind: 'text', width: 24 },
      ],
      rows: METRICS.map(({ key, label }) => {
        const ratio = changeRatio(board.current[key], board.previous[key])
        return [label, ratio, ratio === null ? 'No previous data' : null]
      }),
    },
  ]
}

export function breakdownTable(
  business: Business,
  split: Breakdown,
  range: { from: string; to: string },
  now: number,
): AnalyticsTable {
  const by: BreakdownDimension = split.by
  const campaign = by === 'campaign'
  return {
    sheet: `By ${by}`,
    preamble: [
      `Analytics of ${business.name} by ${by}: ${range.from} to ${range.to}`,
      exportedLine(business, now),
      ...(countsRevenuePerCode(by) ? [REVENUE_PER_CODE_NOTE] : []),
    ],
    columns: [
      { header: DIMENSION_LABELS[by], kind: 'text', width: 28 },
      ...(campaign ? [{ header: 'Kind', kind: 'text' as const, width: 12 }] : []),
      ...FIGURE_COLUMNS,
    ],
    rows: split.rows.map((row) => [row.label, ...(campaign ? [row.detail] : []), ...figures(row)]),
    total: ['Total', ...(campaign ? [null] : []), ...figures(split.totals)],
  }
}

const WIDTHS: Record<ColumnKind, number> = {
  text: 22,
  count: 12,
  money: 16,
  day: 12,
  month: 10,
  ratio: 10,
}

const DAY_OR_MONTH = /^\d{4}-\d{2}(-\d{2})?$/

/** `expectedRows`: the workbook's rows, so progress runs once from 0 to them across sheets. */
function xlsxSheet(table: AnalyticsTable, currency: string, expectedRows: number): SheetSpec {
  const money = moneyFormat(currency)
  const formats: Partial<Record<ColumnKind, string>> = {
    count: '#,##0',
    money,
    day: 'yyyy-mm-dd',
    month: 'mmm yyyy',
    ratio: '0.0%',
  }
  const cell = (value: Value, kind: ColumnKind | undefined): unknown => {
    if (typeof value === 'number') return kind === 'money' ? moneyCell(value, currency) : value
    // Days and months become date cells; other text in such a column (a total's label) stays.
    if (value !== null && (kind === 'day' || kind === 'month') && DAY_OR_MONTH.test(value))
      return new Date(`${value.length === 7 ? `${value}-01` : value}T00:00:00Z`)
    return value
  }
  const rows = [...table.rows, ...(table.total ? [table.total] : [])]
  return {
    name: table.sheet,
    preamble: table.preamble,
    columns: table.columns.map((column) => ({
      header: column.header,
      width: column.width ?? WIDTHS[column.kind],
      numFmt: formats[column.kind],
    })),
    expectedRows,
    rows: () => [
      rows.map((row) => row.map((value, column) => cell(value, table.columns[column]?.kind))),
    ],
  }
}

function csvRows(table: AnalyticsTable, currency: string): CsvValue[][] {
  const header = table.columns.map((column) =>
    column.kind === 'money' ? `${column.header} (${currency})` : column.header,
  )
  const field = (value: Value, kind: ColumnKind | undefined): CsvValue =>
    typeof value === 'number' && kind === 'money'
      ? new CsvNumber(minorToDecimal(value, currency))
      : value
  return [
    header,
    ...[...table.rows, ...(table.total && !table.chartData ? [table.total] : [])].map((row) =>
      row.map((value, column) => field(value, table.columns[column]?.kind)),
    ),
  ]
}

/** Reads the figures now, so the job writes what the page showed when it was asked for. */
export function analyticsTables(
  db: Workspace,
  business: Business,
  input: { what: AnalyticsExport; from: string; to: string },
  now: number,
): AnalyticsTable[] {
  const { what, from, to } = input
  if (what === 'dashboard') return dashboardTables(business, dashboard(db, business, from, to), now)
  return [
    breakdownTable(business, breakdown(db, business, { from, to, by: what }), { from, to }, now),
  ]
}

/**
 * Writes the export. The dashboard's CSV is the chart's data (one row per day or month); a
 * breakdown's CSV is its table with the total row.
 */
export async function writeAnalyticsExport(
  path: string,
  business: Business,
  tables: AnalyticsTable[],
  format: 'xlsx' | 'csv',
  control: JobControl,
): Promise<string> {
  const currency = business.currency
  if (format === 'csv') {
    const first = tables[0]
    const rows = first ? csvRows(first, currency) : []
    await writeCsv(path, [rows], control, rows.length)
    return `${(rows.length - 1).toLocaleString('en')} rows exported.`
  }
  const expected = tables.reduce(
    (rows, table) => rows + table.rows.length + (table.total ? 1 : 0),
    0,
  )
  const written = await writeXlsx(
    path,
    tables.map((table) => xlsxSheet(table, currency, expected)),
    control,
  )
  return `${written.toLocaleString('en')} rows exported.`
}
