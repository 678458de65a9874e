import { Stack, TextField } from '@mui/material'
import type { UseFormReturn } from 'react-hook-form'
import { limitRule } from '../parse'

/** The fields every way of creating codes shares: use limits and the validity window. */
export interface CodeLimitValues {
  maxUses: string
  maxUsesPerCustomer: string
  startsOn: string
  endsOn: string
}

export function CodeLimitFields<T extends CodeLimitValues>(props: {
  form: UseFormReturn<T>
  usesLabel: string
  usesHelper: string
  perCustomerHelper: string
}) {
  // The form holds more fields; these four are all this component touches.
  const { register, formState } = props.form as unknown as UseFormReturn<CodeLimitValues>
  const errorText = (field: keyof CodeLimitValues, fallback = ' ') =>
    formState.errors[field]?.message ?? fallback
  const dateField = (name: 'startsOn' | 'endsOn', label: string) => (
    <TextField
      label={label}
      type="date"
      fullWidth
      slotProps={{ inputLabel: { shrink: true } }}
      {...register(name)}
      error={Boolean(formState.errors[name])}
      helperText={errorText(name)}
    />
  )
  return (
    <>
      <Stack direction="row" spacing={2}>
        <TextField
          label={props.usesLabel}
          fullWidth
          {...register('maxUses', { validate: limitRule })}
          error={Boolean(formState.errors.maxUses)}
          helperText={errorText('maxUses', props.usesHelper)}
        />
        <TextField
          label="Uses per customer"
          fullWidth
          {...register('maxUsesPerCustomer', { validate: limitRule })}
          error={Boolean(formState.errors.maxUsesPerCustomer)}
          helperText={errorText('maxUsesPerCustomer', props.perCustomerHelper)}
        />
      </Stack>
      <Stack direction="row" spacing={2}>
        {dateField('startsOn', 'First day')}
        {dateField('endsOn', 'Last day')}
      </Stack>
    </>
  )
}
