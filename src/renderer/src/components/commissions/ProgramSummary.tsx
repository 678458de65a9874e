import { Box, Typography } from '@mui/material'
import { useWatch } from 'react-hook-form'
import {
  describeAttribution,
  describeCommissionRule,
  describePayouts,
} from '../../../../shared/commissions/describe-program'
import { commissionRule, programSettings } from '../../../../shared/commissions/rules'
import { useBusiness } from '../../app/business-context'

const INCOMPLETE_RULE = 'Complete the commission rule to see what it pays.'

/** The rule held at `name` in the form, as a sentence; a placeholder while it is incomplete. */
export function useRuleSentence(name: string): string {
  const { currency } = useBusiness()
  const rule = commissionRule.safeParse(useWatch({ name }))
  return rule.success ? describeCommissionRule(rule.data, currency) : INCOMPLETE_RULE
}

/** The whole program in plain language, rewritten as the user types. */
export function ProgramSummary() {
  const rule = useRuleSentence('rule')
  const program = programSettings.safeParse({ ...useWatch(), rule: { kind: 'none' } })
  return (
    <Box
      role="status"
      aria-label="Program summary"
      sx={{ bgcolor: 'rgba(15,110,110,0.06)', borderRadius: 1, px: 2, py: 1.5 }}
    >
      <Typography variant="overline" color="text.secondary" sx={{ lineHeight: 1.5 }}>
        In plain words
      </Typography>
      <Typography variant="body1" sx={{ fontWeight: 500 }} data-testid="program-rule-summary">
        {rule}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
        {program.success
          ? `${describeAttribution(program.data)} ${describePayouts(program.data)}`
          : 'Correct the fields marked above to see who wins a sale and when it is paid.'}
      </Typography>
    </Box>
  )
}

/** A single rule's sentence, for dialogs that edit only the rule. */
export function RuleSummary({ name }: { name: string }) {
  const sentence = useRuleSentence(name)
  return (
    <Box role="status" aria-label="Rule summary">
      <Typography variant="overline" color="text.secondary" sx={{ lineHeight: 1.5 }}>
        In plain words
      </Typography>
      <Typography variant="body1" sx={{ fontWeight: 500 }}>
        {sentence}
      </Typography>
    </Box>
  )
}
