import { statSync } from 'node:fs'
import { openWorkspace } from '../src/main/db/database'
import { findBusiness } from '../src/main/db/repos/businesses.repo'
import { readStatements } from '../src/main/export/statement-lines'
import { statementSheets, writeStatementsXlsx } from '../src/main/export/statements.export'
import { writeStatementsCsv } from '../src/main/export/statements-csv.export'
import type { JobControl } from '../src/main/jobs/job-runner'
import { peakRssMb, warmPageCache } from './child-stats'
import { writePlainly } from './plain-xlsx-writer'

const WRITERS = ['app', 'plain', 'csv'] as const
type Writer = (typeof WRITERS)[number]

/**
 * Runs one statement export and nothing else, so that this process's peak resident memory is
 * the export's: `tsx bench/statements-child.ts <workspace> <businessId> <period> <out> <writer>`
 * with writer app (the app's workbook), plain (the same sheets through exceljs's streaming
 * writer used as documented) or csv. Prints one JSON object: seconds (from reading the
 * statements to the closed file), peak RSS in MB, statements, lines and file size.
 */
async function main() {
  const [file, businessId, periodKey, out, writer] = process.argv.slice(2)
  if (!file || !businessId || !periodKey || !out || !WRITERS.includes(writer as Writer)) {
    throw new Error(
      `usage: statements-child.ts <workspace> <businessId> <period> <out> app|plain|csv`,
    )
  }
  warmPageCache(file)
  const db = await openWorkspace(file)
  try {
    const business = findBusiness(db, Number(businessId))
    if (!business) throw new Error(`No business ${businessId} in ${file}`)
    const control: JobControl = {
      signal: new AbortController().signal,
      progress: () => {},
      attachFile: () => {},
    }
    const started = process.hrtime.bigint()
    const now = Date.now()
    const snapshot = readStatements(db, business, periodKey)
    if (writer === 'app') await writeStatementsXlsx(out, db, snapshot, now, control)
    else if (writer === 'csv') await writeStatementsCsv(out, db, snapshot, now, control)
    else await writePlainly(out, statementSheets(db, snapshot, now))
    const seconds = Number(process.hrtime.bigint() - started) / 1e9
    console.log(
      JSON.stringify({
        seconds,
        peakRssMb: peakRssMb(),
        statements: snapshot.statements.length,
        lines: snapshot.lineCount,
        bytes: statSync(out).size,
      }),
    )
  } finally {
    await db.close()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
