import { SCHEMA_VERSION } from '../db/migrations'
import { loadDemo } from '../demo/load-demo'
import { listBusinesses } from '../db/repos/businesses.repo'
import type { HandlerContext, HandlerGroup } from './context'
import { DomainError } from './domain-error'

export function workspaceHandlers(
  context: HandlerContext,
): HandlerGroup<'workspace.info' | 'demo.load'> {
  return {
    'workspace.info': () => ({
      file: context.db.file,
      host: context.host.kind,
      schemaVersion: SCHEMA_VERSION,
    }),
    'demo.load': async () => {
      if (listBusinesses(context.db).length > 0) {
        throw new DomainError(
          'conflict',
          'Demo data goes into an empty workspace; this one already has businesses. Start with --data on a new file.',
        )
      }
      return { businesses: await loadDemo(context) }
    },
  }
}
