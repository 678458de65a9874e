import { closePeriod, markPaid } from '../commissions/close-period'
import {
  closedPeriod,
  payoutPeriod,
  payoutPeriods,
  statementLines,
} from '../commissions/statements'
import { headHash } from '../ledger/append-entry'
import type { HandlerContext, HandlerGroup } from './context'
import { requireBusiness } from './businesses.handlers'
import { requirePromoter } from './promoters.handlers'

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
        ...payoutPeriod(db, business, periodKey, clock.now()),
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
      return payoutPeriod(db, business, periodKey, now).period
    },

    'payouts.markPaid': ({ businessId, periodKey, promoterId, paidOn, reference }) => {
      const business = requireBusiness(db, businessId)
      requirePromoter(db, businessId, promoterId)
      return markPaid(db, business, { periodKey, promoterId, paidOn, reference }, clock.now())
    },
  }
}
