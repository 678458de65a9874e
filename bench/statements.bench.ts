import Database from 'better-sqlite3'
import ExcelJS from 'exceljs'
import { spawn } from 'node:child_process'
import { join, resolve } from 'node:path'
import { findBusiness } from '../src/main/db/repos/businesses.repo'
import { statementsOf } from '../src/main/commissions/statements'
import { periodBounds, periodKeyOf } from '../src/main/commissions/periods'
import { RATE_BP, seedCommissions } from './seed-commissions'
import { createShop, openBenchWorkspace, saleArgs, workspaceFile, type BenchShop } from './shop'
import { LatencyRecorder, lowerIsBetter, round, type Measurement } from './stats'

export interface StatementSizes {
  sales: number
  promoters: number
  /** Timed computations of the period's statements (after one warm-up). */
  runs: number
}

const PROJECT_ROOT = resolve(__dirname, '..')
const CHILD = join(PROJECT_ROOT, 'bench', 'statements-child.ts')

interface ChildResult {
  seconds: number
  peakRssMb: number
  statements: number
  lines: number
  bytes: number
}

/** liveFigures' grouped query, as plain SQL: what the raw driver pays for the same sums. */
const RAW_FIGURES = `
  select promoter_id,
    sum(case when period_key < :key then amount_minor else 0 end) as before,
    sum(case when period_key = :key and origin_period_key = :key and kind = 'accrual' then amount_minor else 0 end) as accrued,
    sum(case when period_key = :key and origin_period_key = :key and kind = 'reversal' then amount_minor else 0 end) as reversed,
    sum(case when period_key = :key and origin_period_key <> :key then amount_minor else 0 end) as adjustments,
    sum(case when payable_at >= :endsAt then amount_minor else 0 end) as pending,
    sum(case when period_key = :key then 1 else 0 end) as lines
  from commissions
  where business_id = :businessId and period_key <= :key
  group by promoter_id`

/**
 * A payout period with `sales` attributed sales spread over `promoters` promoters (last month,
 * still open, so statements are computed live from the rows). Measures (a) statementsOf, the
 * period's statements, against raw better-sqlite3 running the same GROUP BY in the same
 * process, interleaved run by run, and the 'payouts.statements' call the Payouts page makes;
 * (b) the workbook export (a summary and a sheet per promoter) in a child process doing only
 * that, against the same sheets through exceljs's streaming writer used as documented, and
 * the CSV export. The workbook is read back to check every sheet and line arrived.
 */
export async function statementsBench(dir: string, sizes: StatementSizes): Promise<Measurement[]> {
  const file = workspaceFile(dir, 'statements')
  const { shop, promoterIds } = await createPromoterShop(file, join(dir, 'exports'), sizes)
  const zone = shop.business.timeZone
  const thisMonth = periodKeyOf(Date.now(), zone, 'monthly')
  const periodKey = periodKeyOf(periodBounds(thisMonth, zone).startsAt - 1, zone, 'monthly')
  const bounds = periodBounds(periodKey, zone)
  seedCommissions(file, shop, { sales: sizes.sales, promoterIds, periodKey, ...bounds })

  const computed = await timeStatements(dir, shop, periodKey, bounds.endsAt, sizes)

  const businessId = String(shop.business.id)
  const run = (out: string, writer: string) =>
    runChild([file, businessId, periodKey, join(dir, out), writer])
  const plain = await run('plain.xlsx', 'plain')
  const app = await run('app.xlsx', 'app')
  const csv = await run('app.csv', 'csv')
  const readBack = await countSheetsAndLines(join(dir, 'app.xlsx'))
  if (readBack.sheets !== sizes.promoters + 1 || readBack.lines !== sizes.sales)
    throw new Error(
      `Read back ${readBack.sheets} sheets and ${readBack.lines} lines, expected ${sizes.promoters + 1} and ${sizes.sales}.`,
    )

  const size = `${sizes.sales.toLocaleString('en')} sales across ${sizes.promoters.toLocaleString('en')} promoters in one period`
  const workbook = `${(app.bytes / 2 ** 20).toFixed(1)} MB workbook of ${readBack.sheets.toLocaleString('en')} sheets, read back complete`
  return [
    ...computed,
    lowerIsBetter(
      'statements_xlsx.seconds',
      app.seconds,
      's',
      plain.seconds,
      `ratio = plain exceljs streaming ÷ app writer time, same sheets (higher is better); target under 20 s; ${size}; ${workbook}`,
    ),
    lowerIsBetter(
      'statements_xlsx.peak_rss',
      app.peakRssMb,
      'MB',
      plain.peakRssMb,
      'peak resident memory of a process doing only the export (VmHWM); ratio = plain ÷ app (higher is better)',
    ),
    lowerIsBetter(
      'statements_csv.seconds',
      csv.seconds,
      's',
      null,
      `the same period as one CSV file (summary block and every line); ${(csv.bytes / 2 ** 20).toFixed(1)} MB; peak RSS ${Math.round(csv.peakRssMb)} MB`,
    ),
  ]
}

