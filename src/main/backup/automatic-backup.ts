import type { BackupFile } from '../../shared/contract/backups'
import type { Workspace } from '../db/database'
import { listBackups, localDayOfInstant } from './backup-folder'
import { backUpAndPrune } from './take-backup'

/**
 * The start-up backup: at most one a day (the machine's local day), so that starting the app
 * ten times in a morning does not push the older days out of the N backups kept.
 * Returns null when today's backup already exists.
 */
export async function backUpIfDue(db: Workspace, now: number): Promise<BackupFile | null> {
  const today = localDayOfInstant(now)
  const done = listBackups(db.file).some(
    (backup) => backup.kind === 'automatic' && localDayOfInstant(backup.createdAt) === today,
  )
  if (done) return null
  return (await backUpAndPrune(db, 'automatic', now)).backup
}
