import { Alert, Box, Grid, Paper, Stack, TextField, Typography } from '@mui/material'
import { useMemo } from 'react'
import { Controller, useForm, useWatch } from 'react-hook-form'
import type { Campaign } from '../../../shared/contract/campaigns'
import { useBusiness } from '../app/business-context'
import { useApiQuery } from '../hooks/use-api'
import { useDebounced } from '../hooks/use-debounced'
import { moneyRule } from '../parse'
import { CartLinesEditor } from './cart/CartLinesEditor'
import { customerInput, emptyLine, toCart, type CartValues } from './cart/cart-values'
import { ChipsInput } from './ChipsInput'
import { EvaluationPanel } from './EvaluationPanel'
import { MoneyField } from './MoneyField'

interface Values extends CartValues {
  email: string
  customerTags: string[]
}

/** Runs a cart through one campaign alone, as it would be now; nothing is recorded. */
export function TryCartPanel({ campaign }: { campaign: Campaign }) {
  const business = useBusiness()
  const form = useForm<Values>({
    defaultValues: { email: '', customerTags: [], shipping: '', lines: [{ ...emptyLine }] },
    mode: 'onChange',
  })
  const { register, control, formState } = form
  const values = useWatch({ control }) as Values
  const cart = toCart(values, business.currency)
  const request = cart
    ? { businessId: business.id, campaignId: campaign.id, ...customerInput(values), cart }
    : null
  // Debounce on the serialized request, as the checkout does: typing must not flood the API.
  const settledKey = useDebounced(JSON.stringify(request))
  const settled = useMemo(() => JSON.parse(settledKey) as typeof request, [settledKey])
  const evaluation = useApiQuery('campaigns.tryCart', settled)
  return (
    <Box component="section" aria-label="Try a cart" sx={{ mt: 4 }}>
      <Typography variant="h6">Try a cart</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {campaign.kind === 'automatic'
          ? 'See what this campaign alone does to a cart right now.'
          : 'See what this campaign alone does to a cart right now, as if one of its codes were typed.'}{' '}
        Nothing is recorded.
      </Typography>
      {!campaign.active && (
        <Alert severity="warning" variant="outlined" sx={{ mb: 2 }}>
          This campaign is paused: at checkout it applies to no cart until it is switched on.
        </Alert>
      )}
      <Grid container spacing={3}>
        <Grid size={{ xs: 12, lg: 7 }}>
          <Paper sx={{ p: 2 }} aria-label="Test cart">
            <Stack spacing={2}>
              <CartLinesEditor form={form} />
              <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
                <MoneyField
                  currency={business.currency}
                  label="Shipping"
                  sx={{ width: 150, flexShrink: 0 }}
                  {...register('shipping', { validate: moneyRule(business.currency) })}
                  error={Boolean(formState.errors.shipping)}
                />
                <TextField
                  label="Customer email (optional)"
                  sx={{ flex: 1 }}
                  {...register('email')}
                />
              </Stack>
              <Controller
                control={control}
                name="customerTags"
                render={({ field }) => (
                  <ChipsInput
                    label="Customer segments (optional)"
                    value={field.value}
                    onChange={field.onChange}
                    onBlur={field.onBlur}
                    placeholder="e.g. loyalty"
                  />
                )}
              />
            </Stack>
          </Paper>
        </Grid>
        <Grid size={{ xs: 12, lg: 5 }}>
          {evaluation.error && (
            <Alert severity="error" sx={{ mb: 2 }}>
              {evaluation.error.message}
            </Alert>
          )}
          {evaluation.data && settled ? (
            <EvaluationPanel evaluation={evaluation.data} currency={business.currency} />
          ) : (
            <Paper sx={{ p: 3, color: 'text.secondary' }}>
              Enter a line with a SKU and a price to see what this campaign does.
            </Paper>
          )}
        </Grid>
      </Grid>
    </Box>
  )
}
