import { backupFolderOf, findBackup, listBackups } from '../backup/backup-folder'
import { restoreBackup, RESTORE_STEPS } from '../backup/restore-backup'
import { backUpAndPrune } from '../backup/take-backup'
import { getWorkspaceSettings, updateWorkspaceSettings } from '../db/repos/workspace-settings.repo'
import { throwIfCancelled } from '../jobs/job-runner'
import { formatFileSize } from '../../shared/file-size'
import type { HandlerContext, HandlerGroup } from './context'
import { DomainError } from './domain-error'

type BackupMethods =
  | 'backups.list'
  | 'backups.create'
  | 'backups.restore'
  | 'backups.settings'
  | 'backups.updateSettings'

export function backupsHandlers(context: HandlerContext): HandlerGroup<BackupMethods> {
  const { db, clock, jobs } = context

  /** A restore swaps the data under every running job: generation, import or export. */
  const refuseWhileJobsRun = () => {
    const running = jobs.running()[0]
    if (running) {
      throw new DomainError(
        'conflict',
        `“${running.label}” is still running; restore when it has finished, so that it does not write into the restored data.`,
        { field: 'name' },
      )
    }
  }

  return {
    'backups.list': () => ({ folder: backupFolderOf(db.file), backups: listBackups(db.file) }),

    // A job, like exports: copying a large file takes seconds, and the copy advances in steps
    // that report progress and can be cancelled (the partial file is then removed).
    'backups.create': () => {
      const job = jobs.start('Backing up the workspace', async (control) => {
        const { backup, deleted } = await backUpAndPrune(
          db,
          'manual',
          clock.now(),
          (copied, total) => {
            throwIfCancelled(control.signal)
            control.progress(copied, total)
          },
        )
        const pruned = deleted.length > 0 ? ` ${deleted.length} older backup(s) deleted.` : ''
        return `Saved ${backup.name} (${formatFileSize(backup.sizeBytes)}).${pruned}`
      })
      return { jobId: job.id }
    },

    'backups.restore': ({ name }) => {
      const backup = findBackup(db.file, name)
      if (!backup) {
        const message = `There is no backup called ${name} in the backups folder.`
        throw new DomainError('not_found', message, { field: 'name' })
      }
      refuseWhileJobsRun()
      const job = jobs.start('Restoring from backup', async (control) => {
        const outcome = await restoreBackup(db, backup, clock.now(), {
          onStep: (step) => {
            throwIfCancelled(control.signal)
            control.progress(step, RESTORE_STEPS)
          },
        })
        control.progress(RESTORE_STEPS, RESTORE_STEPS)
        return (
          `Restored ${backup.name}; its ${outcome.entries.toLocaleString('en')} ledger entries verified. ` +
          `The data it replaced was saved as ${outcome.replacedState.name}.`
        )
      })
      return { jobId: job.id }
    },

    'backups.settings': () => getWorkspaceSettings(db),
    'backups.updateSettings': (settings) => updateWorkspaceSettings(db, settings, clock.now()),
  }
}
