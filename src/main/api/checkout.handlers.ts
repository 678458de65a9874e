import { findCustomer } from '../db/repos/customers.repo'
import { evaluateSale } from '../engine/evaluate'
import { commitSale } from '../ledger/commit-sale'
import { loadSale } from '../ledger/load-sale'
import type { HandlerContext, HandlerGroup } from './context'
import { requireBusiness } from './businesses.handlers'

export function checkoutHandlers({
  db,
  clock,
}: HandlerContext): HandlerGroup<'checkout.validate' | 'checkout.commit'> {
  return {
    'checkout.validate': (args) => {
      const business = requireBusiness(db, args.businessId)
      const customerId = args.customer
        ? (findCustomer(db, business.id, args.customer) ?? null)
        : null
      const sale = loadSale(db, business, args, customerId, clock.now())
      // A customer seen for the first time is identified, with no uses yet.
      if (args.customer && customerId === null) sale.context.customer = { id: -1, usesOfCode: 0 }
      return evaluateSale(sale)
    },

    'checkout.commit': (args) =>
      commitSale(db, requireBusiness(db, args.businessId), args, clock.now()),
  }
}
