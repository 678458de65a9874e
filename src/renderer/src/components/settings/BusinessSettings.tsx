import {
  Alert,
  Autocomplete,
  Button,
  InputAdornment,
  MenuItem,
  Paper,
  Stack,
  TextField,
  Typography,
} from '@mui/material'
import { Controller, useForm } from 'react-hook-form'
import { useState } from 'react'
import type { TaxSettings } from '../../../../shared/contract/businesses'
import { formatBasisPoints } from '../../../../shared/money'
import { useBusiness } from '../../app/business-context'
import { applyServerErrors } from '../form-errors'
import { useApiMutation } from '../../hooks/use-api'
import { parsePercent } from '../../parse'

const TIME_ZONES = Intl.supportedValuesOf('timeZone')

interface BusinessValues {
  name: string
  timeZone: string
  taxMode: TaxSettings['mode']
  taxRate: string
}

const TAX_MODES: { value: TaxSettings['mode']; label: string }[] = [
  { value: 'exclusive', label: 'Prices exclude tax: it is added at checkout' },
  { value: 'inclusive', label: 'Prices include tax' },
]

function taxRateRule(text: string): true | string {
  const bp = parsePercent(text)
  return bp !== null && bp <= 10_000 ? true : 'Enter a rate between 0 and 100, e.g. 20 or 5.5.'
}

/** The business's name, zone and tax: saved with businesses.update. */
export function BusinessSettings() {
  const business = useBusiness()
  const update = useApiMutation('businesses.update')
  const [message, setMessage] = useState<string | null>(null)
  const { register, control, handleSubmit, setError, formState } = useForm<BusinessValues>({
    defaultValues: {
      name: business.name,
      timeZone: business.timeZone,
      taxMode: business.tax.mode,
      taxRate: formatBasisPoints(business.tax.rateBp).replace('%', ''),
    },
  })
  const submit = handleSubmit(async ({ taxMode, taxRate, ...values }) => {
    setMessage(null)
    try {
      await update.mutateAsync({
        businessId: business.id,
        ...values,
        tax: { mode: taxMode, rateBp: parsePercent(taxRate) ?? 0 },
      })
      setMessage('Saved.')
    } catch (error) {
      setMessage(
        applyServerErrors(error, setError, {
          name: 'name',
          timeZone: 'timeZone',
          'tax.mode': 'taxMode',
          'tax.rateBp': 'taxRate',
          tax: 'taxRate',
        }),
      )
    }
  })
  return (
    <Paper component="form" onSubmit={submit} noValidate sx={{ p: 3 }} aria-label="Business">
      <Typography variant="h6" sx={{ mb: 2 }}>
        Business
      </Typography>
      <Stack spacing={2}>
        <TextField
          label="Name"
          {...register('name', { required: 'Enter a name.' })}
          error={Boolean(formState.errors.name)}
          helperText={formState.errors.name?.message}
        />
        <TextField
          label="Currency"
          value={business.currency}
          disabled
          helperText="Fixed when the business was created."
        />
        <Controller
          name="timeZone"
          control={control}
          render={({ field, fieldState }) => (
            <Autocomplete
              options={TIME_ZONES}
              value={field.value}
              disableClearable
              onChange={(_event, value) => field.onChange(value)}
              renderInput={(params) => (
                <TextField
                  {...params}
                  label="Time zone"
                  error={Boolean(fieldState.error)}
                  helperText={
                    fieldState.error?.message ?? 'Days, windows and reports follow this zone.'
                  }
                />
              )}
            />
          )}
        />
        <Typography variant="subtitle2" color="text.secondary" sx={{ pt: 1 }}>
          Tax
        </Typography>
        <Controller
          name="taxMode"
          control={control}
          render={({ field }) => (
            <TextField
              select
              label="Prices"
              {...field}
              helperText="How checkout reads the prices typed or imported."
            >
              {TAX_MODES.map((mode) => (
                <MenuItem key={mode.value} value={mode.value}>
                  {mode.label}
                </MenuItem>
              ))}
            </TextField>
          )}
        />
        <TextField
          label="Default tax rate"
          {...register('taxRate', { validate: taxRateRule })}
          error={Boolean(formState.errors.taxRate)}
          helperText={
            formState.errors.taxRate?.message ?? 'For cart lines that name no rate of their own.'
          }
          slotProps={{
            input: { endAdornment: <InputAdornment position="end">%</InputAdornment> },
            htmlInput: { inputMode: 'decimal' },
          }}
        />
        {message && <Alert severity={message === 'Saved.' ? 'success' : 'error'}>{message}</Alert>}
        <Button
          type="submit"
          variant="contained"
          sx={{ alignSelf: 'flex-start' }}
          disabled={formState.isSubmitting}
        >
          Save business
        </Button>
      </Stack>
    </Paper>
  )
}
