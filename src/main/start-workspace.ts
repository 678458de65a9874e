import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createHandlers, type HostServices } from './api'
import { systemClock } from './api/context'
import { discardInterruptedBatches } from './codes/generate-codes'
import { openWorkspace, type OpenOptions } from './db/database'

/** What both hosts do before serving: open and migrate the workspace, recover, build handlers. */
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
  return { db, handlers }
}
