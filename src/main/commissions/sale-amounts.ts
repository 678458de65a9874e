import type { Business } from '../../shared/contract/businesses'
import type { SaleTotals } from '../../shared/promotions/outcome'
import { mulDivRoundHalfUp } from '../engine/money'
import type { SaleAmounts } from './commission-math'

/** A checkout sale's amounts, from the engine's totals. */
export function amountsOfTotals(totals: SaleTotals): SaleAmounts {
  const goods = totals.subtotalMinor - totals.discountMinor
  return {
    goodsMinor: totals.taxMode === 'inclusive' ? goods - totals.taxMinor : goods,
    taxMinor: totals.taxMinor,
    shippingMinor: totals.shippingMinor - totals.shippingDiscountMinor,
  }
}

/**
 * An imported order's amounts. Files state totals, not tax: with tax-exclusive prices the tax
 * is what the total holds beyond goods and shipping; with tax-inclusive prices it is the part
 * of the goods the business's rate accounts for.
 */
export function amountsOfOrder(
  business: Business,
  order: {
    subtotalMinor: number
    discountMinor: number
    shippingMinor: number
    totalMinor: number
  },
): SaleAmounts {
  const goods = order.subtotalMinor - order.discountMinor
  if (business.tax.mode === 'exclusive')
    return {
      goodsMinor: goods,
      taxMinor: Math.max(0, order.totalMinor - goods - order.shippingMinor),
      shippingMinor: order.shippingMinor,
    }
  const net = mulDivRoundHalfUp(Math.max(0, goods), 10_000, 10_000 + business.tax.rateBp)
  return { goodsMinor: net, taxMinor: goods - net, shippingMinor: order.shippingMinor }
}
