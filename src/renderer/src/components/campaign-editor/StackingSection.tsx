import { Stack, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material'
import { useController, useFormContext } from 'react-hook-form'
import { errorText, type CampaignDraft } from './draft'
import { EditorSection } from './EditorSection'
import { countCodec } from './fields/codecs'
import { NumberText } from './fields/NumberText'

/** How it combines with other promotions on the same order. */
export function StackingSection() {
  const { register, formState } = useFormContext<CampaignDraft>()
  const mode = useController<CampaignDraft, 'stacking.mode'>({ name: 'stacking.mode' })
  const priority = useController<CampaignDraft, 'stacking.priority'>({
    name: 'stacking.priority',
  })
  return (
    <EditorSection
      title="Combining with other promotions"
      description="Combinable promotions apply together, in priority order; an exclusive one applies alone."
    >
      <Stack
        direction="row"
        spacing={2}
        useFlexGap
        sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}
      >
        <ToggleButtonGroup
          exclusive
          size="small"
          color="primary"
          value={mode.field.value}
          onChange={(_event, value: 'exclusive' | 'combinable' | null) =>
            value && mode.field.onChange(value)
          }
          aria-label="Stacking"
          sx={{ height: 40 }}
        >
          <ToggleButton value="combinable" sx={{ px: 2 }}>
            Combinable
          </ToggleButton>
          <ToggleButton value="exclusive" sx={{ px: 2 }}>
            Exclusive
          </ToggleButton>
        </ToggleButtonGroup>
        <NumberText
          label="Priority"
          value={priority.field.value}
          onChange={priority.field.onChange}
          onBlur={priority.field.onBlur}
          codec={countCodec}
          error={errorText(priority.fieldState.error)}
          helper="1 applies first."
          sx={{ width: 140 }}
        />
        <TextField
          label="Stacking group (optional)"
          {...register('stacking.group')}
          error={Boolean(formState.errors.stacking?.group)}
          helperText={
            formState.errors.stacking?.group?.message ?? 'At most one promotion per group applies.'
          }
          sx={{ flex: 1, minWidth: 220 }}
        />
      </Stack>
      {mode.field.value === 'exclusive' && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          When several promotions could apply, an exclusive one is never combined: the cart gets
          either it alone or the others.
        </Typography>
      )}
    </EditorSection>
  )
}
