import { statSync } from 'node:fs'
import { openWorkspace } from '../src/main/db/database'
import { findBusiness } from '../src/main/db/repos/businesses.repo'
import { redemptionsSheet } from '../src/main/export/redemptions.export'
import { writeXlsx } from '../src/main/export/xlsx-writer'
import { peakRssMb, warmPageCache } from './child-stats'
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

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
