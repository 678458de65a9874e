import { Box, Button, FormControlLabel, Paper, Radio, RadioGroup, Typography } from '@mui/material'
import EditIcon from '@mui/icons-material/EditOutlined'
import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { FormProvider, useForm, useWatch, type Path, type Resolver } from 'react-hook-form'
import { z } from 'zod'
import type { Campaign } from '../../../../shared/contract/campaigns'
import { describeCommissionRule } from '../../../../shared/commissions/describe-program'
import { commissionRule, type CommissionRule } from '../../../../shared/commissions/rules'
import { useBusiness } from '../../app/business-context'
import { useApiMutation, useApiQuery } from '../../hooks/use-api'
import { fieldPaths } from '../campaign-editor/draft'
import { ErrorAlert } from '../ErrorAlert'
import { FormDialog, useServerSubmit } from '../FormDialog'
import { CommissionRuleEditor } from './CommissionRuleEditor'
import { RuleSummary } from './ProgramSummary'
import { defaultRule } from './rule-drafts'

/** What the campaign's promoters earn: the business's rule, or the campaign's own. */
export function CampaignCommissionCard({ campaign }: { campaign: Campaign }) {
  const business = useBusiness()
  const program = useApiQuery('program.get', { businessId: business.id })
  const [editing, setEditing] = useState(false)
  const own = campaign.commission ?? null
  const sentence = own
    ? describeCommissionRule(own, business.currency)
    : program.data
      ? `Follows the business rule: ${describeCommissionRule(program.data.rule, business.currency)}`
      : '…'
  return (
    <Paper
      sx={{ p: 2, mb: 2, display: 'flex', alignItems: 'center', gap: 2 }}
      aria-label="Commission"
    >
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Typography variant="caption" color="text.secondary" component="div">
          Commission{own ? ' (this campaign’s own rule)' : ''}
        </Typography>
        <Typography variant="body1" data-testid="campaign-commission">
          {sentence}
        </Typography>
        <ErrorAlert error={program.error} />
      </Box>
      <Button
        variant="outlined"
        startIcon={<EditIcon />}
        onClick={() => setEditing(true)}
        disabled={!program.data}
        sx={{ flexShrink: 0 }}
      >
        Change commission
      </Button>
      {editing && program.data && (
        <CommissionDialog
          campaign={campaign}
          businessRule={program.data.rule}
          onClose={() => setEditing(false)}
        />
      )}
    </Paper>
  )
}

interface Values {
  follow: boolean
  rule: CommissionRule
}

const ownRule = zodResolver(
  z.object({ follow: z.boolean(), rule: commissionRule }),
) as Resolver<Values>

/** Following the business's rule needs no checks; an own rule is checked as it is typed. */
const resolver: Resolver<Values> = (values, context, options) =>
  values.follow ? { values, errors: {} } : ownRule(values, context, options)

function CommissionDialog({
  campaign,
  businessRule,
  onClose,
}: {
  campaign: Campaign
  businessRule: CommissionRule
  onClose: () => void
}) {
  const business = useBusiness()
  const setCommission = useApiMutation('campaigns.setCommission')
  const form = useForm<Values>({
    defaultValues: {
      follow: !campaign.commission,
      rule: structuredClone(campaign.commission ?? businessRule),
    },
    resolver,
    mode: 'onChange',
  })
  const follow = useWatch({ control: form.control, name: 'follow' })
  const submit = useServerSubmit(
    form,
    (values) => fieldPaths({ rule: values.rule }) as Record<string, Path<Values>>,
    async (values) => {
      await setCommission.mutateAsync({
        businessId: business.id,
        campaignId: campaign.id,
        rule: values.follow ? null : values.rule,
      })
      onClose()
    },
  )
  return (
    <FormProvider {...form}>
      <FormDialog
        title={`Commission for ${campaign.name}`}
        submitLabel="Save commission"
        maxWidth="md"
        onClose={onClose}
        footer={follow ? undefined : <RuleSummary name="rule" />}
        {...submit}
      >
        <RadioGroup
          aria-label="Which rule"
          value={follow ? 'follow' : 'own'}
          onChange={(_event, value) => {
            const following = value === 'follow'
            form.setValue('follow', following)
            if (!following && form.getValues('rule').kind === 'none')
              form.setValue('rule', defaultRule('percent', business.currency))
            void form.trigger()
          }}
        >
          <FormControlLabel
            value="follow"
            control={<Radio />}
            label={
              <span>
                Use the business rule{' '}
                <Typography component="span" variant="body2" color="text.secondary">
                  ({describeCommissionRule(businessRule, business.currency)} Change it in Settings.)
                </Typography>
              </span>
            }
          />
          <FormControlLabel
            value="own"
            control={<Radio />}
            label="Give this campaign its own rule"
          />
        </RadioGroup>
        {!follow && <CommissionRuleEditor name="rule" />}
      </FormDialog>
    </FormProvider>
  )
}
