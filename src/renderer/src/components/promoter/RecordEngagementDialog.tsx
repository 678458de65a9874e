import { FormControlLabel, Radio, RadioGroup, Stack, TextField } from '@mui/material'
import { useState } from 'react'
import { Controller, useForm } from 'react-hook-form'
import { useBusiness } from '../../app/business-context'
import { todayIn } from '../../format'
import { useApiMutation } from '../../hooks/use-api'
import { FormDialog, useServerSubmit } from '../FormDialog'

interface Values {
  kind: 'visit' | 'manual'
  email: string
  externalId: string
  occurredOn: string
  note: string
}

/** Records a referral visit or a manual engagement between this promoter and a customer. */
export function RecordEngagementDialog({
  promoterId,
  promoterName,
  onClose,
  onRecorded,
}: {
  promoterId: number
  promoterName: string
  onClose: () => void
  onRecorded: (message: string) => void
}) {
  const business = useBusiness()
  const record = useApiMutation('engagements.record')
  // One id per dialog: a retry after a lost answer adds nothing.
  const [requestId] = useState(() => crypto.randomUUID())
  const form = useForm<Values>({
    defaultValues: {
      kind: 'visit',
      email: '',
      externalId: '',
      occurredOn: todayIn(business.timeZone),
      note: '',
    },
  })
  const { register, formState, control, getValues } = form
  const submit = useServerSubmit(
    form,
    () => ({
      'event.customer.email': 'email',
      'event.customer.externalId': 'externalId',
      'event.customer': 'email',
      'event.occurredOn': 'occurredOn',
      'event.note': 'note',
      'event.kind': 'kind',
    }),
    async (values) => {
      const result = await record.mutateAsync({
        businessId: business.id,
        event: {
          promoterId,
          kind: values.kind,
          customer: {
            email: values.email.trim() || undefined,
            externalId: values.externalId.trim() || undefined,
          },
          occurredOn: values.occurredOn || undefined,
          note: values.note.trim() || undefined,
          requestId,
        },
      })
      onRecorded(
        result.duplicate ? 'This engagement was already recorded.' : 'Engagement recorded.',
      )
    },
  )
  const oneOf = () =>
    Boolean(getValues('email').trim() || getValues('externalId').trim()) ||
    'Enter the customer’s email or customer id.'
  return (
    <FormDialog
      title={`Record an engagement for ${promoterName}`}
      submitLabel="Record engagement"
      onClose={onClose}
      {...submit}
    >
      <Controller
        control={control}
        name="kind"
        render={({ field }) => (
          <RadioGroup row aria-label="Kind of engagement" {...field}>
            <FormControlLabel value="visit" control={<Radio />} label="Referral visit" />
            <FormControlLabel value="manual" control={<Radio />} label="Manual entry" />
          </RadioGroup>
        )}
      />
      <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
        <TextField
          label="Customer email"
          type="email"
          autoFocus
          {...register('email', { validate: oneOf })}
          error={Boolean(formState.errors.email)}
          helperText={formState.errors.email?.message ?? 'Or the shop’s customer id.'}
          sx={{ flex: 3 }}
        />
        <TextField
          label="Customer id"
          {...register('externalId', { deps: ['email'] })}
          error={Boolean(formState.errors.externalId)}
          helperText={formState.errors.externalId?.message}
          sx={{ flex: 2 }}
        />
      </Stack>
      <TextField
        label="Date"
        type="date"
        {...register('occurredOn', { required: 'Enter the day it happened.' })}
        error={Boolean(formState.errors.occurredOn)}
        helperText={formState.errors.occurredOn?.message}
        slotProps={{ inputLabel: { shrink: true } }}
        sx={{ width: 200 }}
      />
      <TextField
        label="Note (optional)"
        multiline
        minRows={2}
        {...register('note')}
        error={Boolean(formState.errors.note)}
        helperText={formState.errors.note?.message}
      />
    </FormDialog>
  )
}
