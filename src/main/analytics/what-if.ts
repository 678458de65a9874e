import type { WhatIf } from '../../shared/contract/analytics'
import type { Business } from '../../shared/contract/businesses'
import type { SaleResult } from '../../shared/promotions/outcome'
import type { Workspace } from '../db/database'
import { findCampaignTerms } from '../db/repos/campaigns.repo'
import { findCampaignRule, findProgram } from '../db/repos/programs.repo'
import { loadSale } from '../checkout/load-sale'
import { commissionOf } from '../commissions/commission-math'
import { amountsOfTotals } from '../commissions/sale-amounts'
import { evaluateSale } from '../engine/evaluate'
import { endOfLocalDay, startOfLocalDay } from '../time/local-dates'

/** Orders replayed at most: the most recent ones of the range. */
export const MAX_REPLAYED = 20_000

interface StoredLine {
  sku: string
  name?: string | null
  quantity: number
  unitPriceMinor: number
}

/** The lines a stored sale was made of: a checkout's evaluated lines or an import's file lines. */
function linesOf(detailsJson: string): StoredLine[] | null {
  const details = JSON.parse(detailsJson) as {
    result?: Pick<SaleResult, 'lines'>
    lines?: StoredLine[]
  }
  return details.result?.lines ?? details.lines ?? null
}

/**
 * "What if this campaign had been running": replays the business's past sales of a range under
 * the campaign's rules alone, at each sale's own time and for its customer as they were then
 * (new or not), ignoring the campaign's dates, limits and daily cap. A code campaign is counted
 * as if every order that qualified had used it: an upper bound. Commission follows the
 * campaign's rule (or the business's), each sale on its own (tiers start from zero).
 */
export function replayCampaign(
  db: Workspace,
  business: Business,
  args: { campaignId: number; from: string; to: string },
): WhatIf {
  const terms = {
    ...findCampaignTerms(db, business.id, args.campaignId),
    startsAt: null,
    endsAt: null,
    maxUsesPerDay: null,
    active: true,
  }
  const rule = findCampaignRule(db, args.campaignId) ?? findProgram(db, business.id).rule
  const range = [
    startOfLocalDay(args.from, business.timeZone),
    endOfLocalDay(args.to, business.timeZone),
  ] as const
  const base = db.qb
    .selectFrom('ledger_entries as e')
    .leftJoin('customers as cu', 'cu.id', 'e.customer_id')
    .where('e.business_id', '=', business.id)
    .where('e.kind', '=', 'sale')
    .where('e.occurred_at', '>=', range[0])
    .where('e.occurred_at', '<', range[1])
  const inRange = Number(
    db.sql.first(base.select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0,
  )
  const sales = db.sql.all(
    base
      .select([
        'e.occurred_at',
        'e.shipping_minor',
        'e.details_json',
        'e.customer_id',
        'cu.email',
        'cu.external_id',
        'cu.first_order_at',
      ])
      .orderBy('e.id', 'desc')
      .limit(MAX_REPLAYED),
  )
  let replayed = 0
  let uses = 0
  let discount = 0
  let revenue = 0
  let commission = 0
  for (const sale of sales) {
    const lines = linesOf(sale.details_json)
    if (!lines || lines.length === 0) continue
    replayed++
    const customer =
      sale.customer_id === null
        ? undefined
        : {
            email: sale.email ?? undefined,
            externalId: sale.external_id ?? undefined,
            phone: undefined,
          }
    const loaded = loadSale(
      db,
      business,
      {
        code: undefined,
        customer,
        customerTags: undefined,
        cart: {
          shippingMinor: sale.shipping_minor,
          lines: lines.map((line) => ({
            sku: line.sku,
            name: line.name ?? undefined,
            quantity: line.quantity,
            unitPriceMinor: line.unitPriceMinor,
          })),
        },
      },
      sale.customer_id,
      sale.occurred_at,
      terms,
    )
    // The customer as they were then: new until their first recorded sale.
    const then = loaded.sale.context.customer
    if (then && then.id !== null)
      then.isNew = sale.first_order_at === null || sale.first_order_at >= sale.occurred_at
    const result = evaluateSale(loaded.sale)
    const applied = result.promotions.some(
      (outcome) => outcome.campaignId === args.campaignId && outcome.status === 'applied',
    )
    if (!applied) continue
    uses++
    discount += result.totals.discountMinor + result.totals.shippingDiscountMinor
    revenue += result.totals.totalMinor
    commission += commissionOf(
      rule,
      amountsOfTotals(result.totals),
      { sales: 0, baseMinor: 0 },
      business.currency,
    ).amountMinor
  }
  return {
    campaignId: args.campaignId,
    from: args.from,
    to: args.to,
    ordersInRange: inRange,
    ordersReplayed: replayed,
    uses,
    discountMinor: discount,
    revenueMinor: revenue,
    commissionMinor: commission,
  }
}
