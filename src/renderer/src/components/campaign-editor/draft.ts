import { zodResolver } from '@hookform/resolvers/zod'
import type { FieldErrors, Resolver } from 'react-hook-form'
import type { z } from 'zod'
import type { CreationPolicy } from '../../../../shared/contract/businesses'
import { campaignCreateInput, type CampaignKind } from '../../../../shared/contract/campaigns'
import {
  DISCOUNT_KINDS,
  discountSpec,
  maxPercentBp,
  type DiscountSpec,
} from '../../../../shared/promotions/discounts'
import type { ConditionSpec } from '../../../../shared/promotions/conditions'
import { everyLine, type Eligibility } from '../../../../shared/promotions/selectors'
import { DEFAULT_STACKING } from '../../../../shared/promotions/stacking'
import { formatBasisPoints } from '../../../../shared/money'

/**
 * The editor's values have the shape of `campaigns.create`'s input, so zod validates them as
 * they are. Number fields hold numbers: NaN while their text is not a number (see NumberText).
 */
export interface CampaignDraft {
  businessId: number
  name: string
  description: string
  kind: CampaignKind
  discount: DiscountSpec
  conditions: ConditionSpec[]
  eligible: Eligibility
  stacking: { mode: 'exclusive' | 'combinable'; priority: number; group: string | null }
  maxUsesPerDay: number | null
  startsOn: string | undefined
  endsOn: string | undefined
}

export type CampaignCreate = z.output<typeof campaignCreateInput>

export function newDraft(businessId: number): CampaignDraft {
  return {
    businessId,
    name: '',
    description: '',
    kind: 'discount',
    discount: structuredClone(DISCOUNT_KINDS.percent.defaults),
    conditions: [],
    eligible: structuredClone(everyLine),
    stacking: { ...DEFAULT_STACKING, group: '' },
    maxUsesPerDay: null,
    startsOn: undefined,
    endsOn: undefined,
  }
}

/**
 * The server refuses a campaign whose discount breaks the business's creation policy; say so
 * while typing instead. Percent discounts get the message beside their field.
 */
export function policyIssue(
  discount: unknown,
  policy: CreationPolicy,
): { path: 'discount' | 'discount.percentBp'; message: string } | null {
  const limit = policy.maxPercentBp
  const parsed = discountSpec.safeParse(discount)
  if (limit === null || !parsed.success) return null
  const percent = maxPercentBp(parsed.data)
  if (percent === null || percent <= limit) return null
  if (parsed.data.kind === 'percent')
    return {
      path: 'discount.percentBp',
      message: `The policy allows at most ${formatBasisPoints(limit)}.`,
    }
  return {
    path: 'discount',
    message: `This takes up to ${formatBasisPoints(percent)} off an item; the policy allows at most ${formatBasisPoints(limit)}. Change the discount, or the limit in Settings.`,
  }
}

/** zod's checks of `campaigns.create`, plus the business's policy on the discount. */
export function campaignResolver(
  policy: CreationPolicy,
): Resolver<CampaignDraft, unknown, CampaignCreate> {
  const schema = zodResolver(campaignCreateInput)
  return async (values, context, options) => {
    const result = await schema(values, context, options as never)
    const issue = policyIssue(values.discount, policy)
    if (!issue) return result
    const errors: FieldErrors<CampaignDraft> = { ...result.errors }
    const discountErrors = { ...(errors.discount as Record<string, unknown> | undefined) }
    const error = { type: 'policy', message: issue.message }
    if (issue.path === 'discount') Object.assign(discountErrors, error)
    else discountErrors.percentBp = error
    errors.discount = discountErrors as FieldErrors<CampaignDraft>['discount']
    return { values: {}, errors }
  }
}

/** The first message in an error or in any error nested under it (a list's items, a selector's lists). */
export function errorText(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined
  const { message } = error as { message?: unknown }
  if (typeof message === 'string' && message) return message
  for (const [key, nested] of Object.entries(error)) {
    if (key === 'ref') continue
    const found = errorText(nested)
    if (found) return found
  }
  return undefined
}

/** The message at `path` inside a field's error, e.g. `skus` of a selector. */
export function errorAt(error: unknown, path: string): string | undefined {
  // Walked by hand: react-hook-form's get stops at arrays, so a list item's error
  // ("tiers.1.from") would never be found.
  let node: unknown = error
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined
    node = (node as Record<string, unknown>)[key]
  }
  return errorText(node)
}

/** Every field path of the values, so a server message lands beside the field it names. */
export function fieldPaths(value: unknown, prefix = ''): Record<string, string> {
  const paths: Record<string, string> = {}
  if (prefix) paths[prefix] = prefix
  if (value && typeof value === 'object') {
    for (const [key, nested] of Object.entries(value)) {
      Object.assign(paths, fieldPaths(nested, prefix ? `${prefix}.${key}` : key))
    }
  }
  return paths
}
