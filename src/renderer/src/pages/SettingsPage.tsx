import {
  Alert,
  Autocomplete,
  Button,
  Grid,
  InputAdornment,
  MenuItem,
  Paper,
  Stack,
  TextField,
  Typography,
} from '@mui/material'
import { Controller, useForm } from 'react-hook-form'
import { useState } from 'react'
import type { TaxSettings } from '../../../shared/contract/businesses'
import { formatBasisPoints } from '../../../shared/money'
import { useBusiness } from '../app/business-context'
import { applyServerErrors } from '../components/form-errors'
import { PageHeader } from '../components/PageHeader'
import { useApiMutation, useApiQuery } from '../hooks/use-api'
import { limitRule, parseLimit, parsePercent } from '../parse'

const TIME_ZONES = Intl.supportedValuesOf('timeZone')

export default function SettingsPage() {
  const workspace = useApiQuery('workspace.info', {})
  return (
    <>
      <PageHeader
        title="Settings"
        subtitle="This business’s details and the rules every new code must follow."
      />
      <Grid container spacing={3}>
        <Grid size={{ xs: 12, lg: 5 }}>
          <BusinessForm />
        </Grid>
        <Grid size={{ xs: 12, lg: 7 }}>
          <PolicyForm />
        </Grid>
      </Grid>
      {workspace.data && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 3 }}>
          Workspace file: {workspace.data.file} (schema {workspace.data.schemaVersion})
        </Typography>
      )}
    </>
  )
}

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

function BusinessForm() {
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

interface PolicyValues {
  maxPercent: string
  maxUsesPerCode: string
  maxUsesPerCustomer: string
  maxWindowMonths: string
  maxCodesPerPromoter: string
  promoterPeriodDays: string
}

const text = (value: number | null) => (value === null ? '' : String(value))

function PolicyForm() {
  const business = useBusiness()
  const update = useApiMutation('businesses.updatePolicy')
  const [message, setMessage] = useState<string | null>(null)
  const { policy } = business
  const { register, handleSubmit, setError, formState } = useForm<PolicyValues>({
    defaultValues: {
      maxPercent:
        policy.maxPercentBp === null ? '' : formatBasisPoints(policy.maxPercentBp).replace('%', ''),
      maxUsesPerCode: text(policy.maxUsesPerCode),
      maxUsesPerCustomer: text(policy.maxUsesPerCustomer),
      maxWindowMonths: text(policy.maxWindowMonths),
      maxCodesPerPromoter: text(policy.maxCodesPerPromoter),
      promoterPeriodDays: String(policy.promoterPeriodDays),
    },
  })
  const submit = handleSubmit(async (values) => {
    setMessage(null)
    try {
      await update.mutateAsync({
        businessId: business.id,
        policy: {
          maxPercentBp: values.maxPercent.trim() ? parsePercent(values.maxPercent) : null,
          maxUsesPerCode: parseLimit(values.maxUsesPerCode),
          maxUsesPerCustomer: parseLimit(values.maxUsesPerCustomer),
          maxWindowMonths: parseLimit(values.maxWindowMonths),
          maxCodesPerPromoter: parseLimit(values.maxCodesPerPromoter),
          promoterPeriodDays: Number(values.promoterPeriodDays),
        },
      })
      setMessage('Saved. New codes follow these limits; existing codes keep theirs.')
    } catch (error) {
      setMessage(
        applyServerErrors(error, setError, {
          'policy.maxPercentBp': 'maxPercent',
          'policy.maxUsesPerCode': 'maxUsesPerCode',
          'policy.maxUsesPerCustomer': 'maxUsesPerCustomer',
          'policy.maxWindowMonths': 'maxWindowMonths',
          'policy.maxCodesPerPromoter': 'maxCodesPerPromoter',
          'policy.promoterPeriodDays': 'promoterPeriodDays',
        }),
      )
    }
  })
  const field = (
    name: keyof PolicyValues,
    label: string,
    helper: string,
    validate: (value: string) => true | string = limitRule,
  ) => (
    <TextField
      label={label}
      fullWidth
      {...register(name, { validate })}
      error={Boolean(formState.errors[name])}
      helperText={formState.errors[name]?.message ?? helper}
    />
  )
  return (
    <Paper component="form" onSubmit={submit} noValidate sx={{ p: 3 }} aria-label="Creation policy">
      <Typography variant="h6">Code creation policy</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        Every new code is checked against these limits; a code that breaks one is refused with the
        reason. Leave a field empty for no limit.
      </Typography>
      <Grid container spacing={2}>
        <Grid size={6}>
          {field(
            'maxPercent',
            'Largest discount (%)',
            'e.g. 30',
            (value) =>
              !value.trim() || (parsePercent(value) ?? 0) > 0 || 'Enter a percentage such as 30.',
          )}
        </Grid>
        <Grid size={6}>{field('maxUsesPerCode', 'Uses per code', 'Total uses of one code')}</Grid>
        <Grid size={6}>
          {field('maxUsesPerCustomer', 'Uses per customer', 'Uses of one code by one customer')}
        </Grid>
        <Grid size={6}>
          {field('maxWindowMonths', 'Longest window (months)', 'From first to last day')}
        </Grid>
        <Grid size={6}>
          {field('maxCodesPerPromoter', 'Codes per promoter', 'Within the rolling period')}
        </Grid>
        <Grid size={6}>
          {field(
            'promoterPeriodDays',
            'Rolling period (days)',
            'For the promoter quota',
            (value) => (/^\d+$/.test(value) && Number(value) >= 1) || 'At least 1 day.',
          )}
        </Grid>
      </Grid>
      {message && (
        <Alert severity={message.startsWith('Saved') ? 'success' : 'error'} sx={{ mt: 2 }}>
          {message}
        </Alert>
      )}
      <Button type="submit" variant="contained" sx={{ mt: 2 }} disabled={formState.isSubmitting}>
        Save policy
      </Button>
    </Paper>
  )
}
