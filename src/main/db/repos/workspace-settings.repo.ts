import type { BackupSettings } from '../../../shared/contract/backups'
import type { Workspace } from '../database'

/** The workspace-wide settings (the single row migration 0004 creates). */
export function getWorkspaceSettings(db: Workspace): BackupSettings {
  const row = db.sql.first(
    db.qb.selectFrom('workspace_settings').select('backups_to_keep').where('id', '=', 1),
  )
  return { backupsToKeep: row?.backups_to_keep ?? 7 }
}

export function updateWorkspaceSettings(
  db: Workspace,
  settings: BackupSettings,
  now: number,
): BackupSettings {
  db.sql.run(
    db.qb
      .updateTable('workspace_settings')
      .set({ backups_to_keep: settings.backupsToKeep, updated_at: now })
      .where('id', '=', 1),
  )
  return getWorkspaceSettings(db)
}
