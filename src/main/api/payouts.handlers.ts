import { closePeriod, markPaid } from '../commissions/close-period'
import {
  payoutPeriods,
  statementLines,
  statementsOf,
  closedPeriod,
} from '../commissions/statements'
import { periodBounds } from '../commissions/periods'
import { periodLabel } from '../../shared/commissions/periods'
import { headHash } from '../ledger/append-entry'
import type { Workspace } from '../db/database'
import type { Business } from '../../shared/contract/businesses'
import type { HandlerContext, HandlerGroup } from './context'
import { requireBusiness } from './businesses.handlers'
import { requirePromoter } from './promoters.handlers'

function periodOf(db: Workspace, business: Business, key: string, now: number) {
  const listed = payoutPeriods(db, business, now).find((period) => period.periodKey === key)
  if (listed) return listed
  // A period without activity: empty, and open.
  const bounds = periodBounds(key, business.timeZone)
  return {
    periodKey: key,
    label: periodLabel(key),
    ...bounds,
    status: 'open' as const,
    closedAt: null,
    closable: false,
    promoters: 0,
    earnedMinor: 0,
    payableMinor: 0,
    paidMinor: 0,
  }
}

export function payoutsHandlers({
  db,
  clock,
}: HandlerContext): HandlerGroup<
  'payouts.periods' | 'payouts.statements' | 'payouts.lines' | 'payouts.close' | 'payouts.markPaid'
> {
  return {
    'payouts.periods': ({ businessId }) =>
      payoutPeriods(db, requireBusiness(db, businessId), clock.now()),

    'payouts.statements': ({ businessId, periodKey }) => {
      const business = requireBusiness(db, businessId)
      return {
        period: periodOf(db, business, periodKey, clock.now()),
        statements: statementsOf(db, business, periodKey),
        ledgerHead:
          closedPeriod(db, business.id, periodKey)?.ledger_head ?? headHash(db, business.id),
      }
    },

    'payouts.lines': ({ businessId, periodKey, promoterId, page, pageSize }) => {
      requirePromoter(db, businessId, promoterId)
      return statementLines(db, businessId, periodKey, promoterId, { page, pageSize })
    },

    'payouts.close': ({ businessId, periodKey }) => {
      const business = requireBusiness(db, businessId)
      const now = clock.now()
      closePeriod(db, business, periodKey, now)
      return periodOf(db, business, periodKey, now)
    },

    'payouts.markPaid': ({ businessId, periodKey, promoterId, paidOn, reference }) => {
      const business = requireBusiness(db, businessId)
      requirePromoter(db, businessId, promoterId)
      return markPaid(db, business, { periodKey, promoterId, paidOn, reference }, clock.now())
    },
  }
}
