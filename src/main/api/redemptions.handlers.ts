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
      // Rows, not uses: a reversal is a row of its own but counts −1 or 0 uses.
      const counted = db.sql.first(query.select((eb) => eb.fn.countAll<number>().as('n')))
      return { rows, total: Number(counted?.n ?? 0), totals }
    },
  }
}
