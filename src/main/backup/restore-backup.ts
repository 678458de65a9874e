import type { BackupFile } from '../../shared/contract/backups'
import type { Workspace } from '../db/database'
import { backupPath } from './backup-folder'
import { takeBackup } from './take-backup'
import { verifyBackup } from './verify-backup'

export interface RestoreSteps {
  /** Called before each step: 0 verify, 1 back up the current state, 2 restore. */
  onStep?: (step: number) => void
}

export const RESTORE_STEPS = 3

export interface RestoreOutcome {
  /** Ledger entries verified in the backup. */
  entries: number
  /** The backup of the state the restore replaced. */
  replacedState: BackupFile
}

/**
 * Replaces the workspace's content with a backup's: only after the backup verifies, and only
 * after the current state has itself been backed up, so a restore can always be undone by
 * restoring that backup. Not pruned here: the backup being restored could be the oldest.
 */
export async function restoreBackup(
  db: Workspace,
  backup: BackupFile,
  now: number,
  steps: RestoreSteps = {},
): Promise<RestoreOutcome> {
  const file = backupPath(db.file, backup.name)
  steps.onStep?.(0)
  const { entries } = await verifyBackup(db, file)
  steps.onStep?.(1)
  const replacedState = await takeBackup(db, 'before-restore', now)
  steps.onStep?.(2)
  await db.restoreFrom(file)
  return { entries, replacedState }
}
