import { Box, Typography } from '@mui/material'
import { useWatch } from 'react-hook-form'
import type { CampaignKind } from '../../../../shared/contract/campaigns'
import { conditionSpec } from '../../../../shared/promotions/conditions'
import { describeTerms, type TermsInput } from '../../../../shared/promotions/describe'
import { discountSpec } from '../../../../shared/promotions/discounts'
import { eligibilitySpec } from '../../../../shared/promotions/selectors'
import { useBusiness } from '../../app/business-context'
import type { CampaignDraft } from './draft'

const HOW: Record<CampaignKind, string> = {
  discount: 'Applies when the customer gives one of its codes.',
  tracking: 'Its codes credit the sale to a promoter or channel.',
  automatic: 'Applies by itself, without a code, whenever a cart qualifies.',
}

/** The parts of the draft that are complete enough to describe; half-typed conditions wait. */
function termsOf(draft: CampaignDraft): TermsInput | null {
  const discount = discountSpec.safeParse(draft.discount)
  if (!discount.success) return null
  const eligible = eligibilitySpec.safeParse(draft.eligible)
  const perDay = draft.maxUsesPerDay
  return {
    discount: discount.data,
    conditions: draft.conditions.flatMap((condition) => {
      const parsed = conditionSpec.safeParse(condition)
      return parsed.success ? [parsed.data] : []
    }),
    eligible: eligible.success ? eligible.data : undefined,
    maxUsesPerDay: perDay !== null && Number.isInteger(perDay) && perDay > 0 ? perDay : null,
    exclusive: draft.stacking.mode === 'exclusive',
  }
}

function windowOf(draft: CampaignDraft): string {
  if (draft.startsOn && draft.endsOn) return ` Runs ${draft.startsOn} to ${draft.endsOn}.`
  if (draft.startsOn) return ` Starts ${draft.startsOn}.`
  if (draft.endsOn) return ` Ends after ${draft.endsOn}.`
  return ''
}

/** The campaign as one sentence, rewritten as the user types. */
export function TermsSummary() {
  const business = useBusiness()
  const draft = useWatch<CampaignDraft>() as CampaignDraft
  const terms = termsOf(draft)
  const incomplete = draft.conditions.filter(
    (condition) => !conditionSpec.safeParse(condition).success,
  ).length
  return (
    <Box aria-label="Summary" role="status">
      <Typography variant="overline" color="text.secondary" sx={{ lineHeight: 1.5 }}>
        Summary
      </Typography>
      <Typography variant="body1" sx={{ fontWeight: 500 }} data-testid="campaign-summary">
        {terms
          ? describeTerms(terms, business.currency)
          : 'Complete the discount to see its terms.'}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {HOW[draft.kind]}
        {windowOf(draft)}
      </Typography>
      {terms && incomplete > 0 && (
        <Typography variant="body2" sx={{ color: 'warning.dark' }}>
          {incomplete === 1
            ? 'One condition is incomplete and left out above.'
            : `${incomplete} conditions are incomplete and left out above.`}
        </Typography>
      )}
    </Box>
  )
}
