import {
  Box,
  FormHelperText,
  MenuItem,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material'
import { useController } from 'react-hook-form'
import type { FieldSpec } from '../../../../../shared/promotions/fields'
import { ChipsInput } from '../../ChipsInput'
import { errorText } from '../draft'
import type { NumberCodec } from './codecs'
import { NumberText } from './NumberText'

/** What every generic field gets: where its value lives, how it is described, whom to tell. */
export interface FieldProps {
  name: string
  spec: FieldSpec
  /** Called after each change, so checks that span fields (from < to) run at once. */
  onChanged: () => void
}

export function NumberField({
  name,
  spec,
  onChanged,
  codec,
  nullable,
}: FieldProps & { codec: NumberCodec; nullable: boolean }) {
  const { field, fieldState } = useController({ name })
  return (
    <NumberText
      label={spec.label}
      value={field.value as number | null}
      onChange={(value) => {
        field.onChange(value)
        onChanged()
      }}
      onBlur={field.onBlur}
      codec={codec}
      nullable={nullable}
      error={errorText(fieldState.error)}
      helper={spec.helper}
      sx={{ width: 200 }}
    />
  )
}

export function ChoiceField({
  name,
  spec,
  onChoice,
}: FieldProps & { onChoice: (value: string, previous: string) => void }) {
  const { field, fieldState } = useController({ name })
  return (
    <TextField
      select
      label={spec.label}
      value={field.value as string}
      onChange={(event) => {
        const previous = field.value as string
        field.onChange(event.target.value)
        onChoice(event.target.value, previous)
      }}
      onBlur={field.onBlur}
      error={Boolean(fieldState.error)}
      helperText={errorText(fieldState.error) ?? spec.helper}
      sx={{ minWidth: 200 }}
    >
      {(spec.choices ?? []).map((choice) => (
        <MenuItem key={choice.value} value={choice.value}>
          {choice.label}
        </MenuItem>
      ))}
    </TextField>
  )
}

export function TimeField({ name, spec, onChanged }: FieldProps) {
  const { field, fieldState } = useController({ name })
  return (
    <TextField
      label={spec.label}
      value={field.value as string}
      onChange={(event) => {
        field.onChange(event.target.value.trim())
        onChanged()
      }}
      onBlur={field.onBlur}
      placeholder="18:00"
      error={Boolean(fieldState.error)}
      helperText={errorText(fieldState.error) ?? spec.helper ?? 'HH:MM, 24-hour'}
      slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 5 } }}
      sx={{ width: 140 }}
    />
  )
}

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']
const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']

/** ISO weekdays: 1 = Monday … 7 = Sunday. */
export function WeekdaysField({ name, spec, onChanged }: FieldProps) {
  const { field, fieldState } = useController({ name })
  const message = errorText(fieldState.error)
  return (
    <Box>
      <Typography variant="caption" color="text.secondary" component="div" sx={{ mb: 0.5 }}>
        {spec.label}
      </Typography>
      <ToggleButtonGroup
        size="small"
        color="primary"
        value={field.value as number[]}
        onChange={(_event, days: number[]) => {
          field.onChange([...days].sort((a, b) => a - b))
          onChanged()
        }}
        aria-label={spec.label}
      >
        {DAYS.map((day, index) => (
          <ToggleButton key={day} value={index + 1} aria-label={DAY_NAMES[index]} sx={{ px: 1.5 }}>
            {day}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      {(message ?? spec.helper) && (
        <FormHelperText error={Boolean(message)}>{message ?? spec.helper}</FormHelperText>
      )}
    </Box>
  )
}

export function ChipsField({
  name,
  spec,
  onChanged,
  suggestions,
  placeholder,
}: FieldProps & { suggestions?: readonly string[]; placeholder?: string }) {
  const { field, fieldState } = useController({ name })
  return (
    <ChipsInput
      label={spec.label}
      value={field.value as string[]}
      onChange={(value) => {
        field.onChange(value)
        onChanged()
      }}
      onBlur={field.onBlur}
      suggestions={suggestions}
      placeholder={placeholder ?? 'Type and press Enter'}
      error={errorText(fieldState.error)}
      helper={spec.helper}
    />
  )
}
