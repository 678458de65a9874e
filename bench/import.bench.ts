import { build } from 'esbuild'
import { spawn } from 'node:child_process'
import { statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { openWorkspace } from '../src/main/db/database'
import { verifyLedger } from '../src/main/ledger/verify-ledger'
import { localDayOf } from '../src/main/time/local-dates'
import { writeOrderFile } from './import-file'
import { createShop, openBenchWorkspace, workspaceFile } from './shop'
import { higherIsBetter, lowerIsBetter, type Measurement } from './stats'

export interface ImportSizes {
  orders: number
}

const PROJECT_ROOT = resolve(__dirname, '..')
/** Inside the project, so that the bundle's external packages resolve from node_modules. */
const CHILD = join(PROJECT_ROOT, 'node_modules', '.cache', 'promoledger-bench', 'import-child.mjs')

interface AppResult {
  uploadSeconds: number
  checkSeconds: number
  commitSeconds: number
  orders: number
  imported: number
  rejected: number
  flagged: number
  uploadBlockMs: number
  maxEventLoopDelayMs: number
  peakRssMb: number
}

interface ParseResult {
  seconds: number
  rows: number
  peakRssMb: number
}

/**
 * Order import of a source-003 CSV through the app's path (upload, the dry run, then the
 * import job), each side in a child process doing nothing else, so that its peak memory is its
 * own. The baseline is csv-parse alone reading the same file into rows in the same kind of
 * process: the floor any CSV import pays. The child runs the code bundled as electron-vite
 * bundles the app (tsx would wrap every closure). The ledger is verified afterwards.
 */
export async function importBench(dir: string, sizes: ImportSizes): Promise<Measurement[]> {
  const file = workspaceFile(dir, 'import')
  const setup = await openBenchWorkspace(file, join(dir, 'exports'))
  const shop = await createShop(setup, 20)
  const tracking = await setup.call('campaigns.create', {
    businessId: shop.business.id,
    name: 'Radio',
    kind: 'tracking',
    discount: { kind: 'none' },
    // Open since yesterday: the file's orders are from the last hours.
    startsOn: localDayOf(Date.now() - 24 * 60 * 60 * 1000, shop.business.timeZone),
  })
  const radio = await setup.call('codes.create', {
    businessId: shop.business.id,
    campaignId: tracking.id,
    code: 'RADIO1',
    maxUses: null,
    maxUsesPerCustomer: null,
  })
  await setup.db.close()
  const csv = join(dir, 'orders.csv')
  const accepted = await writeOrderFile(csv, shop, sizes.orders, radio.code)
  const megabytes = statSync(csv).size / 2 ** 20

  await build({
    entryPoints: [join(PROJECT_ROOT, 'bench', 'import-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: CHILD,
    packages: 'external',
    logLevel: 'warning',
  })
  const businessId = String(shop.business.id)
  const parse = (await runChild([file, businessId, csv, 'parse'])) as ParseResult
  const app = (await runChild([file, businessId, csv, 'app'])) as AppResult
  if (app.imported !== accepted || parse.rows !== sizes.orders) {
    throw new Error(
      `Imported ${app.imported} of ${accepted} orders (csv-parse read ${parse.rows} rows).`,
    )
  }
  const db = await openWorkspace(file, { readonly: true })
  const report = verifyLedger(db)
  await db.close()
  if (!report.ok || report.entries !== accepted)
    throw new Error(`The imported ledger does not verify: ${report.mismatches[0]?.message ?? ''}`)

  const n = (value: number) => value.toLocaleString('en')
  const baseline = sizes.orders / parse.seconds
  const what = `${n(sizes.orders)} orders (${megabytes.toFixed(1)} MB, 1–3 items, half with a coupon, 1 in 10 with a tracking code, 1 in 100 rejected), ${n(app.flagged)} flagged; ledger verified`
  return [
    higherIsBetter(
      'import.orders_per_second',
      sizes.orders / app.commitSeconds,
      'orders/s',
      baseline,
      `the import job (reads the checked orders again, checks codes, windows, limits and duplicates under the lock, writes entries, uses and customers in transactions of about 50 ms each, synchronous=FULL) ÷ csv-parse alone reading the file; ${app.commitSeconds.toFixed(2)} s for ${what} (target ≥ 20,000 orders/s)`,
    ),
    higherIsBetter(
      'import.check_orders_per_second',
      sizes.orders / app.checkSeconds,
      'orders/s',
      baseline,
      `the dry run (streamed csv-parse, every check, the engine's figure, the preview rows written) ÷ csv-parse alone; ${app.checkSeconds.toFixed(2)} s`,
    ),
    higherIsBetter(
      'import.file_to_ledger_orders_per_second',
      sizes.orders / (app.uploadSeconds + app.checkSeconds + app.commitSeconds),
      'orders/s',
      baseline,
      `upload + dry run + import, end to end, ÷ csv-parse alone; ${(app.uploadSeconds + app.checkSeconds + app.commitSeconds).toFixed(2)} s`,
    ),
    lowerIsBetter(
      'import.peak_rss',
      app.peakRssMb,
      'MB',
      parse.peakRssMb,
      'peak resident memory of a process doing only the upload, dry run and import (VmHWM) ÷ one doing only csv-parse of the file into rows; ratio = baseline ÷ app',
    ),
    lowerIsBetter(
      'import.max_event_loop_block',
      app.maxEventLoopDelayMs,
      'ms',
      null,
      `longest the event loop was blocked while the dry run and the import ran (perf_hooks, 5 ms resolution): how long another request could wait; the upload request itself (decode, hash, store ${megabytes.toFixed(1)} MB) blocked ${app.uploadBlockMs.toFixed(0)} ms`,
    ),
  ]
}

function runChild(args: string[]): Promise<unknown> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [CHILD, ...args], {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let output = ''
    child.stdout.on('data', (data: Buffer) => (output += data.toString()))
    child.on('error', reject)
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`import child exited with ${code}`))
      try {
        resolveRun(JSON.parse(output.trim().split('\n').pop() ?? ''))
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)))
      }
    })
  })
}
