import { Alert, Button, Grid, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material'
import { Controller, useForm, useWatch } from 'react-hook-form'
import { useMemo, useState } from 'react'
import type { MethodInput } from '../../../shared/contract'
import { MANUAL_CHANNELS, type Channel, type Receipt } from '../../../shared/contract/checkout'
import { useBusiness } from '../app/business-context'
import { CartLinesEditor } from '../components/cart/CartLinesEditor'
import { customerInput, emptyLine, toCart, type CartValues } from '../components/cart/cart-values'
import { OrderContextFields, type OrderContextValues } from '../components/cart/OrderContextFields'
import { ChipsInput } from '../components/ChipsInput'
import { EvaluationPanel } from '../components/EvaluationPanel'
import { MoneyField } from '../components/MoneyField'
import { PageHeader } from '../components/PageHeader'
import { CHANNEL_LABELS, money } from '../format'
import { useApiMutation, useApiQuery } from '../hooks/use-api'
import { useDebounced } from '../hooks/use-debounced'
import { moneyRule } from '../parse'

interface Values extends CartValues, OrderContextValues {
  code: string
  email: string
  externalId: string
  customerTags: string[]
  channel: Channel
  location: string
  orderRef: string
  managerPin: string
}

const newOrderRef = () => `POS-${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}`

/** Turns the form into a checkout request, or null while a line is incomplete. */
function toRequest(
  values: Values,
  businessId: number,
  currency: string,
): MethodInput<'checkout.validate'> | null {
  const cart = toCart(values, currency)
  if (!cart) return null
  return {
    businessId,
    code: values.code.trim() || undefined,
    ...customerInput(values),
    cart,
    channel: values.channel,
    location: values.location.trim() || undefined,
    context: contextOf(values),
  }
}

/** Where the order came from, for the fraud signals; nothing when no field is filled. */
function contextOf(values: Values): MethodInput<'checkout.validate'>['context'] {
  const context = {
    ip: values.ip.trim() || undefined,
    deviceId: values.deviceId.trim() || undefined,
    address: values.address.trim() || undefined,
  }
  return Object.values(context).some(Boolean) ? context : undefined
}

export default function CheckoutPage() {
  const business = useBusiness()
  const [receipt, setReceipt] = useState<Receipt | null>(null)
  const form = useForm<Values>({
    defaultValues: {
      code: '',
      email: '',
      externalId: '',
      customerTags: [],
      channel: 'in_store',
      location: '',
      orderRef: newOrderRef(),
      managerPin: '',
      ip: '',
      deviceId: '',
      address: '',
      shipping: '',
      lines: [{ ...emptyLine }],
    },
    mode: 'onChange',
  })
  const { register, control, handleSubmit, reset, formState } = form
  const values = useWatch({ control }) as Values
  const request = toRequest(values, business.id, business.currency)
  // Debounce on the serialized request: a new object each render must not restart the timer forever.
  const settledKey = useDebounced(JSON.stringify(request))
  const settledRequest = useMemo(
    () => JSON.parse(settledKey) as ReturnType<typeof toRequest>,
    [settledKey],
  )
  const evaluation = useApiQuery('checkout.validate', settledRequest)
  const commit = useApiMutation('checkout.commit')

  const record = handleSubmit(async (form) => {
    const input = toRequest(form, business.id, business.currency)
    if (!input) return
    try {
      setReceipt(
        await commit.mutateAsync({
          ...input,
          orderRef: form.orderRef,
          managerPin: form.managerPin.trim() || undefined,
        }),
      )
    } catch {
      // Shown from commit.error beside the button.
    }
  })
  const startNewSale = () => {
    setReceipt(null)
    commit.reset()
    reset({
      ...values,
      code: '',
      email: '',
      externalId: '',
      customerTags: [],
      orderRef: newOrderRef(),
      managerPin: '',
      ip: '',
      deviceId: '',
      address: '',
      shipping: '',
      lines: [{ ...emptyLine }],
    })
  }
  // Source 003: a code on a manually entered order may need a manager's override.
  const needsOverride =
    business.sales.overrideRequired &&
    Boolean(values.code.trim()) &&
    MANUAL_CHANNELS.includes(values.channel)
  const codeMissing = evaluation.data?.refusal?.reason === 'code_required'
  const codeRefused =
    Boolean(values.code.trim()) && evaluation.data !== undefined && !evaluation.data.applies
  const blocked = evaluation.data?.refusal?.reason === 'blocked'

  return (
    <>
      <PageHeader
        title="Checkout"
        subtitle="Ring up an in-store or phone order, check the customer’s code, and record the sale."
      />
      <Grid container spacing={3}>
        <Grid size={{ xs: 12, lg: 7 }}>
          <Paper component="form" onSubmit={record} noValidate sx={{ p: 2 }} aria-label="Order">
            <Stack spacing={2}>
              <Stack direction="row" spacing={2}>
                <TextField
                  label="Code"
                  fullWidth
                  autoFocus
                  {...register('code')}
                  slotProps={{
                    htmlInput: { style: { textTransform: 'uppercase', fontFamily: 'monospace' } },
                  }}
                />
                <TextField label="Customer email" fullWidth {...register('email')} />
                <TextField label="Customer id" fullWidth {...register('externalId')} />
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
                    placeholder="e.g. loyalty, wholesale"
                    helper="Recorded on the customer; promotions for a segment check them."
                  />
                )}
              />
              <Typography variant="subtitle2" color="text.secondary">
                Cart
              </Typography>
              <CartLinesEditor form={form} />
              <Stack direction="row" spacing={2}>
                <MoneyField
                  currency={business.currency}
                  label="Shipping"
                  sx={{ width: 170 }}
                  {...register('shipping', { validate: moneyRule(business.currency) })}
                  error={Boolean(formState.errors.shipping)}
                />
                <TextField
                  select
                  label="Channel"
                  sx={{ width: 150 }}
                  defaultValue="in_store"
                  {...register('channel')}
                >
                  {(['in_store', 'phone', 'online'] as const).map((channel) => (
                    <MenuItem key={channel} value={channel}>
                      {CHANNEL_LABELS[channel]}
                    </MenuItem>
                  ))}
                </TextField>
                <TextField label="Location (optional)" sx={{ flex: 1 }} {...register('location')} />
              </Stack>
              <OrderContextFields form={form} />
              {needsOverride && (
                <TextField
                  label="Manager PIN"
                  type="password"
                  autoComplete="off"
                  sx={{ width: 300 }}
                  {...register('managerPin', { required: 'A manager must approve this code.' })}
                  error={Boolean(formState.errors.managerPin)}
                  helperText={
                    formState.errors.managerPin?.message ??
                    'Codes on in-store and phone orders need a manager’s approval here.'
                  }
                  slotProps={{ htmlInput: { inputMode: 'numeric' } }}
                />
              )}
              <TextField
                label="Order reference"
                sx={{ width: 300 }}
                {...register('orderRef', { required: 'Enter an order reference.' })}
                error={Boolean(formState.errors.orderRef)}
                helperText={
                  formState.errors.orderRef?.message ??
                  'Recording the same reference twice never counts twice.'
                }
              />
              {commit.error && (
                <Alert severity="error" role="alert">
                  {commit.error.message}
                </Alert>
              )}
              {receipt ? (
                <Alert
                  severity="success"
                  action={
                    <Button color="inherit" size="small" onClick={startNewSale}>
                      New sale
                    </Button>
                  }
                >
                  {receipt.duplicate
                    ? `Order ${receipt.orderRef} was already recorded; nothing new was written.`
                    : `Sale ${receipt.orderRef} recorded: ${money(receipt.evaluation.totals.totalMinor, business.currency)}.`}
                </Alert>
              ) : (
                <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
                  <Button
                    type="submit"
                    variant="contained"
                    size="large"
                    disabled={!request || codeRefused || codeMissing || blocked || commit.isPending}
                  >
                    Record sale
                  </Button>
                  {blocked ? (
                    <Typography variant="body2" color="error">
                      This order carries a blocked value: the sale cannot be recorded.
                    </Typography>
                  ) : (
                    codeRefused && (
                      <Typography variant="body2" color="text.secondary">
                        Remove the code or fix what it needs to record the sale.
                      </Typography>
                    )
                  )}
                </Stack>
              )}
            </Stack>
          </Paper>
        </Grid>
        <Grid size={{ xs: 12, lg: 5 }}>
          {evaluation.error && <Alert severity="error">{evaluation.error.message}</Alert>}
          {evaluation.data && settledRequest ? (
            <EvaluationPanel evaluation={evaluation.data} currency={business.currency} />
          ) : (
            <Paper sx={{ p: 3, color: 'text.secondary' }}>
              Enter a line with a SKU and a price to see the total and whether the code applies.
            </Paper>
          )}
        </Grid>
      </Grid>
    </>
  )
}
