import { renameSync, rmSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import type { BackupFile, BackupKind } from '../../shared/contract/backups'
import type { CopyProgress } from '../db/backup-api'
import type { Workspace } from '../db/database'
import { getWorkspaceSettings } from '../db/repos/workspace-settings.repo'
import { findBackup, newBackupPath, pruneBackups } from './backup-folder'

/**
 * Writes a backup of the open workspace into its backups folder through SQLite's backup API.
 * It is written under a `.partial` name and renamed when complete, so a backup that was
 * interrupted (a crash, a cancel) is never listed or restored.
 */
export async function takeBackup(
  db: Workspace,
  kind: BackupKind,
  now: number,
  onProgress?: CopyProgress,
): Promise<BackupFile> {
  const path = newBackupPath(db.file, kind, now)
  const partial = `${path}.partial`
  try {
    await db.backupTo(partial, onProgress)
    renameSync(partial, path)
  } catch (error) {
    rmSync(partial, { force: true })
    throw error
  }
  const name = basename(path)
  return findBackup(db.file, name) ?? { name, kind, createdAt: now, sizeBytes: statSync(path).size }
}

/** A backup, then only the newest N kept (N from the workspace settings). */
export async function backUpAndPrune(
  db: Workspace,
  kind: BackupKind,
  now: number,
  onProgress?: CopyProgress,
): Promise<{ backup: BackupFile; deleted: string[] }> {
  const backup = await takeBackup(db, kind, now, onProgress)
  const deleted = pruneBackups(db.file, getWorkspaceSettings(db).backupsToKeep)
  return { backup, deleted }
}
