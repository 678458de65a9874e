import {
  filteredRedemptions,
  redemptionRows,
  redemptionTotals,
  toRedemptionRow,
} from '../db/repos/redemptions.repo'
import type { HandlerContext, HandlerGroup } from './context'
import { requireBusiness } from './businesses.handlers'

export function redemptionsHandlers({ db }: HandlerContext): HandlerGroup<'redemptions.list'> {
  return {
    'redemptions.list': ({ page, pageSize, ...filter }) => {
      const business = requireBusiness(db, filter.businessId)
      const query = filteredRedemptions(db, business, filter)
      const totals = redemptionTotals(db, query)
      const rows = db.sql
        .all(
          redemptionRows(query)
            .limit(pageSize)
            .offset(page * pageSize),
        )
        .map(toRedemptionRow)
      return { rows, total: totals.uses, totals }
    },
  }
}
