import { Alert, Stack, TextField } from '@mui/material'
import { useForm } from 'react-hook-form'
import type { Campaign } from '../../../shared/contract/campaigns'
import { useBusiness } from '../app/business-context'
import { useApiMutation } from '../hooks/use-api'
import { parseLimit } from '../parse'
import { defaultWindow } from './code-defaults'
import { CodeLimitFields } from './CodeLimitFields'
import { FormDialog, useServerSubmit } from './FormDialog'

interface Values {
  count: string
  pattern: string
  maxUses: string
  maxUsesPerCustomer: string
  startsOn: string
  endsOn: string
}

/** Starts a bulk generation job; the caller follows it in a JobDialog. */
export function GenerateDialog({
  campaign,
  onClose,
  onStarted,
}: {
  campaign: Campaign
  onClose: () => void
  onStarted: (jobId: string) => void
}) {
  const business = useBusiness()
  const generate = useApiMutation('codes.generate')
  const form = useForm<Values>({
    defaultValues: {
      count: '1000',
      pattern: 'GIFT-######',
      maxUses: '1',
      maxUsesPerCustomer: '1',
      ...defaultWindow(business, campaign),
    },
  })
  const { register, formState } = form
  const errorText = (field: keyof Values, fallback = ' ') =>
    formState.errors[field]?.message ?? fallback
  const submit = useServerSubmit(
    form,
    () => ({
      count: 'count',
      pattern: 'pattern',
      maxUses: 'maxUses',
      maxUsesPerCustomer: 'maxUsesPerCustomer',
      startsOn: 'startsOn',
      endsOn: 'endsOn',
    }),
    async (values) => {
      const { jobId } = await generate.mutateAsync({
        businessId: business.id,
        campaignId: campaign.id,
        count: Number(values.count),
        pattern: values.pattern,
        maxUses: parseLimit(values.maxUses),
        maxUsesPerCustomer: parseLimit(values.maxUsesPerCustomer),
        startsOn: values.startsOn || undefined,
        endsOn: values.endsOn || undefined,
      })
      onStarted(jobId)
    },
  )

  return (
    <FormDialog
      title={`Generate codes for ${campaign.name}`}
      submitLabel="Generate"
      onClose={onClose}
      {...submit}
    >
      <Stack direction="row" spacing={2}>
        <TextField
          label="How many"
          fullWidth
          {...register('count', {
            validate: (text) =>
              (/^\d+$/.test(text) && Number(text) >= 1 && Number(text) <= 1_000_000) ||
              'Between 1 and 1,000,000.',
          })}
          error={Boolean(formState.errors.count)}
          helperText={errorText('count')}
        />
        <TextField
          label="Pattern"
          fullWidth
          {...register('pattern', { required: 'Enter a pattern.' })}
          error={Boolean(formState.errors.pattern)}
          helperText={errorText('pattern', 'Each # is one random character.')}
          slotProps={{ htmlInput: { style: { fontFamily: 'monospace' } } }}
        />
      </Stack>
      <CodeLimitFields
        form={form}
        usesLabel="Uses per code"
        usesHelper="1 = single use"
        perCustomerHelper=" "
      />
      <Alert severity="info" icon={false}>
        Codes appear all at once when the run finishes; cancelling keeps none of them.
      </Alert>
    </FormDialog>
  )
}
