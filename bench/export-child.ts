import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs'
import { openWorkspace } from '../src/main/db/database'
import { findBusiness } from '../src/main/db/repos/businesses.repo'
import { redemptionsSheet } from '../src/main/export/redemptions.export'
import { writeXlsx } from '../src/main/export/xlsx-writer'
import { writePlainly } from './plain-xlsx-writer'

/**
 * Runs one export and nothing else, so that this process's peak resident memory is the
 * export's: `tsx bench/export-child.ts <workspace> <businessId> <out.xlsx> app|plain`.
 * Prints one JSON object: seconds, peak RSS in MB, rows and file size.
 */
async function main() {
  const [file, businessId, out, writer] = process.argv.slice(2)
  if (!file || !businessId || !out || (writer !== 'app' && writer !== 'plain')) {
    throw new Error('usage: export-child.ts <workspace> <businessId> <out.xlsx> app|plain')
  }
  warmPageCache(file)
  const db = await openWorkspace(file)
  try {
    const business = findBusiness(db, Number(businessId))
    if (!business) throw new Error(`No business ${businessId} in ${file}`)
    const started = process.hrtime.bigint()
    const sheet = redemptionsSheet(
      db,
      business,
      { businessId: business.id, code: undefined },
      Date.now(),
    )
    const rows =
      writer === 'app'
        ? await writeXlsx(out, [sheet], {
            signal: new AbortController().signal,
            progress: () => {},
            attachFile: () => {},
          })
        : await writePlainly(out, [sheet])
    const seconds = Number(process.hrtime.bigint() - started) / 1e9
    console.log(
      JSON.stringify({ seconds, peakRssMb: peakRssMb(), rows, bytes: statSync(out).size }),
    )
  } finally {
    await db.close()
  }
}

/**
 * The peak resident memory of this program, in MB. process.resourceUsage().maxRSS is the
 * portable answer, but on Linux it also holds the parent's resident set at the time of the fork
 * (the kernel keeps the old address space's high-water mark across exec), and the bench parent
 * has just seeded a workspace: it would report the parent's ~300 MB, not the export's. VmHWM is
 * the high-water mark of this program's own address space.
 */
function peakRssMb(): number {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))
    if (match) return Number(match[1]) / 1024
  } catch {
    // Not Linux: fall back to maxRSS (in KiB).
  }
  return process.resourceUsage().maxRSS / 1024
}

/**
 * Reads the workspace file once, sequentially, so the export starts from the OS page cache as
 * it would on a desktop that just used the workspace. The machines this runs on page out file
 * data idle for about 30 s, and the export reads the history newest first, backwards through
 * the file, where the kernel's read-ahead does not help: cold, the same export spends a minute
 * waiting on 4 KiB reads. read() into one reused buffer adds nothing to this process's RSS.
 */
function warmPageCache(file: string): void {
  const buffer = Buffer.allocUnsafe(1 << 20)
  const fd = openSync(file, 'r')
  try {
    while (readSync(fd, buffer, 0, buffer.length, null) > 0);
  } finally {
    closeSync(fd)
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
