import type { Workspace } from '../db/database'
import { JobRunner } from '../jobs/job-runner'
import type { Clock, Handlers, HandlerContext, HostServices } from './context'
import { toApiError } from './dispatch'
import { workspaceHandlers } from './workspace.handlers'
import { businessesHandlers } from './businesses.handlers'
import { promotersHandlers } from './promoters.handlers'
import { campaignsHandlers } from './campaigns.handlers'
import { codesHandlers } from './codes.handlers'
import { checkoutHandlers } from './checkout.handlers'
import { redemptionsHandlers } from './redemptions.handlers'
import { salesHandlers } from './sales.handlers'
import { ledgerHandlers } from './ledger.handlers'
import { exportsHandlers } from './exports.handlers'
import { jobsHandlers } from './jobs.handlers'
import { productsHandlers } from './products.handlers'
import { orderMappingsHandlers } from './order-mappings.handlers'
import { orderImportsHandlers } from './order-imports.handlers'
import { backupsHandlers } from './backups.handlers'
import { commissionsHandlers } from './commissions.handlers'
import { payoutsHandlers } from './payouts.handlers'
import { analyticsHandlers } from './analytics.handlers'
import { fraudHandlers } from './fraud.handlers'

export interface CreateHandlersOptions {
  db: Workspace
  clock: Clock
  host: HostServices
  exportDir: string
  /** Shared when one process builds several handler sets over the same workspace (the demo). */
  jobs?: JobRunner
}

/** Implements the whole contract once; Electron IPC, the HTTP host and the tests all call this. */
export function createHandlers(
  options: CreateHandlersOptions,
): Handlers & { context: HandlerContext } {
  const context: HandlerContext = {
    ...options,
    jobs: options.jobs ?? new JobRunner((error) => toApiError(error)),
  }
  const handlers: Handlers = {
    ...workspaceHandlers(context),
    ...businessesHandlers(context),
    ...promotersHandlers(context),
    ...campaignsHandlers(context),
    ...codesHandlers(context),
    ...checkoutHandlers(context),
    ...redemptionsHandlers(context),
    ...salesHandlers(context),
    ...ledgerHandlers(context),
    ...exportsHandlers(context),
    ...jobsHandlers(context),
    ...productsHandlers(context),
    ...orderMappingsHandlers(context),
    ...orderImportsHandlers(context),
    ...backupsHandlers(context),
    ...commissionsHandlers(context),
    ...payoutsHandlers(context),
    ...analyticsHandlers(context),
    ...fraudHandlers(context),
  }
  return Object.assign(handlers, { context })
}

export { dispatch } from './dispatch'
export type { Handlers, HandlerContext, Clock, HostServices } from './context'
