import { TextField } from '@mui/material'
import { useForm } from 'react-hook-form'
import type { Promoter } from '../../../shared/contract/promoters'
import { useBusiness } from '../app/business-context'
import { useApiMutation } from '../hooks/use-api'
import { FormDialog, useServerSubmit } from './FormDialog'

interface Values {
  name: string
  email: string
  phone: string
  notes: string
}

/** Adds a promoter, or edits the contact details of one. */
export function PromoterDialog({
  promoter,
  onClose,
}: {
  promoter: Promoter | null
  onClose: () => void
}) {
  const business = useBusiness()
  const create = useApiMutation('promoters.create')
  const update = useApiMutation('promoters.update')
  const form = useForm<Values>({
    defaultValues: {
      name: promoter?.name ?? '',
      email: promoter?.email ?? '',
      phone: promoter?.phone ?? '',
      notes: promoter?.notes ?? '',
    },
  })
  const { register, formState } = form
  const submit = useServerSubmit(
    form,
    () => ({ name: 'name', email: 'email', phone: 'phone', notes: 'notes' }),
    async (values) => {
      const details = { businessId: business.id, ...values }
      if (promoter) await update.mutateAsync({ ...details, promoterId: promoter.id })
      else await create.mutateAsync(details)
      onClose()
    },
  )
  return (
    <FormDialog
      title={promoter ? `Edit ${promoter.name}` : 'New promoter'}
      submitLabel={promoter ? 'Save' : 'Add promoter'}
      maxWidth="xs"
      onClose={onClose}
      {...submit}
    >
      <TextField
        label="Name"
        autoFocus
        {...register('name', { required: 'Enter a name.' })}
        error={Boolean(formState.errors.name)}
        helperText={formState.errors.name?.message}
      />
      <TextField
        label="Email"
        type="email"
        {...register('email')}
        error={Boolean(formState.errors.email)}
        helperText={formState.errors.email?.message}
      />
      <TextField
        label="Phone"
        {...register('phone')}
        error={Boolean(formState.errors.phone)}
        helperText={formState.errors.phone?.message}
      />
      <TextField label="Notes" multiline minRows={2} {...register('notes')} />
    </FormDialog>
  )
}
