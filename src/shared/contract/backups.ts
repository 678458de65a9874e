import { z } from 'zod'
import { method } from './define'

/** Why a backup was made: at start-up, by "Back up now", or just before a restore replaced the data. */
export type BackupKind = 'automatic' | 'manual' | 'before-restore'

/** One backup file in the `backups` folder next to the workspace file. */
export interface BackupFile {
  /** File name inside the backups folder, e.g. `workspace_2026-03-10_12-05-32_manual.sqlite`. */
  name: string
  kind: BackupKind
  /** When it was made (local time in its name), epoch milliseconds. */
  createdAt: number
  sizeBytes: number
}

export interface BackupList {
  /** Absolute path of the backups folder. */
  folder: string
  /** Newest first. */
  backups: BackupFile[]
}

export interface BackupSettings {
  /** How many backups to keep; older ones are deleted after each new backup. */
  backupsToKeep: number
}

/** How many backups the backups folder may keep at most (each is a full copy of the workspace). */
export const MAX_BACKUPS_TO_KEEP = 100

export const backupsToKeep = z
  .number({ error: 'Enter how many backups to keep, e.g. 7.' })
  .int('Enter a whole number of backups.')
  .min(1, 'Keep at least 1 backup.')
  .max(MAX_BACKUPS_TO_KEEP, `Keep at most ${MAX_BACKUPS_TO_KEEP} backups.`)

/** A name from the list: no folders, so a request can only name a file in the backups folder. */
const backupName = z
  .string({ error: 'Choose a backup from the list.' })
  .regex(/^[\w.-]+\.sqlite$/, 'Choose a backup from the list.')
  .max(255, 'Choose a backup from the list.')

export const backupsContract = {
  'backups.list': method<BackupList>()(
    z.object({}),
    'Lists the backups in the `backups` folder next to the workspace file, newest first.',
  ),
  'backups.create': method<{ jobId: string }>()(
    z.object({}),
    'Backs the workspace up now through SQLite’s backup API, in the background, then keeps only the newest N.',
  ),
  'backups.restore': method<{ jobId: string }>()(
    z.object({ name: backupName }),
    'Verifies a backup (integrity check, then the ledger), backs up the current state, then replaces the workspace’s content with the backup’s.',
  ),
  'backups.settings': method<BackupSettings>()(
    z.object({}),
    'Returns the workspace’s backup settings.',
  ),
  'backups.updateSettings': method<BackupSettings>()(
    z.object({ backupsToKeep }),
    'Sets how many backups to keep.',
  ),
}
