import type { Business } from '../../shared/contract/businesses'
import type { Channel, Evaluation } from '../../shared/contract/checkout'
import { explainSale } from '../../shared/promotions/explain'
import type { Workspace } from '../db/database'
import { findCampaignTerms } from '../db/repos/campaigns.repo'
import { findCustomer } from '../db/repos/customers.repo'
import { evaluateSale } from '../engine/evaluate'
import { loadSale, type SaleArgs } from './load-sale'
import { withRequiredCode } from './sales-rules'
import { blockOf } from '../fraud/blocks'
import { describeRefusal } from '../../shared/refusals'

function customerIdOf(db: Workspace, business: Business, args: SaleArgs): number | null {
  return args.customer ? (findCustomer(db, business.id, args.customer) ?? null) : null
}

/** What a cart would get now, with every promotion explained; writes nothing. */
export function validateSale(
  db: Workspace,
  business: Business,
  args: SaleArgs & { channel: Channel },
  now: number,
): Evaluation {
  const customerId = customerIdOf(db, business, args)
  const loaded = loadSale(db, business, args, customerId, now)
  const evaluation = withRequiredCode(
    explainSale(evaluateSale(loaded.sale), loaded.terms, business),
    business,
    args.channel,
  )
  const block = blockOf(db, business.id, args, customerId)
  if (!block) return evaluation
  return {
    ...evaluation,
    applies: false,
    refusal: describeRefusal({ reason: 'blocked', kind: block.kind }, business),
  }
}

/** What a cart would get from one campaign alone, as if it applied now; writes nothing. */
export function trySale(
  db: Workspace,
  business: Business,
  args: Omit<SaleArgs, 'code'> & { campaignId: number },
  now: number,
): Evaluation {
  const terms = findCampaignTerms(db, business.id, args.campaignId)
  const sale: SaleArgs = { ...args, code: undefined }
  const customerId = customerIdOf(db, business, sale)
  const loaded = loadSale(db, business, sale, customerId, now, terms)
  return explainSale(evaluateSale(loaded.sale), loaded.terms, business)
}
