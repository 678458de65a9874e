import type { MethodArgs, MethodName, MethodResult } from '../../shared/contract'
import type { Workspace } from '../db/database'
import type { JobRunner } from '../jobs/job-runner'

export interface Clock {
  /** Epoch milliseconds. */
  now(): number
}

export const systemClock: Clock = { now: () => Date.now() }

/** What the host (Electron or the browser-mode server) offers beyond the shared handlers. */
export interface HostServices {
  kind: 'desktop' | 'browser'
  /** Desktop only: asks where to save and copies the file there; null when the user cancels. */
  saveFile?: (sourcePath: string, suggestedName: string) => Promise<string | null>
}

export interface HandlerContext {
  db: Workspace
  clock: Clock
  jobs: JobRunner
  host: HostServices
  /** Folder for finished export files. */
  exportDir: string
}

export type Handler<M extends MethodName> = (
  args: MethodArgs<M>,
) => Promise<MethodResult<M>> | MethodResult<M>
export type Handlers = { [M in MethodName]: Handler<M> }
export type HandlerGroup<M extends MethodName> = { [K in M]: Handler<K> }
