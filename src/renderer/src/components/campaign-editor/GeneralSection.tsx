import { Stack, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material'
import { useController, useFormContext } from 'react-hook-form'
import { CAMPAIGN_KINDS, type CampaignKind } from '../../../../shared/contract/campaigns'
import { DISCOUNT_KINDS } from '../../../../shared/promotions/discounts'
import { CAMPAIGN_KIND_LABELS } from '../../format'
import type { CampaignDraft } from './draft'
import { EditorSection } from './EditorSection'

const KIND_HELP: Record<CampaignKind, string> = {
  discount: 'Customers give one of its codes at checkout; you add the codes after creating it.',
  tracking: 'Its codes take nothing off: they tie a sale to a promoter or an ad channel.',
  automatic: 'Applies by itself to every cart that meets its conditions; no code is needed.',
}

/** Name, description and what kind of campaign it is. */
export function GeneralSection() {
  const { register, formState, getValues, setValue, trigger } = useFormContext<CampaignDraft>()
  const kind = useController<CampaignDraft, 'kind'>({ name: 'kind' })
  const changeKind = (next: CampaignKind) => {
    // Tracking campaigns discount nothing; the others need a discount.
    const discount = getValues('discount')
    if (next === 'tracking' && discount.kind !== 'none') setValue('discount', { kind: 'none' })
    if (next !== 'tracking' && discount.kind === 'none')
      setValue('discount', structuredClone(DISCOUNT_KINDS.percent.defaults))
    kind.field.onChange(next)
    void trigger('discount')
  }
  return (
    <EditorSection title="Campaign">
      <Stack spacing={2}>
        <TextField
          label="Campaign name"
          autoFocus
          {...register('name')}
          error={Boolean(formState.errors.name)}
          helperText={formState.errors.name?.message}
        />
        <TextField
          label="Description (optional)"
          multiline
          minRows={1}
          maxRows={4}
          {...register('description')}
          error={Boolean(formState.errors.description)}
          helperText={formState.errors.description?.message}
        />
        <div>
          <ToggleButtonGroup
            exclusive
            size="small"
            color="primary"
            value={kind.field.value}
            onChange={(_event, value: CampaignKind | null) => value && changeKind(value)}
            aria-label="Campaign kind"
          >
            {CAMPAIGN_KINDS.map((value) => (
              <ToggleButton key={value} value={value} sx={{ px: 2 }}>
                {CAMPAIGN_KIND_LABELS[value]}
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            {KIND_HELP[kind.field.value]}
          </Typography>
        </div>
      </Stack>
    </EditorSection>
  )
}