/** The bench shop with `promoters` promoters, a 10% rule and one real attributed sale. */
async function createPromoterShop(file: string, exportDir: string, sizes: StatementSizes) {
  const setup = await openBenchWorkspace(file, exportDir)
  const shop: BenchShop = await createShop(setup, 20)
  await setup.call('program.update', {
    businessId: shop.business.id,
    program: { rule: { kind: 'percent', rateBp: RATE_BP } },
  })
  const existing = setup.db.sql
    .all(
      setup.db.qb.selectFrom('promoters').select('id').where('business_id', '=', shop.business.id),
    )
    .map((row) => row.id)
  for (let index = existing.length; index < sizes.promoters; index++) {
    const promoter = await setup.call('promoters.create', {
      businessId: shop.business.id,
      name: `Promoter ${index + 1}`,
      email: `promoter${index + 1}@example.com`,
    })
    existing.push(promoter.id)
  }
  await setup.call('checkout.commit', saleArgs(shop, 'TEMPLATE-1', shop.codes[0] ?? '', 0))
  await setup.db.close()
  return { shop, promoterIds: existing.slice(0, sizes.promoters) }
}

async function timeStatements(
  dir: string,
  shop: BenchShop,
  periodKey: string,
  endsAt: number,
  sizes: StatementSizes,
): Promise<Measurement[]> {
  const file = workspaceFile(dir, 'statements')
  const workspace = await openBenchWorkspace(file, join(dir, 'exports'))
  const raw = new Database(file, { readonly: true })
  try {
    const business = findBusiness(workspace.db, shop.business.id)
    if (!business) throw new Error('The bench business is gone.')
    const query = raw.prepare(RAW_FIGURES)
    const params = { key: periodKey, endsAt, businessId: business.id }
    const input = { businessId: business.id, periodKey }
    const app = new LatencyRecorder()
    const plain = new LatencyRecorder()
    const call = new LatencyRecorder()
    // One warm-up of each: statement caches, page cache.
    const checked = statementsOf(workspace.db, business, periodKey)
    query.all(params)
    await workspace.call('payouts.statements', input)
    const accrued = checked.reduce((sum, statement) => sum + statement.accruedMinor, 0)
    if (checked.length !== sizes.promoters || accrued <= 0)
      throw new Error(`${checked.length} statements with ${accrued} accrued.`)
    for (let run = 0; run < sizes.runs; run++) {
      plain.time(() => query.all(params))
      app.time(() => statementsOf(workspace.db, business, periodKey))
    }
    for (let run = 0; run < sizes.runs; run++)
      await call.timeAsync(() => workspace.call('payouts.statements', input))

    const runs = `${sizes.runs} runs; ${sizes.sales.toLocaleString('en')} sales across ${sizes.promoters.toLocaleString('en')} promoters, open period computed live`
    return [
      lowerIsBetter(
        'statements_compute.p50',
        app.percentileMs(50),
        'ms',
        plain.percentileMs(50),
        `statementsOf for the whole period; ratio = raw better-sqlite3 GROUP BY ÷ statementsOf (higher is better); target under 2,000 ms; ${runs}`,
      ),
      lowerIsBetter(
        'statements_compute.p99',
        app.percentileMs(99),
        'ms',
        plain.percentileMs(99),
        `as p50; raw p50 ${round(plain.percentileMs(50))} ms`,
      ),
      lowerIsBetter(
        'statements_call.p50',
        call.percentileMs(50),
        'ms',
        null,
        `the 'payouts.statements' call (statements plus the period's totals, which list every period with activity); p99 ${round(call.percentileMs(99))} ms`,
      ),
    ]
  } finally {
    raw.close()
    await workspace.db.close()
  }
}

function runChild(args: string[]): Promise<ChildResult> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let output = ''
    child.stdout.on('data', (data: Buffer) => (output += data.toString()))
    child.on('error', reject)
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`statements child exited with ${code}`))
      try {
        resolveRun(JSON.parse(output.trim().split('\n').pop() ?? '') as ChildResult)
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)))
      }
    })
  })
}

/** Streams the workbook back: its sheets, and the lines of every promoter sheet (less totals). */
async function countSheetsAndLines(path: string): Promise<{ sheets: number; lines: number }> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'ignore',
    styles: 'ignore',
    hyperlinks: 'ignore',
    worksheets: 'emit',
  })
  let sheets = 0
  let lines = 0
  for await (const sheet of reader) {
    sheets++
    let header = false
    for await (const row of sheet) {
      const first = (row.values as unknown[])[1]
      if (header && first !== 'Total') lines++
      else if (first === 'Date') header = true
    }
  }
  return { sheets, lines }
}
