import {
  Alert,
  Box,
  Button,
  Grid,
  IconButton,
  MenuItem,
  Paper,
  Stack,
  TextField,
  Typography,
} from '@mui/material'
import AddIcon from '@mui/icons-material/Add'
import DeleteIcon from '@mui/icons-material/DeleteOutlined'
import { useFieldArray, useForm, useWatch } from 'react-hook-form'
import { useMemo, useState } from 'react'
import type { MethodInput } from '../../../shared/contract'
import type { Channel, Receipt } from '../../../shared/contract/checkout'
import { parseMoney } from '../../../shared/money'
import { useBusiness } from '../app/business-context'
import { EvaluationPanel } from '../components/EvaluationPanel'
import { MoneyField } from '../components/MoneyField'
import { PageHeader } from '../components/PageHeader'
import { CHANNEL_LABELS, money } from '../format'
import { useApiMutation, useApiQuery } from '../hooks/use-api'
import { useDebounced } from '../hooks/use-debounced'
import { moneyRule } from '../parse'

interface LineValues {
  sku: string
  name: string
  quantity: string
  unitPrice: string
}

interface Values {
  code: string
  email: string
  externalId: string
  channel: Channel
  location: string
  orderRef: string
  shipping: string
  lines: LineValues[]
}

const newOrderRef = () => `POS-${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}`
const emptyLine: LineValues = { sku: '', name: '', quantity: '1', unitPrice: '' }

/** Turns the form into a checkout request, or null while a line is incomplete. */
function toRequest(
  values: Values,
  businessId: number,
  currency: string,
): MethodInput<'checkout.validate'> | null {
  const lines = []
  for (const line of values.lines) {
    const unitPriceMinor = parseMoney(line.unitPrice, currency)
    const quantity = Number(line.quantity)
    if (
      !line.sku.trim() ||
      unitPriceMinor === null ||
      unitPriceMinor < 0 ||
      !Number.isInteger(quantity) ||
      quantity < 1
    )
      return null
    lines.push({
      sku: line.sku.trim(),
      name: line.name.trim() || undefined,
      quantity,
      unitPriceMinor,
    })
  }
  const shippingMinor = values.shipping.trim() ? parseMoney(values.shipping, currency) : 0
  if (lines.length === 0 || shippingMinor === null || shippingMinor < 0) return null
  const customer =
    values.email.trim() || values.externalId.trim()
      ? {
          email: values.email.trim() || undefined,
          externalId: values.externalId.trim() || undefined,
        }
      : undefined
  return {
    businessId,
    code: values.code.trim() || undefined,
    customer,
    cart: { lines, shippingMinor },
    channel: values.channel,
    location: values.location.trim() || undefined,
  }
}

export default function CheckoutPage() {
  const business = useBusiness()
  const [receipt, setReceipt] = useState<Receipt | null>(null)
  const { register, control, handleSubmit, reset, formState } = useForm<Values>({
    defaultValues: {
      code: '',
      email: '',
      externalId: '',
      channel: 'in_store',
      location: '',
      orderRef: newOrderRef(),
      shipping: '',
      lines: [{ ...emptyLine }],
    },
    mode: 'onChange',
  })
  const lines = useFieldArray({ control, name: 'lines' })
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
    setReceipt(await commit.mutateAsync({ ...input, orderRef: form.orderRef }))
  })
  const startNewSale = () => {
    setReceipt(null)
    commit.reset()
    reset({
      ...values,
      code: '',
      email: '',
      externalId: '',
      orderRef: newOrderRef(),
      shipping: '',
      lines: [{ ...emptyLine }],
    })
  }
  const codeRefused =
    Boolean(values.code.trim()) && evaluation.data !== undefined && !evaluation.data.applies

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
              <Typography variant="subtitle2" color="text.secondary">
                Cart
              </Typography>
              {lines.fields.map((field, index) => (
                <Stack key={field.id} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
                  <TextField
                    label="SKU"
                    sx={{ width: 150 }}
                    {...register(`lines.${index}.sku`, { required: 'Enter a SKU.' })}
                    error={Boolean(formState.errors.lines?.[index]?.sku)}
                  />
                  <TextField label="Item" sx={{ flex: 1 }} {...register(`lines.${index}.name`)} />
                  <TextField
                    label="Qty"
                    sx={{ width: 80 }}
                    {...register(`lines.${index}.quantity`, {
                      validate: (text) =>
                        /^\d+$/.test(text) && Number(text) >= 1 ? true : 'At least 1',
                    })}
                    error={Boolean(formState.errors.lines?.[index]?.quantity)}
                    slotProps={{ htmlInput: { inputMode: 'numeric' } }}
                  />
                  <MoneyField
                    currency={business.currency}
                    label="Unit price"
                    sx={{ width: 170 }}
                    {...register(`lines.${index}.unitPrice`, {
                      validate: moneyRule(business.currency, { required: true }),
                    })}
                    error={Boolean(formState.errors.lines?.[index]?.unitPrice)}
                    helperText={formState.errors.lines?.[index]?.unitPrice?.message}
                  />
                  <IconButton
                    aria-label={`Remove line ${index + 1}`}
                    onClick={() => lines.remove(index)}
                    disabled={lines.fields.length === 1}
                    sx={{ mt: 0.5 }}
                  >
                    <DeleteIcon />
                  </IconButton>
                </Stack>
              ))}
              <Box>
                <Button startIcon={<AddIcon />} onClick={() => lines.append({ ...emptyLine })}>
                  Add line
                </Button>
              </Box>
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
                    disabled={!request || codeRefused || commit.isPending}
                  >
                    Record sale
                  </Button>
                  {codeRefused && (
                    <Typography variant="body2" color="text.secondary">
                      Remove the code or fix what it needs to record the sale.
                    </Typography>
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
