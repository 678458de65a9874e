import { Divider } from '@mui/material'
import { useMemo } from 'react'
import { FormProvider, useForm, useWatch, type Path } from 'react-hook-form'
import type { Campaign } from '../../../../shared/contract/campaigns'
import { useBusiness } from '../../app/business-context'
import { useApiMutation } from '../../hooks/use-api'
import { FormDialog, useServerSubmit } from '../FormDialog'
import { ConditionsSection } from './ConditionsSection'
import { DiscountSection } from './DiscountSection'
import {
  campaignResolver,
  fieldPaths,
  newDraft,
  type CampaignCreate,
  type CampaignDraft,
} from './draft'
import { EligibilitySection } from './EligibilitySection'
import { GeneralSection } from './GeneralSection'
import { LimitsSection } from './LimitsSection'
import { StackingSection } from './StackingSection'
import { TermsSummary } from './TermsSummary'

/**
 * Creates a campaign: its kind, discount, conditions, eligible items, stacking and limits.
 * Checked with the API's own schema as the user types; its terms are fixed once created.
 */
export function CampaignEditorDialog({
  onClose,
  onCreated,
}: {
  onClose: () => void
  onCreated: (campaign: Campaign) => void
}) {
  const business = useBusiness()
  const create = useApiMutation('campaigns.create')
  const resolver = useMemo(() => campaignResolver(business.policy), [business.policy])
  const form = useForm<CampaignDraft, unknown, CampaignCreate>({
    defaultValues: newDraft(business.id),
    resolver,
    mode: 'onChange',
  })
  const kind = useWatch({ control: form.control, name: 'kind' })
  const submit = useServerSubmit(
    form,
    (values) => fieldPaths(values) as Record<string, Path<CampaignDraft>>,
    async (values) => onCreated(await create.mutateAsync(values)),
  )
  return (
    <FormProvider {...form}>
      <FormDialog
        title="New campaign"
        submitLabel="Create campaign"
        maxWidth="md"
        onClose={onClose}
        footer={<TermsSummary />}
        {...submit}
      >
        <GeneralSection />
        {kind !== 'tracking' && (
          <>
            <Divider />
            <DiscountSection />
          </>
        )}
        <Divider />
        <ConditionsSection />
        {kind !== 'tracking' && (
          <>
            <Divider />
            <EligibilitySection />
            <Divider />
            <StackingSection />
          </>
        )}
        <Divider />
        <LimitsSection />
      </FormDialog>
    </FormProvider>
  )
}
