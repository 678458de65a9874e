import { Alert, Button, Grid, Paper, TextField, Typography } from '@mui/material'
import { useForm } from 'react-hook-form'
import { useState } from 'react'
import { formatBasisPoints } from '../../../../shared/money'
import { useBusiness } from '../../app/business-context'
import { applyServerErrors } from '../form-errors'
import { useApiMutation } from '../../hooks/use-api'
import { limitRule, parseLimit, parsePercent } from '../../parse'

interface PolicyValues {
  maxPercent: string
  maxUsesPerCode: string
  maxUsesPerCustomer: string
  maxWindowMonths: string
  maxCodesPerPromoter: string
  promoterPeriodDays: string
}

const text = (value: number | null) => (value === null ? '' : String(value))

/** The code-creation policy every new code of this business is checked against. */
export function PolicySettings() {
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
