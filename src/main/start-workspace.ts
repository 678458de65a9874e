import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createHandlers, type HostServices } from './api'
import { systemClock } from './api/context'
import { backUpIfDue } from './backup/automatic-backup'
import { discardInterruptedBatches } from './codes/generate-codes'
import { openWorkspace, type OpenOptions } from './db/database'

/**
 * What both hosts do before serving: open and migrate the workspace, recover, build handlers,
 * and start the day's automatic backup.
 */
export async function startWorkspace(
  file: string,
  host: HostServices,
  openOptions: OpenOptions = {},
) {
  const db = await openWorkspace(file, openOptions)
  await discardInterruptedBatches(db)
  const handlers = createHandlers({
    db,
    clock: systemClock,
    host,
    exportDir: join(tmpdir(), 'promoledger-exports', String(process.pid)),
  })
  // In the background: a large workspace takes seconds to copy, and the copy (SQLite's backup
  // API) goes on in steps while requests are served.
  void backUpIfDue(db, systemClock.now()).catch((error: unknown) =>
    console.error('[promoledger] the automatic backup failed:', error),
  )
  return { db, handlers }
}
