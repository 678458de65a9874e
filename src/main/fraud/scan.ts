import type { Business } from '../../shared/contract/businesses'
import type { Workspace } from '../db/database'
import { findFraudSettings } from '../db/repos/fraud-settings.repo'
import { throwIfCancelled, yieldToEventLoop, type JobControl } from '../jobs/job-runner'
import { recordHits } from './cases'
import {
  misuse,
  newCustomerAbuse,
  refundHeavy,
  selfReferral,
  sharedIdentity,
  velocity,
} from './detectors'
import type { Hit } from './hits'

/**
 * Every enabled signal over the whole history, one detector at a time (yielding between them,
 * cancellable), then every hit recorded in one write transaction.
 */
export async function scanHistory(
  db: Workspace,
  business: Business,
  now: number,
  control: Pick<JobControl, 'signal' | 'progress'>,
): Promise<string> {
  const settings = findFraudSettings(db, business.id)
  const scope = { now }
  const detectors: (() => Hit[])[] = [
    () => (settings.sharedIdentity.enabled ? sharedIdentity(db, business, scope) : []),
    () => (settings.velocity.enabled ? velocity(db, business, settings.velocity, scope) : []),
    () => (settings.selfReferral.enabled ? selfReferral(db, business, scope) : []),
    () => (settings.newCustomerAbuse.enabled ? newCustomerAbuse(db, business, scope) : []),
    () =>
      settings.refundHeavy.enabled ? refundHeavy(db, business, settings.refundHeavy, scope) : [],
    () => (settings.misuse.enabled ? misuse(db, business, settings.misuse, scope) : []),
  ]
  const hits: Hit[] = []
  for (const [index, run] of detectors.entries()) {
    throwIfCancelled(control.signal)
    hits.push(...run())
    control.progress(index + 1, detectors.length + 1)
    await yieldToEventLoop()
  }
  throwIfCancelled(control.signal)
  const cases = db.sql.transaction(() => new Set(recordHits(db, business.id, hits, now)).size)
  control.progress(detectors.length + 1, detectors.length + 1)
  return `${hits.length.toLocaleString('en')} ${hits.length === 1 ? 'signal' : 'signals'} found; ${cases.toLocaleString('en')} ${cases === 1 ? 'case' : 'cases'} opened or extended.`
}
