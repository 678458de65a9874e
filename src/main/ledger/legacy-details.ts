import { createHash } from 'node:crypto'
import type { MethodArgs } from '../../shared/contract'
import type { Evaluation, RuleCheck } from '../../shared/contract/checkout'
import type { Refusal } from '../../shared/refusals'

/**
 * Sales recorded by the first release (schema 0001) stored their evaluation in the shape of that
 * time and fingerprinted five request fields. A retry of such an order must still be recognized
 * and answered: these read the old shape.
 */
export interface LegacyDetails {
  fingerprint: string
  evaluation: {
    code: string | null
    applies: boolean
    refusal: Refusal | null
    checks: RuleCheck[]
    campaign: { id: number; name: string } | null
    promoter: { id: number; name: string } | null
    terms: string | null
    lines: {
      sku: string
      name: string | null
      quantity: number
      unitPriceMinor: number
      grossMinor: number
      discountMinor: number
      netMinor: number
    }[]
    totals: {
      subtotalMinor: number
      discountMinor: number
      shippingMinor: number
      totalMinor: number
    }
  }
}

export function isLegacyDetails(details: object): details is LegacyDetails {
  return 'evaluation' in details && !('result' in details)
}

/** The first release's fingerprint: code, customer, cart, channel and location. */
export function legacyFingerprint(args: MethodArgs<'checkout.commit'>): string {
  const { code, customer, cart, channel, location } = args
  return createHash('sha256')
    .update(JSON.stringify([code?.toUpperCase(), customer, cart, channel, location]))
    .digest('hex')
}

/** The old evaluation in today's shape: one promotion (the code's), no tax, no shipping discount. */
export function fromLegacyEvaluation(old: LegacyDetails['evaluation']): Evaluation {
  return {
    code: old.code,
    applies: old.applies,
    refusal: old.refusal,
    promoter: old.promoter,
    promotions: old.campaign
      ? [
          {
            campaignId: old.campaign.id,
            campaignName: old.campaign.name,
            code: old.code,
            automatic: false,
            promoter: old.promoter,
            status: old.applies ? 'applied' : 'refused',
            terms: old.terms ?? '',
            checks: old.checks,
            refusal: old.refusal,
            hint: null,
            discountMinor: old.totals.discountMinor,
            shippingDiscountMinor: 0,
          },
        ]
      : [],
    lines: old.lines.map((line) => ({
      ...line,
      taxRateBp: 0,
      taxMinor: 0,
      allocations:
        old.campaign && line.discountMinor > 0
          ? [{ campaignId: old.campaign.id, discountMinor: line.discountMinor }]
          : [],
    })),
    totals: { ...old.totals, taxMode: 'exclusive', shippingDiscountMinor: 0, taxMinor: 0 },
  }
}
