import type { Business } from '../../shared/contract/businesses'
import type { MethodArgs } from '../../shared/contract'
import type { Workspace } from '../db/database'
import { codeKeyExistsElsewhere, customerUsesOfCode, findEngineCode } from '../db/repos/codes.repo'
import type { SaleToEvaluate } from '../engine/evaluate'

/** Loads what the pure engine needs to evaluate a sale: the code, its usage and the customer's. */
export function loadSale(
  db: Workspace,
  business: Business,
  args: MethodArgs<'checkout.validate'>,
  customerId: number | null,
  now: number,
): SaleToEvaluate {
  const codeText = args.code ?? null
  const key = codeText?.toUpperCase() ?? null
  const code = key ? (findEngineCode(db, business.id, key) ?? null) : null
  return {
    codeText,
    code,
    codeBelongsElsewhere:
      key !== null && code === null && codeKeyExistsElsewhere(db, business.id, key),
    cart: args.cart,
    context: {
      now,
      currency: business.currency,
      timeZone: business.timeZone,
      customer:
        customerId === null
          ? null
          : { id: customerId, usesOfCode: code ? customerUsesOfCode(db, code.id, customerId) : 0 },
    },
  }
}
