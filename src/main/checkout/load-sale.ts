import type { Business } from '../../shared/contract/businesses'
import type { MethodArgs } from '../../shared/contract'
import type { TermsInput } from '../../shared/promotions/describe'
import type { Workspace } from '../db/database'
import { campaignUsesOnDay, type PromotionTerms } from '../db/repos/campaigns.repo'
import { runningAutomaticPromotions } from '../db/repos/campaigns.repo'
import { codeKeyExistsElsewhere, customerUsesOfCode, findEngineCode } from '../db/repos/codes.repo'
import { customerFacts, unrecordedCustomer } from '../db/repos/customers.repo'
import { productsBySku } from '../db/repos/products.repo'
import type { EngineCart, EngineCode, EnginePromotion, SaleToEvaluate } from '../engine/types'
import { localDayOf } from '../time/local-dates'

export type SaleArgs = Pick<
  MethodArgs<'checkout.validate'>,
  'code' | 'customer' | 'customerTags' | 'cart'
>

/** A sale ready for the engine, with what explaining and recording it needs. */
export interface LoadedSale {
  sale: SaleToEvaluate
  /** Each considered campaign's terms, for the sentences. */
  terms: Map<number, TermsInput>
  /** The business-local day daily caps count in ('' when no promotion has a cap). */
  day: string
}

/**
 * Loads what the pure engine needs: the typed code and its campaign, the automatic promotions
 * running now, today's uses of capped ones, the customer's facts, and the catalog's facts about
 * each line. `only` restricts the evaluation to one campaign (the "try a cart" panel).
 */
export function loadSale(
  db: Workspace,
  business: Business,
  args: SaleArgs,
  customerId: number | null,
  now: number,
  only?: PromotionTerms,
): LoadedSale {
  const codeText = args.code ?? null
  const key = codeText?.toUpperCase() ?? null
  const found = key && !only ? findEngineCode(db, business.id, key) : undefined
  let day = ''
  const dayOfCaps = () => (day ||= localDayOf(now, business.timeZone))
  const terms = new Map<number, TermsInput>()

  const promote = (campaign: PromotionTerms, code: EngineCode | null): EnginePromotion => {
    terms.set(campaign.campaignId, {
      discount: campaign.discount,
      conditions: campaign.conditions,
      eligible: campaign.eligible,
      maxUses: code?.maxUses,
      maxUsesPerCustomer: code?.maxUsesPerCustomer,
      maxUsesPerDay: campaign.maxUsesPerDay,
      exclusive: campaign.stacking.mode === 'exclusive',
    })
    return {
      ...campaign,
      code,
      usesToday:
        campaign.maxUsesPerDay === null
          ? 0
          : campaignUsesOnDay(db, campaign.campaignId, dayOfCaps()),
    }
  }

  const promotions: EnginePromotion[] = []
  if (found) {
    if (customerId !== null)
      found.code.customerUses = customerUsesOfCode(db, found.code.id, customerId)
    promotions.push(promote(found.terms, found.code))
  }
  const automatic = only ? [only] : runningAutomaticPromotions(db, business.id, now)
  for (const campaign of automatic) {
    // The typed code's campaign is already in, with its code.
    if (campaign.campaignId !== found?.terms.campaignId) promotions.push(promote(campaign, null))
  }

  const stored = customerId === null ? undefined : customerFacts(db, customerId)
  const customer = args.customer
    ? stored
      ? { ...stored, tags: args.customerTags ?? stored.tags }
      : unrecordedCustomer(args.customer, args.customerTags ?? [])
    : null

  return {
    sale: {
      codeText,
      codeBelongsElsewhere:
        key !== null && !found && !only && codeKeyExistsElsewhere(db, business.id, key),
      cart: withCatalogFacts(db, business.id, args.cart),
      promotions,
      context: {
        now,
        timeZone: business.timeZone,
        taxMode: business.tax.mode,
        taxRateBp: business.tax.rateBp,
        customer,
      },
    },
    terms,
    day,
  }
}

/** Each line's category, brand and flags: as sent, else from the catalog, else blank. */
function withCatalogFacts(db: Workspace, businessId: number, cart: SaleArgs['cart']): EngineCart {
  const catalog = productsBySku(
    db,
    businessId,
    cart.lines.map((line) => line.sku),
  )
  return {
    shippingMinor: cart.shippingMinor,
    lines: cart.lines.map((line) => {
      const product = catalog.get(line.sku.toUpperCase())
      return {
        sku: line.sku,
        name: line.name ?? product?.name,
        quantity: line.quantity,
        unitPriceMinor: line.unitPriceMinor,
        category: line.category ?? product?.category ?? null,
        brand: line.brand ?? product?.brand ?? null,
        onSale: line.onSale ?? product?.onSale ?? false,
        inStock: line.inStock ?? product?.inStock ?? true,
        taxRateBp: line.taxRateBp ?? null,
      }
    }),
  }
}
