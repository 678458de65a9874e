import {
  Alert,
  FormControlLabel,
  List,
  ListItem,
  ListItemText,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  Typography,
} from '@mui/material'
import { useState } from 'react'
import { Controller, useForm, useWatch } from 'react-hook-form'
import { minorToDecimal, parseMoney } from '../../../shared/money'
import type { SaleDetail } from '../../../shared/contract/sales'
import { useBusiness } from '../app/business-context'
import { dateTime, money } from '../format'
import { useApiMutation, useApiQuery } from '../hooks/use-api'
import { moneyRule } from '../parse'
import { ErrorAlert } from './ErrorAlert'
import { FormDialog, useServerSubmit } from './FormDialog'
import { MoneyField } from './MoneyField'

interface Values {
  kind: 'refund' | 'void'
  amount: string
  reason: string
}

/**
 * Refunds part or all of a recorded sale, or voids it. The sale itself never changes: each
 * correction is a new ledger entry, listed here under the sale.
 */
export function ReverseSaleDialog({ entryId, onClose }: { entryId: number; onClose: () => void }) {
  const business = useBusiness()
  const sale = useApiQuery('sales.get', { businessId: business.id, entryId })
  if (!sale.data) {
    return sale.error ? <ErrorAlert error={sale.error} /> : null
  }
  return <ReverseForm sale={sale.data} onClose={onClose} />
}

function ReverseForm({ sale, onClose }: { sale: SaleDetail; onClose: () => void }) {
  const business = useBusiness()
  const reverse = useApiMutation('sales.reverse')
  // One id per attempt: a retry after a lost answer returns the first result.
  const [requestId] = useState(() => crypto.randomUUID())
  const form = useForm<Values>({
    defaultValues: {
      kind: 'refund',
      amount: minorToDecimal(sale.refundableMinor, business.currency),
      reason: '',
    },
  })
  const { register, formState, control } = form
  const kind = useWatch({ control, name: 'kind' })
  const submit = useServerSubmit(
    form,
    () => ({ amountMinor: 'amount', reason: 'reason', kind: 'kind' }),
    async (values) => {
      await reverse.mutateAsync({
        businessId: business.id,
        entryId: sale.entryId,
        kind: values.kind,
        ...(values.kind === 'refund'
          ? { amountMinor: parseMoney(values.amount, business.currency) ?? 0 }
          : {}),
        reason: values.reason,
        requestId,
      })
      onClose()
    },
  )
  const closed = sale.voided || sale.refundableMinor === 0
  const usesBack = kind === 'void' || business.sales.refundReturnsUse
  return (
    <FormDialog
      title={`Refund or void order ${sale.orderRef}`}
      submitLabel={kind === 'void' ? 'Void the sale' : 'Record the refund'}
      maxWidth="sm"
      onClose={onClose}
      {...submit}
    >
      <Stack direction="row" spacing={4}>
        <Fact label="Recorded">{dateTime(sale.occurredAt, business.timeZone)}</Fact>
        <Fact label="Total paid">{money(sale.totalMinor, business.currency)}</Fact>
        <Fact label="Still refundable">{money(sale.refundableMinor, business.currency)}</Fact>
      </Stack>
      {sale.reversals.length > 0 && (
        <List dense disablePadding aria-label="Earlier corrections">
          {sale.reversals.map((reversal) => (
            <ListItem key={reversal.entryId} disableGutters>
              <ListItemText
                primary={`${reversal.kind === 'void' ? 'Voided' : 'Refunded'} ${money(reversal.amountMinor, business.currency)} · ${reversal.reason}`}
                secondary={`${dateTime(reversal.occurredAt, business.timeZone)}${reversal.usesReturned ? ' · use given back' : ''}`}
              />
            </ListItem>
          ))}
        </List>
      )}
      {closed ? (
        <Alert severity="info">
          {sale.voided ? 'This sale was voided.' : 'This sale is fully refunded.'} Nothing is left
          to correct.
        </Alert>
      ) : (
        <>
          <Controller
            control={control}
            name="kind"
            render={({ field }) => (
              <RadioGroup row {...field}>
                <FormControlLabel value="refund" control={<Radio />} label="Refund" />
                <FormControlLabel
                  value="void"
                  control={<Radio />}
                  label="Void (cancel the whole sale)"
                  disabled={sale.reversals.length > 0}
                />
              </RadioGroup>
            )}
          />
          {kind === 'refund' && (
            <MoneyField
              label="Amount to refund"
              currency={business.currency}
              {...register('amount', {
                validate: moneyRule(business.currency, { required: true, positive: true }),
              })}
              error={Boolean(formState.errors.amount)}
              helperText={
                formState.errors.amount?.message ??
                'Leave the full amount to refund everything that is left.'
              }
            />
          )}
          <TextField
            label="Reason"
            {...register('reason', { required: 'Say why.' })}
            error={Boolean(formState.errors.reason)}
            helperText={
              formState.errors.reason?.message ?? 'Kept with the correction in the ledger.'
            }
          />
          {sale.codes.length > 0 && (
            <Typography variant="body2" color="text.secondary">
              {usesBack
                ? `When the sale is fully reversed, ${sale.codes.join(', ')} gets its use back.`
                : `${sale.codes.join(', ')} keeps the use: this business does not give uses back on refunds (Settings).`}
            </Typography>
          )}
        </>
      )}
    </FormDialog>
  )
}

function Fact({ label, children }: { label: string; children: string }) {
  return (
    <div>
      <Typography variant="caption" color="text.secondary">
        {label}
      </Typography>
      <Typography variant="body1">{children}</Typography>
    </div>
  )
}
