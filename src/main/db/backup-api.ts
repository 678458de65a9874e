import Database from 'better-sqlite3'

/** Pages copied per step of a backup (4 MiB at 4 KiB pages): other requests run between steps. */
const PAGES_PER_STEP = 1024
/** better-sqlite3's largest step: everything left, in one go. */
const ALL_PAGES = 0x7fffffff

/** Called after each step of a copy. */
export type CopyProgress = (copiedPages: number, totalPages: number) => void

/**
 * Writes a consistent copy of `source` to `file` through SQLite's backup API. Pages are copied
 * in steps; a write by another connection between steps restarts the copy, so the file always
 * holds one committed state, never the torn copy that copying a live file can give. The copy is
 * then taken out of WAL mode so that it is one self-contained file, with no -wal or -shm beside it.
 */
export async function copyDatabase(
  source: Database.Database,
  file: string,
  onProgress?: CopyProgress,
  nativeBinding?: string,
): Promise<void> {
  await source.backup(file, {
    progress: ({ totalPages, remainingPages }) => {
      onProgress?.(totalPages - remainingPages, totalPages)
      return PAGES_PER_STEP
    },
  })
  const copy = new Database(file, { nativeBinding })
  try {
    copy.pragma('journal_mode = DELETE')
  } finally {
    copy.close()
  }
}

/**
 * Replaces the content of the database at `target` with that of `backupFile`, through the
 * backup API: a second connection reads the backup and writes it onto the target's path under
 * the target's own write lock. Connections that have the target open (this process's, another
 * app instance's) wait for the lock and then read the restored content; the file they hold is
 * never swapped out from under them. The copy is taken in one step, because between steps the
 * lock stays held, and a request of this process waiting on it would block the event loop
 * that the next step needs (better-sqlite3's first step copies nothing and only measures, so
 * one turn of the event loop still passes between the lock and the copy).
 */
export async function restoreDatabase(
  backupFile: string,
  target: string,
  nativeBinding?: string,
): Promise<void> {
  const source = new Database(backupFile, { readonly: true, fileMustExist: true, nativeBinding })
  try {
    await source.backup(target, { progress: () => ALL_PAGES })
  } finally {
    source.close()
  }
}
