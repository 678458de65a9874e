import { Alert, MenuItem, TextField, ToggleButton, ToggleButtonGroup } from '@mui/material'
import { Controller, useForm, useWatch } from 'react-hook-form'
import type { Campaign } from '../../../shared/contract/campaigns'
import type { CodeRow } from '../../../shared/contract/codes'
import { useBusiness } from '../app/business-context'
import { useApiMutation, useApiQuery } from '../hooks/use-api'
import { parseLimit } from '../parse'
import { defaultLimit, defaultWindow } from './code-defaults'
import { CodeLimitFields } from './CodeLimitFields'
import { FormDialog, useServerSubmit } from './FormDialog'

interface Values {
  mode: 'typed' | 'pattern'
  code: string
  pattern: string
  promoterId: string
  customerEmail: string
  maxUses: string
  maxUsesPerCustomer: string
  startsOn: string
  endsOn: string
  note: string
}

/** Adds one code to a campaign, typed or drawn at random; the business's policy is checked on save. */
export function CodeDialog({
  campaign,
  onClose,
  onCreated,
}: {
  campaign: Campaign
  onClose: () => void
  onCreated: (code: CodeRow) => void
}) {
  const business = useBusiness()
  const promoters = useApiQuery('promoters.list', { businessId: business.id })
  const create = useApiMutation('codes.create')
  const initialWindow = defaultWindow(business, campaign)
  const form = useForm<Values>({
    defaultValues: {
      mode: 'typed',
      code: '',
      pattern: 'PROMO-#####',
      promoterId: '',
      customerEmail: '',
      maxUses: defaultLimit(business.policy.maxUsesPerCode),
      maxUsesPerCustomer: defaultLimit(business.policy.maxUsesPerCustomer),
      note: '',
      ...initialWindow,
    },
  })
  const { register, control, formState } = form
  const mode = useWatch({ control, name: 'mode' })
  const errorText = (field: keyof Values, fallback = ' ') =>
    formState.errors[field]?.message ?? fallback
  const submit = useServerSubmit(
    form,
    () => ({
      code: 'code',
      pattern: 'pattern',
      promoterId: 'promoterId',
      'customer.email': 'customerEmail',
      customer: 'customerEmail',
      maxUses: 'maxUses',
      maxUsesPerCustomer: 'maxUsesPerCustomer',
      startsOn: 'startsOn',
      endsOn: 'endsOn',
    }),
    async (values) => {
      const code = await create.mutateAsync({
        businessId: business.id,
        campaignId: campaign.id,
        ...(values.mode === 'typed' ? { code: values.code } : { pattern: values.pattern }),
        promoterId: values.promoterId ? Number(values.promoterId) : undefined,
        customer: values.customerEmail ? { email: values.customerEmail } : undefined,
        maxUses: parseLimit(values.maxUses),
        maxUsesPerCustomer: parseLimit(values.maxUsesPerCustomer),
        startsOn: values.startsOn || undefined,
        endsOn: values.endsOn || undefined,
        note: values.note || undefined,
      })
      onCreated(code)
    },
  )

  return (
    <FormDialog
      title={`New code in ${campaign.name}`}
      submitLabel="Create code"
      onClose={onClose}
      {...submit}
    >
      <Controller
        name="mode"
        control={control}
        render={({ field }) => (
          <ToggleButtonGroup
            exclusive
            size="small"
            color="primary"
            value={field.value}
            onChange={(_e, value) => value && field.onChange(value)}
            aria-label="How to make the code"
          >
            <ToggleButton value="typed">Type a code</ToggleButton>
            <ToggleButton value="pattern">Random from a pattern</ToggleButton>
          </ToggleButtonGroup>
        )}
      />
      {mode === 'typed' ? (
        <TextField
          label="Code"
          autoFocus
          {...register('code', {
            required: 'Enter the code, e.g. JAY10.',
            pattern: {
              value: /^[A-Za-z0-9_-]{3,32}$/,
              message: '3 to 32 letters, digits, - or _.',
            },
          })}
          error={Boolean(formState.errors.code)}
          helperText={errorText('code', 'Codes ignore case: jay10 and JAY10 are the same code.')}
          slotProps={{
            htmlInput: { style: { textTransform: 'uppercase', fontFamily: 'monospace' } },
          }}
        />
      ) : (
        <TextField
          label="Pattern"
          {...register('pattern', { required: 'Enter a pattern.' })}
          error={Boolean(formState.errors.pattern)}
          helperText={errorText(
            'pattern',
            'Each # becomes a random letter or digit (no 0/O, 1/I/L).',
          )}
          slotProps={{ htmlInput: { style: { fontFamily: 'monospace' } } }}
        />
      )}
      <TextField
        select
        label="Promoter"
        {...register('promoterId')}
        defaultValue=""
        error={Boolean(formState.errors.promoterId)}
        helperText={errorText('promoterId', 'Sales with this code are credited to them.')}
      >
        <MenuItem value="">No promoter</MenuItem>
        {(promoters.data ?? []).map((promoter) => (
          <MenuItem key={promoter.id} value={String(promoter.id)}>
            {promoter.name}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        label="Only for customer (email, optional)"
        {...register('customerEmail')}
        error={Boolean(formState.errors.customerEmail)}
        helperText={errorText('customerEmail', 'A personalized code works for this customer only.')}
      />
      <CodeLimitFields
        form={form}
        usesLabel="Total uses"
        usesHelper="Empty = unlimited"
        perCustomerHelper="Empty = unlimited"
      />
      <TextField label="Note (optional)" {...register('note')} />
      <Alert severity="info" icon={false}>
        A code cannot be changed once created; it can only be switched off and on.
      </Alert>
    </FormDialog>
  )
}
