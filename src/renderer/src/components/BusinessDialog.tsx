import { Autocomplete, TextField } from '@mui/material'
import { Controller, useForm, type Control } from 'react-hook-form'
import type { Business } from '../../../shared/contract/businesses'
import { useApiMutation } from '../hooks/use-api'
import { FormDialog, useServerSubmit } from './FormDialog'

const CURRENCIES = Intl.supportedValuesOf('currency')
export const TIME_ZONES = Intl.supportedValuesOf('timeZone')

interface Values {
  name: string
  currency: string
  timeZone: string
}

/** Creates a business: its name, the currency it sells in and the zone its days are counted in. */
export function BusinessDialog({
  onClose,
  onCreated,
}: {
  onClose: () => void
  onCreated: (business: Business) => void
}) {
  const create = useApiMutation('businesses.create')
  const form = useForm<Values>({
    defaultValues: {
      name: '',
      currency: 'EUR',
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    },
  })
  const { register, control, formState } = form
  const submit = useServerSubmit(
    form,
    () => ({ name: 'name', currency: 'currency', timeZone: 'timeZone' }),
    async (values) => onCreated(await create.mutateAsync(values)),
  )
  return (
    <FormDialog
      title="New business"
      submitLabel="Create business"
      maxWidth="xs"
      onClose={onClose}
      {...submit}
    >
      <TextField
        label="Business name"
        autoFocus
        {...register('name', { required: 'Enter a name.' })}
        error={Boolean(formState.errors.name)}
        helperText={formState.errors.name?.message}
      />
      <ChoiceField
        control={control}
        name="currency"
        label="Currency"
        options={CURRENCIES}
        helper="It cannot be changed later."
      />
      <ChoiceField
        control={control}
        name="timeZone"
        label="Time zone"
        options={TIME_ZONES}
        helper="Code windows and reports use this zone."
      />
    </FormDialog>
  )
}

/** An autocomplete over a fixed list (currencies, time zones) bound to a form field. */
export function ChoiceField<T extends { currency?: string; timeZone: string }>(props: {
  control: Control<T>
  name: 'currency' | 'timeZone'
  label: string
  options: string[]
  helper: string
}) {
  return (
    <Controller
      name={props.name as never}
      control={props.control}
      render={({ field, fieldState }) => (
        <Autocomplete
          options={props.options}
          value={field.value as string}
          disableClearable
          onChange={(_event, value) => field.onChange(value)}
          renderInput={(params) => (
            <TextField
              {...params}
              label={props.label}
              error={Boolean(fieldState.error)}
              helperText={fieldState.error?.message ?? props.helper}
            />
          )}
        />
      )}
    />
  )
}
