import { reverseSale, saleDetail } from '../ledger/reverse-sale'
import type { HandlerContext, HandlerGroup } from './context'
import { requireBusiness } from './businesses.handlers'

export function salesHandlers({
  db,
  clock,
}: HandlerContext): HandlerGroup<'sales.get' | 'sales.reverse'> {
  return {
    'sales.get': ({ businessId, entryId }) =>
      saleDetail(db, requireBusiness(db, businessId), entryId),

    'sales.reverse': (args) =>
      reverseSale(db, requireBusiness(db, args.businessId), args, clock.now()),
  }
}
