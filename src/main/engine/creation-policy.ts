import type { CreationPolicy } from '../../shared/contract/businesses'
import type { FieldIssue } from '../../shared/errors'
import { maxPercentBp, type DiscountSpec } from '../../shared/promotions/discounts'
import { formatBasisPoints } from '../../shared/money'
import { endAfterLocalMonths } from '../time/local-dates'

/** A code about to be created, with its window already narrowed by its campaign's. */
export interface ProposedCode {
  discount: DiscountSpec
  maxUses: number | null
  maxUsesPerCustomer: number | null
  /** Epoch ms; defaults to creation time when open. */
  startsAt: number | null
  /** Epoch ms, exclusive. */
  endsAt: number | null
  /** Codes this promoter created within the policy's rolling period; null without a promoter. */
  promoterCodesInPeriod: number | null
}

function months(count: number): string {
  return count === 1 ? 'one month' : `${count} months`
}

/**
 * Checks a proposed code against the business's creation policy (source 004).
 * Pure; returns every violated rule, each naming its field, so the form can show them all.
 */
export function checkCreationPolicy(
  policy: CreationPolicy,
  code: ProposedCode,
  now: number,
  timeZone: string,
): FieldIssue[] {
  const issues: FieldIssue[] = []
  const percent = maxPercentBp(code.discount)
  if (policy.maxPercentBp !== null && percent !== null && percent > policy.maxPercentBp) {
    issues.push({
      field: 'discount',
      message: `The discount of ${formatBasisPoints(percent)} is above the policy’s maximum of ${formatBasisPoints(policy.maxPercentBp)}.`,
    })
  }
  if (
    policy.maxUsesPerCode !== null &&
    (code.maxUses === null || code.maxUses > policy.maxUsesPerCode)
  ) {
    issues.push({
      field: 'maxUses',
      message:
        code.maxUses === null
          ? `A code must have a use limit: the policy allows at most ${policy.maxUsesPerCode} uses per code.`
          : `${code.maxUses} uses is above the policy’s maximum of ${policy.maxUsesPerCode} uses per code.`,
    })
  }
  if (
    policy.maxUsesPerCustomer !== null &&
    (code.maxUsesPerCustomer === null || code.maxUsesPerCustomer > policy.maxUsesPerCustomer)
  ) {
    issues.push({
      field: 'maxUsesPerCustomer',
      message:
        code.maxUsesPerCustomer === null
          ? `A code must limit uses per customer: the policy allows at most ${policy.maxUsesPerCustomer}.`
          : `${code.maxUsesPerCustomer} uses per customer is above the policy’s maximum of ${policy.maxUsesPerCustomer}.`,
    })
  }
  if (policy.maxWindowMonths !== null) {
    const start = code.startsAt ?? now
    const latestEnd = endAfterLocalMonths(start, policy.maxWindowMonths, timeZone)
    if (code.endsAt === null || code.endsAt > latestEnd) {
      issues.push({
        field: 'endsOn',
        message:
          code.endsAt === null
            ? `A code must end within ${months(policy.maxWindowMonths)} of its start: choose a last day.`
            : `The window is longer than the policy’s maximum of ${months(policy.maxWindowMonths)}.`,
      })
    }
  }
  if (
    policy.maxCodesPerPromoter !== null &&
    code.promoterCodesInPeriod !== null &&
    code.promoterCodesInPeriod >= policy.maxCodesPerPromoter
  ) {
    issues.push({
      field: 'promoterId',
      message: `This promoter already has ${code.promoterCodesInPeriod} codes from the last ${policy.promoterPeriodDays} days, the policy’s maximum of ${policy.maxCodesPerPromoter}.`,
    })
  }
  return issues
}
