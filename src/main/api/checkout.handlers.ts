import { validateSale } from '../checkout/evaluate-sale'
import { commitSale } from '../ledger/commit-sale'
import type { HandlerContext, HandlerGroup } from './context'
import { requireBusiness } from './businesses.handlers'

export function checkoutHandlers({
  db,
  clock,
}: HandlerContext): HandlerGroup<'checkout.validate' | 'checkout.commit'> {
  return {
    'checkout.validate': (args) =>
      validateSale(db, requireBusiness(db, args.businessId), args, clock.now()),

    'checkout.commit': (args) =>
      commitSale(db, requireBusiness(db, args.businessId), args, clock.now()),
  }
}
