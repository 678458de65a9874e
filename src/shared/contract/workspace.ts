import { z } from 'zod'
import { method } from './define'
import type { Business } from './businesses'

export interface WorkspaceInfo {
  /** Path of the SQLite workspace file. */
  file: string
  host: 'desktop' | 'browser'
  schemaVersion: number
}

export const workspaceContract = {
  'workspace.info': method<WorkspaceInfo>()(
    z.object({}),
    'Describes the open workspace and the host serving it.',
  ),
  'demo.load': method<{ businesses: Business[] }>()(
    z.object({}),
    'Fills the workspace with two demo businesses, promoters, campaigns, codes and redemptions.',
  ),
}
