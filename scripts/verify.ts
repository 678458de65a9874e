import { openWorkspace } from '../src/main/db/database'
import { listBusinesses } from '../src/main/db/repos/businesses.repo'
import { verifyLedger } from '../src/main/ledger/verify-ledger'
import { workspaceFile } from '../src/main/workspace-path'

/**
 * `npm run verify -- --data FILE`: recomputes every hash chain and use counter of a workspace
 * and prints the first break; exits 1 when anything disagrees. Opens the file read-only.
 */
async function main() {
  const file = workspaceFile(process.argv.slice(2))
  const db = await openWorkspace(file, { readonly: true })
  try {
    const started = Date.now()
    const report = verifyLedger(db)
    const seconds = (Date.now() - started) / 1000
    const names = new Map(listBusinesses(db).map((business) => [business.id, business.name]))
    console.log(
      `${report.entries.toLocaleString('en')} entries checked in ${seconds.toFixed(1)} s.`,
    )
    for (const head of report.heads) {
      console.log(`${names.get(head.businessId) ?? head.businessId}: head ${head.hash}`)
    }
    if (report.ok) {
      console.log('The ledger verifies: every chain is intact and every counter matches.')
      return
    }
    for (const mismatch of report.mismatches) {
      console.log(`${names.get(mismatch.businessId) ?? 'Workspace'}: ${mismatch.message}`)
    }
    process.exitCode = 1
  } finally {
    await db.close()
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error))
  process.exit(2)
})
