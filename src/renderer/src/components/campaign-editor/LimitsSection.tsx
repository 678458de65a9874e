import { Stack, TextField } from '@mui/material'
import { useController, useFormContext } from 'react-hook-form'
import { errorText, type CampaignDraft } from './draft'
import { EditorSection } from './EditorSection'
import { countCodec } from './fields/codecs'
import { NumberText } from './fields/NumberText'

const emptyAsUndefined = (text: string) => text || undefined

/** The daily cap and the days it runs. */
export function LimitsSection() {
  const { register, formState } = useFormContext<CampaignDraft>()
  const perDay = useController<CampaignDraft, 'maxUsesPerDay'>({ name: 'maxUsesPerDay' })
  return (
    <EditorSection
      title="Limits and dates"
      description="Per-code limits are set on each code; these hold for the whole campaign."
    >
      <Stack
        direction="row"
        spacing={2}
        useFlexGap
        sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}
      >
        <NumberText
          label="Uses per day"
          value={perDay.field.value}
          onChange={perDay.field.onChange}
          onBlur={perDay.field.onBlur}
          codec={countCodec}
          nullable
          error={errorText(perDay.fieldState.error)}
          helper="Empty: no daily cap."
          sx={{ width: 180 }}
        />
        <TextField
          label="First day"
          type="date"
          slotProps={{ inputLabel: { shrink: true } }}
          {...register('startsOn', { setValueAs: emptyAsUndefined })}
          error={Boolean(formState.errors.startsOn)}
          helperText={formState.errors.startsOn?.message ?? 'Optional'}
          sx={{ width: 190 }}
        />
        <TextField
          label="Last day"
          type="date"
          slotProps={{ inputLabel: { shrink: true } }}
          {...register('endsOn', { setValueAs: emptyAsUndefined })}
          error={Boolean(formState.errors.endsOn)}
          helperText={formState.errors.endsOn?.message ?? 'Optional; inclusive'}
          sx={{ width: 190 }}
        />
      </Stack>
    </EditorSection>
  )
}
