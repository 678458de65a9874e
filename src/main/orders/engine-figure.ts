import type { Business } from '../../shared/contract/businesses'
import { skuKey } from '../../shared/contract/products'
import type { Workspace } from '../db/database'
import { productsBySku, type CatalogProduct } from '../db/repos/products.repo'
import { evaluateSale } from '../engine/evaluate'
import type { EngineCartLine, EngineCustomer, EnginePromotion } from '../engine/types'
import type { UsedCode } from './order-codes'
import type { SourceOrder } from './source-order'

/**
 * What the engine would have given an imported order, to flag discounts that differ from it.
 * Imported discounts are recorded as the file gives them; this figure is only compared.
 *
 * Each coupon is evaluated alone on the lines that carry it (source 003's item-level coupons),
 * or on the whole order with its shipping for an order coupon, at the order's own date and for
 * its customer. Limits and the code's window are left out (the import checks those itself and
 * rejects the order), and so are automatic promotions: a file states only its codes.
 */
export class EngineFigures {
  private readonly catalog = new Map<string, CatalogProduct | null>()
  private readonly promotions = new Map<number, EnginePromotion>()

  constructor(
    private readonly db: Workspace,
    private readonly business: Business,
  ) {}

  /** Loads the catalog facts of a batch's SKUs in one query instead of one per order. */
  prime(orders: readonly SourceOrder[]): void {
    const missing = new Set<string>()
    for (const order of orders) {
      for (const line of order.lines) {
        const key = skuKey(line.sku)
        if (!this.catalog.has(key)) missing.add(key)
      }
    }
    if (missing.size === 0) return
    const found = productsBySku(this.db, this.business.id, [...missing])
    for (const key of missing) this.catalog.set(key, found.get(key) ?? null)
  }

  /** The engine's discount for the order's coupons; 0 when it has none. */
  figure(order: SourceOrder, codes: readonly UsedCode[], customer: EngineCustomer | null): number {
    let total = 0
    for (const used of codes) {
      if (!used.tracking) total += this.figureOf(order, used, customer)
    }
    return total
  }

  private figureOf(order: SourceOrder, used: UsedCode, customer: EngineCustomer | null): number {
    const lines = used.lines.flatMap((index) => {
      const line = order.lines[index]
      return line ? [this.cartLine(line)] : []
    })
    const promotion = this.promotionOf(used)
    const result = evaluateSale({
      codeText: used.text,
      codeBelongsElsewhere: false,
      cart: { lines, shippingMinor: used.wholeOrder ? order.shippingMinor : 0 },
      promotions: [promotion],
      context: {
        now: order.occurredAt,
        timeZone: this.business.timeZone,
        taxMode: this.business.tax.mode,
        taxRateBp: this.business.tax.rateBp,
        customer,
      },
    })
    const outcome = result.promotions[0]
    if (!outcome || outcome.status !== 'applied') return 0
    return outcome.discountMinor + (used.wholeOrder ? outcome.shippingDiscountMinor : 0)
  }

  /** The code's promotion with its limits left out (built once per code: no spread per order). */
  private promotionOf(used: UsedCode): EnginePromotion {
    let promotion = this.promotions.get(used.code.id)
    if (!promotion) {
      const { terms, code } = used
      promotion = {
        campaignId: terms.campaignId,
        name: terms.name,
        code: { ...code, active: true, uses: 0, customerUses: 0 },
        discount: terms.discount,
        conditions: terms.conditions,
        eligible: terms.eligible,
        stacking: terms.stacking,
        startsAt: terms.startsAt,
        endsAt: terms.endsAt,
        maxUsesPerDay: terms.maxUsesPerDay,
        usesToday: 0,
      }
      this.promotions.set(code.id, promotion)
    }
    return promotion
  }

  private cartLine(line: SourceOrder['lines'][number]): EngineCartLine {
    const product = this.catalog.get(skuKey(line.sku)) ?? null
    return {
      sku: line.sku,
      name: line.name ?? product?.name,
      quantity: line.quantity,
      unitPriceMinor: line.unitPriceMinor,
      category: product?.category ?? null,
      brand: product?.brand ?? null,
      onSale: product?.onSale ?? false,
      inStock: product?.inStock ?? true,
      taxRateBp: null,
    }
  }
}

/** The engine's figure for an order, or null when it has no coupon and no discount to compare. */
export function engineFigureOf(
  figures: EngineFigures,
  order: SourceOrder,
  codes: readonly UsedCode[],
  customer: () => EngineCustomer | null,
): number | null {
  if (codes.some((used) => !used.tracking)) return figures.figure(order, codes, customer())
  return order.discountMinor > 0 ? 0 : null
}
