import { breakdown } from '../analytics/breakdown'
import { dashboard } from '../analytics/dashboard'
import { replayCampaign } from '../analytics/what-if'
import type { HandlerContext, HandlerGroup } from './context'
import { requireBusiness } from './businesses.handlers'

export function analyticsHandlers({
  db,
}: HandlerContext): HandlerGroup<
  'analytics.dashboard' | 'analytics.breakdown' | 'analytics.whatIf'
> {
  return {
    'analytics.dashboard': ({ businessId, from, to }) =>
      dashboard(db, requireBusiness(db, businessId), from, to),
    'analytics.breakdown': ({ businessId, ...args }) =>
      breakdown(db, requireBusiness(db, businessId), args),
    'analytics.whatIf': ({ businessId, ...args }) =>
      replayCampaign(db, requireBusiness(db, businessId), args),
  }
}
