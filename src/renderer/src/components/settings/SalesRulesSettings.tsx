import {
  Alert,
  Button,
  Checkbox,
  FormControlLabel,
  FormGroup,
  FormLabel,
  Paper,
  Stack,
  Switch,
  TextField,
  Typography,
} from '@mui/material'
import { useState } from 'react'
import { Controller, useForm } from 'react-hook-form'
import type { Channel } from '../../../../shared/contract/checkout'
import { useBusiness } from '../../app/business-context'
import { CHANNEL_LABELS } from '../../format'
import { useApiMutation } from '../../hooks/use-api'
import { applyServerErrors } from '../form-errors'

const CODE_CHANNELS: Channel[] = ['online', 'phone', 'in_store']

interface RulesValues {
  refundReturnsUse: boolean
  overrideRequired: boolean
  requireCodeChannels: Channel[]
}

/**
 * Source 003's rules for sales: whether refunds give uses back, whether codes on manual orders
 * need a manager's PIN, and which channels need a promo code on every order.
 */
export function SalesRulesSettings() {
  const business = useBusiness()
  const update = useApiMutation('businesses.update')
  const [message, setMessage] = useState<string | null>(null)
  const { control, handleSubmit, setError, formState } = useForm<RulesValues>({
    defaultValues: {
      refundReturnsUse: business.sales.refundReturnsUse,
      overrideRequired: business.sales.overrideRequired,
      requireCodeChannels: business.sales.requireCodeChannels,
    },
  })
  const submit = handleSubmit(async (sales) => {
    setMessage(null)
    try {
      await update.mutateAsync({ businessId: business.id, sales })
      setMessage('Saved.')
    } catch (error) {
      setMessage(applyServerErrors(error, setError, {}))
    }
  })
  return (
    <Paper component="form" onSubmit={submit} noValidate sx={{ p: 3 }} aria-label="Sales rules">
      <Typography variant="h6" sx={{ mb: 2 }}>
        Sales rules
      </Typography>
      <Stack spacing={2}>
        <Controller
          name="refundReturnsUse"
          control={control}
          render={({ field }) => (
            <FormControlLabel
              control={<Switch checked={field.value} onChange={(_e, on) => field.onChange(on)} />}
              label="A full refund gives the code’s use back (a void always does)"
            />
          )}
        />
        <Controller
          name="overrideRequired"
          control={control}
          render={({ field }) => (
            <FormControlLabel
              control={<Switch checked={field.value} onChange={(_e, on) => field.onChange(on)} />}
              label="Codes on in-store and phone orders need a manager’s PIN"
            />
          )}
        />
        <Controller
          name="requireCodeChannels"
          control={control}
          render={({ field }) => (
            <FormGroup aria-labelledby="require-code-label">
              <FormLabel id="require-code-label">Every order needs a promo code on</FormLabel>
              <Stack direction="row">
                {CODE_CHANNELS.map((channel) => (
                  <FormControlLabel
                    key={channel}
                    label={CHANNEL_LABELS[channel]}
                    control={
                      <Checkbox
                        checked={field.value.includes(channel)}
                        onChange={(_e, on) =>
                          field.onChange(
                            on
                              ? [...field.value, channel]
                              : field.value.filter((entry) => entry !== channel),
                          )
                        }
                      />
                    }
                  />
                ))}
              </Stack>
            </FormGroup>
          )}
        />
        {message && <Alert severity={message === 'Saved.' ? 'success' : 'error'}>{message}</Alert>}
        <Button
          type="submit"
          variant="contained"
          sx={{ alignSelf: 'flex-start' }}
          disabled={formState.isSubmitting}
        >
          Save rules
        </Button>
        <ManagerPin />
      </Stack>
    </Paper>
  )
}

/** Sets or changes the manager PIN; the server keeps only a salted hash of it. */
function ManagerPin() {
  const business = useBusiness()
  const setPin = useApiMutation('businesses.setManagerPin')
  const [message, setMessage] = useState<string | null>(null)
  const { register, handleSubmit, setError, formState, reset } = useForm<{ pin: string }>({
    defaultValues: { pin: '' },
  })
  const submit = handleSubmit(async ({ pin }) => {
    setMessage(null)
    try {
      await setPin.mutateAsync({ businessId: business.id, pin })
      reset({ pin: '' })
      setMessage('The manager PIN is set.')
    } catch (error) {
      setMessage(applyServerErrors(error, setError, { pin: 'pin' }))
    }
  })
  return (
    <Stack spacing={1} sx={{ pt: 1 }}>
      <Typography variant="subtitle2" color="text.secondary">
        Manager PIN {business.sales.hasManagerPin ? '(set)' : '(not set)'}
      </Typography>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
        <TextField
          label={business.sales.hasManagerPin ? 'New PIN' : 'PIN'}
          type="password"
          autoComplete="new-password"
          {...register('pin', {
            validate: (pin) => /^\d{4,12}$/.test(pin) || 'Use 4 to 12 digits.',
          })}
          error={Boolean(formState.errors.pin)}
          helperText={formState.errors.pin?.message ?? 'Stored only as a salted hash.'}
          slotProps={{ htmlInput: { inputMode: 'numeric' } }}
        />
        <Button variant="outlined" onClick={() => void submit()} sx={{ mt: 1 }}>
          {business.sales.hasManagerPin ? 'Change PIN' : 'Set PIN'}
        </Button>
      </Stack>
      {message && (
        <Alert severity={message.startsWith('The manager PIN') ? 'success' : 'error'}>
          {message}
        </Alert>
      )}
    </Stack>
  )
}
