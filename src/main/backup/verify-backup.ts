import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { DomainError } from '../api/domain-error'
import { openWorkspace, schemaAge, type Workspace } from '../db/database'
import { verifyLedger, type LedgerReport } from '../ledger/verify-ledger'

/** A restore refused, naming the backup and why; the workspace is untouched. */
function refusal(file: string, reason: string): DomainError {
  return new DomainError(
    'refused',
    `The backup ${basename(file)} was not restored because ${reason.replace(/\.$/, '')}. The workspace was left as it was.`,
    { field: 'name' },
  )
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error))

/**
 * Checks a backup before it may replace the workspace, in a separate read-only connection:
 * SQLite's integrity check of every page and index, then the ledger's hash chains and use
 * counters. Throws a refusal saying what failed; returns the number of ledger entries checked.
 */
export async function verifyBackup(live: Workspace, file: string): Promise<{ entries: number }> {
  let backup: Workspace
  try {
    backup = await openWorkspace(file, { ...live.options, readonly: true })
  } catch (error) {
    throw refusal(file, `SQLite cannot open it (${errorText(error)})`)
  }
  try {
    const age = await readSchemaAge(backup, file)
    const damage = integrityProblems(backup)
    if (damage.length > 0) {
      throw refusal(file, `SQLite’s integrity check found damage: ${damage.slice(0, 3).join('; ')}`)
    }
    const report = age === 'current' ? verifyLedger(backup) : await verifyMigratedCopy(backup, file)
    const first = report.mismatches[0]
    if (first) throw refusal(file, `its ledger does not verify: ${first.message}`)
    return { entries: report.entries }
  } finally {
    await backup.close()
  }
}

/** A file that is not a workspace at all fails here, on its first read. */
async function readSchemaAge(backup: Workspace, file: string): Promise<'current' | 'older'> {
  let age: Awaited<ReturnType<typeof schemaAge>>
  try {
    age = await schemaAge(backup)
  } catch (error) {
    throw refusal(file, `it is not a Promoledger workspace (${errorText(error)})`)
  }
  if (age === 'none') throw refusal(file, 'it holds no Promoledger workspace')
  if (age === 'newer') throw refusal(file, 'it was made by a newer version of Promoledger')
  return age
}

function integrityProblems(backup: Workspace): string[] {
  try {
    const rows = backup.pragma('integrity_check') as { integrity_check: string }[]
    return rows
      .map((row) => row.integrity_check)
      .filter((line) => line !== 'ok')
      .map((line) =>
        line
          .replace(/\*\*\* in database \w+ \*\*\*/g, '')
          .replace(/\s+/g, ' ')
          .trim(),
      )
  } catch (error) {
    return [errorText(error)]
  }
}

/**
 * A backup from before the latest migrations is verified as it will be after the restore:
 * copied (through the backup API) to a temporary file, migrated there, then checked. The backup
 * itself is never written.
 */
async function verifyMigratedCopy(backup: Workspace, file: string): Promise<LedgerReport> {
  const dir = mkdtempSync(join(tmpdir(), 'promoledger-verify-'))
  try {
    const copyFile = join(dir, 'copy.sqlite')
    await backup.backupTo(copyFile)
    let copy: Workspace
    try {
      copy = await openWorkspace(copyFile, { ...backup.options, readonly: false })
    } catch (error) {
      throw refusal(file, `it cannot be brought up to this version (${errorText(error)})`)
    }
    try {
      return verifyLedger(copy)
    } finally {
      await copy.close()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
