import { SCHEMA_VERSION } from '../db/migrations'
import { loadDemo } from '../demo/load-demo'
import type { HandlerContext, HandlerGroup } from './context'

export function workspaceHandlers(
  context: HandlerContext,
): HandlerGroup<'workspace.info' | 'demo.load'> {
  return {
    'workspace.info': () => ({
      file: context.db.file,
      host: context.host.kind,
      schemaVersion: SCHEMA_VERSION,
    }),
    'demo.load': async () => ({ businesses: await loadDemo(context) }),
  }
}
