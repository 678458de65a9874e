import ExcelJS from 'exceljs'
import { spawn } from 'node:child_process'
import { join, resolve } from 'node:path'
import { seedSales } from './seed'
import { createShop, openBenchWorkspace, saleArgs, workspaceFile } from './shop'
import { lowerIsBetter, type Measurement } from './stats'

export interface ExportSizes {
  rows: number
}

const PROJECT_ROOT = resolve(__dirname, '..')
const CHILD = join(PROJECT_ROOT, 'bench', 'export-child.ts')

interface ChildResult {
  seconds: number
  peakRssMb: number
  rows: number
  bytes: number
}

/**
 * Export of the whole redemption history to xlsx through the app's path (redemptionsSheet +
 * writeXlsx), each run in a child process that does nothing else, so its peak RSS is the
 * export's. The baseline is the same sheet written with exceljs's streaming writer used as its
 * documentation shows (bench/plain-xlsx-writer.ts). The file is then read back to check that
 * every row arrived.
 */
export async function exportBench(dir: string, sizes: ExportSizes): Promise<Measurement[]> {
  const file = workspaceFile(dir, 'export')
  const setup = await openBenchWorkspace(file, join(dir, 'exports'))
  const shop = await createShop(setup, 1_000)
  // One real sale, copied by the seeder: `rows` redemptions in all.
  await setup.call('checkout.commit', saleArgs(shop, 'TEMPLATE-1', shop.codes[0] ?? '', 0))
  await setup.db.close()
  seedSales(file, shop, sizes.rows - 1)

  const businessId = String(shop.business.id)
  const plain = await runChild([file, businessId, join(dir, 'plain.xlsx'), 'plain'])
  const appOut = join(dir, 'app.xlsx')
  const app = await runChild([file, businessId, appOut, 'app'])
  const readBack = await countDataRows(appOut, 'Occurred')
  if (app.rows !== sizes.rows || readBack !== sizes.rows) {
    throw new Error(`Exported ${app.rows} rows and read back ${readBack}, expected ${sizes.rows}.`)
  }

  const size = `${sizes.rows.toLocaleString('en')} redemptions × 11 columns from a warm page cache; ${(app.bytes / 2 ** 20).toFixed(1)} MB file, read back complete`
  return [
    lowerIsBetter(
      'export_xlsx.seconds',
      app.seconds,
      's',
      plain.seconds,
      `ratio = plain exceljs streaming ÷ app writer time (higher is better); target under 30 s; ${size}`,
    ),
    lowerIsBetter(
      'export_xlsx.peak_rss',
      app.peakRssMb,
      'MB',
      plain.peakRssMb,
      'peak resident memory of a process doing only the export (VmHWM, else maxRSS); ratio = plain ÷ app (higher is better); target under 300 MB',
    ),
  ]
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
      if (code !== 0) return reject(new Error(`export child exited with ${code}`))
      try {
        resolveRun(JSON.parse(output.trim().split('\n').pop() ?? '') as ChildResult)
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)))
      }
    })
  })
}

/** Streams the file back and counts the rows below the header row. */
async function countDataRows(path: string, firstHeader: string): Promise<number> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'ignore',
    styles: 'ignore',
    hyperlinks: 'ignore',
    worksheets: 'emit',
  })
  let rows = 0
  let headerSeen = false
  for await (const sheet of reader) {
    for await (const row of sheet) {
      if (headerSeen) rows++
      else if ((row.values as unknown[])[1] === firstHeader) headerSeen = true
    }
  }
  return rows
}
