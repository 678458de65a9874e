import { Alert, Autocomplete, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material'
import { Controller, useForm } from 'react-hook-form'
import { useState } from 'react'
import type { Business } from '../../../shared/contract/businesses'
import { useApiMutation } from '../hooks/use-api'
import { applyServerErrors } from './form-errors'

const CURRENCIES = Intl.supportedValuesOf('currency')
const TIME_ZONES = Intl.supportedValuesOf('timeZone')

interface Values {
  name: string
  currency: string
  timeZone: string
}

/** Creates a business: its name, the currency it sells in and the zone its days are counted in. */
export function BusinessDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (business: Business) => void }) {
  const create = useApiMutation('businesses.create')
  const [formError, setFormError] = useState<string | null>(null)
  const { register, control, handleSubmit, setError, formState } = useForm<Values>({
    defaultValues: { name: '', currency: 'EUR', timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone },
  })
  const submit = handleSubmit(async (values) => {
    setFormError(null)
    try {
      onCreated(await create.mutateAsync(values))
    } catch (error) {
      setFormError(applyServerErrors(error, setError, { name: 'name', currency: 'currency', timeZone: 'timeZone' }))
    }
  })
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="xs" aria-labelledby="business-title">
      <form onSubmit={submit} noValidate>
        <DialogTitle id="business-title">New business</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ mt: 1 }}>
            {formError && <Alert severity="error">{formError}</Alert>}
            <TextField
              label="Business name"
              autoFocus
              {...register('name', { required: 'Enter a name.' })}
              error={Boolean(formState.errors.name)}
              helperText={formState.errors.name?.message}
            />
            <Controller
              name="currency"
              control={control}
              render={({ field, fieldState }) => (
                <Autocomplete
                  options={CURRENCIES}
                  value={field.value}
                  onChange={(_event, value) => field.onChange(value ?? '')}
                  disableClearable
                  renderInput={(params) => (
                    <TextField {...params} label="Currency" error={Boolean(fieldState.error)} helperText={fieldState.error?.message ?? 'It cannot be changed later.'} />
                  )}
                />
              )}
            />
            <Controller
              name="timeZone"
              control={control}
              render={({ field, fieldState }) => (
                <Autocomplete
                  options={TIME_ZONES}
                  value={field.value}
                  onChange={(_event, value) => field.onChange(value ?? '')}
                  disableClearable
                  renderInput={(params) => (
                    <TextField {...params} label="Time zone" error={Boolean(fieldState.error)} helperText={fieldState.error?.message ?? 'Code windows and reports use this zone.'} />
                  )}
                />
              )}
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} color="inherit">
            Cancel
          </Button>
          <Button type="submit" variant="contained" disabled={formState.isSubmitting}>
            Create business
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  )
}
