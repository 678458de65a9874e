import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material'
import { useForm } from 'react-hook-form'
import { useState } from 'react'
import type { Promoter } from '../../../shared/contract/promoters'
import { useBusiness } from '../app/business-context'
import { useApiMutation } from '../hooks/use-api'
import { applyServerErrors } from './form-errors'

interface Values {
  name: string
  email: string
  phone: string
  notes: string
}

/** Adds a promoter, or edits the contact details of one. */
export function PromoterDialog({ promoter, onClose }: { promoter: Promoter | null; onClose: () => void }) {
  const business = useBusiness()
  const create = useApiMutation('promoters.create')
  const update = useApiMutation('promoters.update')
  const [formError, setFormError] = useState<string | null>(null)
  const { register, handleSubmit, setError, formState } = useForm<Values>({
    defaultValues: { name: promoter?.name ?? '', email: promoter?.email ?? '', phone: promoter?.phone ?? '', notes: promoter?.notes ?? '' },
  })
  const submit = handleSubmit(async (values) => {
    setFormError(null)
    try {
      const details = { businessId: business.id, ...values }
      if (promoter) await update.mutateAsync({ ...details, promoterId: promoter.id })
      else await create.mutateAsync(details)
      onClose()
    } catch (error) {
      setFormError(applyServerErrors(error, setError, { name: 'name', email: 'email', phone: 'phone', notes: 'notes' }))
    }
  })
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="xs" aria-labelledby="promoter-title">
      <form onSubmit={submit} noValidate>
        <DialogTitle id="promoter-title">{promoter ? `Edit ${promoter.name}` : 'New promoter'}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ mt: 1 }}>
            {formError && <Alert severity="error">{formError}</Alert>}
            <TextField label="Name" autoFocus {...register('name', { required: 'Enter a name.' })} error={Boolean(formState.errors.name)} helperText={formState.errors.name?.message} />
            <TextField label="Email" type="email" {...register('email')} error={Boolean(formState.errors.email)} helperText={formState.errors.email?.message} />
            <TextField label="Phone" {...register('phone')} error={Boolean(formState.errors.phone)} helperText={formState.errors.phone?.message} />
            <TextField label="Notes" multiline minRows={2} {...register('notes')} />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} color="inherit">
            Cancel
          </Button>
          <Button type="submit" variant="contained" disabled={formState.isSubmitting}>
            {promoter ? 'Save' : 'Add promoter'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  )
}
