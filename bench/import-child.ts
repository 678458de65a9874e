import { readFileSync } from 'node:fs'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { parse } from 'csv-parse/sync'
import { createHandlers } from '../src/main/api'
import { localClient } from '../src/main/api/local-client'
import { openWorkspace } from '../src/main/db/database'

/**
 * Runs one order import, or only csv-parse over the same file, and nothing else, so that this
 * process's peak memory is that work's: `node import-child.mjs <workspace> <businessId> <file.csv> app|parse`.
 * Prints one JSON object.
 */
async function main() {
  const [file, businessId, csv, mode] = process.argv.slice(2)
  if (!file || !businessId || !csv || (mode !== 'app' && mode !== 'parse'))
    throw new Error('usage: import-child <workspace> <businessId> <file.csv> app|parse')
  const content = readFileSync(csv)
  if (mode === 'parse') {
    const started = process.hrtime.bigint()
    const records = parse(content, { bom: true, relax_column_count: true }) as string[][]
    const seconds = Number(process.hrtime.bigint() - started) / 1e9
    console.log(JSON.stringify({ seconds, rows: records.length - 1, peakRssMb: peakRssMb() }))
    return
  }
  const db = await openWorkspace(file)
  try {
    const handlers = createHandlers({
      db,
      clock: { now: () => Date.now() },
      host: { kind: 'browser' },
      exportDir: '/tmp',
    })
    const call = localClient(handlers)
    const jobs = handlers.context.jobs
    const id = Number(businessId)
    const delay = monitorEventLoopDelay({ resolution: 5 })
    delay.enable()
    const t0 = process.hrtime.bigint()
    const uploaded = await call('orderImports.upload', {
      businessId: id,
      file: { name: 'orders.csv', contentBase64: content.toString('base64') },
    })
    const t1 = process.hrtime.bigint()
    // The upload is one request (decode, hash and store the file); the jobs are measured apart.
    // A block shows when the sampling timer fires late: let it fire before reading.
    await new Promise((resolve) => setTimeout(resolve, 20))
    const uploadBlockMs = delay.max / 1e6
    delay.reset()
    const check = await call('orderImports.check', {
      businessId: id,
      importId: uploaded.run.id,
      format: { layout: 'numbered', decimalSeparator: '.', dateFormat: 'iso' },
    })
    const checked = await jobs.settled(check.jobId)
    if (checked.status !== 'done') throw new Error(`check ${checked.status}: ${checked.message}`)
    const t2 = process.hrtime.bigint()
    const commit = await call('orderImports.commit', { businessId: id, importId: uploaded.run.id })
    const committed = await jobs.settled(commit.jobId)
    if (committed.status !== 'done')
      throw new Error(`import ${committed.status}: ${committed.message}`)
    const t3 = process.hrtime.bigint()
    delay.disable()
    const run = await call('orderImports.get', { businessId: id, importId: uploaded.run.id })
    const s = (from: bigint, to: bigint) => Number(to - from) / 1e9
    console.log(
      JSON.stringify({
        uploadSeconds: s(t0, t1),
        checkSeconds: s(t1, t2),
        commitSeconds: s(t2, t3),
        orders: run.counts.orders,
        imported: run.imported,
        rejected: run.counts.rejected,
        flagged: run.counts.flagged,
        uploadBlockMs,
        maxEventLoopDelayMs: delay.max / 1e6,
        peakRssMb: peakRssMb(),
      }),
    )
  } finally {
    await db.close()
  }
}

/** VmHWM: this program's own high-water mark (see export-child.ts for why not maxRSS). */
function peakRssMb(): number {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))
    if (match) return Number(match[1]) / 1024
  } catch {
    // Not Linux.
  }
  return process.resourceUsage().maxRSS / 1024
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
