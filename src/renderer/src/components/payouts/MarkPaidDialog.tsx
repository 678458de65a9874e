import { Stack, TextField, Typography } from '@mui/material'
import { useForm } from 'react-hook-form'
import type { PayoutPeriod, Statement } from '../../../../shared/contract/payouts'
import { useBusiness } from '../../app/business-context'
import { money, todayIn } from '../../format'
import { useApiMutation } from '../../hooks/use-api'
import { FormDialog, useServerSubmit } from '../FormDialog'

interface Values {
  paidOn: string
  reference: string
}

/** Records a closed statement as paid: the day and the payment's reference. */
export function MarkPaidDialog({
  period,
  statement,
  onClose,
}: {
  period: PayoutPeriod
  statement: Statement
  onClose: () => void
}) {
  const business = useBusiness()
  const markPaid = useApiMutation('payouts.markPaid')
  const form = useForm<Values>({
    defaultValues: { paidOn: todayIn(business.timeZone), reference: '' },
  })
  const { register, formState } = form
  const submit = useServerSubmit(
    form,
    () => ({ paidOn: 'paidOn', reference: 'reference' }),
    async (values) => {
      await markPaid.mutateAsync({
        businessId: business.id,
        periodKey: period.periodKey,
        promoterId: statement.promoterId,
        paidOn: values.paidOn,
        reference: values.reference,
      })
      onClose()
    },
  )
  return (
    <FormDialog
      title={`Mark ${statement.promoterName}’s statement paid`}
      submitLabel="Mark paid"
      maxWidth="xs"
      onClose={onClose}
      {...submit}
    >
      <Typography variant="body2">
        Records {money(statement.payableMinor, business.currency)} paid to {statement.promoterName}{' '}
        for {period.label}. A paid statement cannot change afterwards.
      </Typography>
      <Stack spacing={2}>
        <TextField
          label="Paid on"
          type="date"
          {...register('paidOn', { required: 'Enter the day it was paid.' })}
          error={Boolean(formState.errors.paidOn)}
          helperText={formState.errors.paidOn?.message}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <TextField
          label="Payment reference"
          autoFocus
          {...register('reference', {
            validate: (text) => Boolean(text.trim()) || 'Enter the payment reference.',
          })}
          error={Boolean(formState.errors.reference)}
          helperText={
            formState.errors.reference?.message ?? 'The bank transfer’s reference, a cheque number…'
          }
        />
      </Stack>
    </FormDialog>
  )
}
