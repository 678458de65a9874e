import { Alert, Stack, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material'
import { Controller, useForm, useWatch } from 'react-hook-form'
import type { Campaign } from '../../../shared/contract/campaigns'
import type { DiscountSpec } from '../../../shared/promotions/discounts'
import { describeTerms } from '../../../shared/promotions/describe'
import { formatBasisPoints, parseMoney } from '../../../shared/money'
import { useBusiness } from '../app/business-context'
import { useApiMutation } from '../hooks/use-api'
import { moneyRule, parsePercent } from '../parse'
import { FormDialog, useServerSubmit } from './FormDialog'
import { MoneyField } from './MoneyField'

interface Values {
  name: string
  description: string
  discountKind: 'percent' | 'fixed' | 'none'
  percent: string
  amount: string
  startsOn: string
  endsOn: string
  minSpend: string
}

function discountOf(values: Values, currency: string): DiscountSpec | null {
  if (values.discountKind === 'none') return { kind: 'none' }
  if (values.discountKind === 'percent') {
    const bp = parsePercent(values.percent)
    return bp === null || bp === 0 ? null : { kind: 'percent', percentBp: bp }
  }
  const amount = parseMoney(values.amount, currency)
  return amount === null || amount <= 0 ? null : { kind: 'fixed', amountMinor: amount }
}

/** Creates a campaign: what it takes off, when, and from which spend. Its terms are fixed once created. */
export function CampaignDialog({
  onClose,
  onCreated,
}: {
  onClose: () => void
  onCreated: (campaign: Campaign) => void
}) {
  const business = useBusiness()
  const create = useApiMutation('campaigns.create')
  const form = useForm<Values>({
    defaultValues: {
      name: '',
      description: '',
      discountKind: 'percent',
      percent: '10',
      amount: '',
      startsOn: '',
      endsOn: '',
      minSpend: '',
    },
    mode: 'onChange',
  })
  const { register, control, formState } = form
  const values = useWatch({ control }) as Values
  const discount = discountOf(values, business.currency)
  const minSpend = values.minSpend ? parseMoney(values.minSpend, business.currency) : null
  const maxPercent = business.policy.maxPercentBp
  const submit = useServerSubmit(
    form,
    (values) => ({
      name: 'name',
      description: 'description',
      discount: values.discountKind === 'fixed' ? 'amount' : 'percent',
      startsOn: 'startsOn',
      endsOn: 'endsOn',
      minSpendMinor: 'minSpend',
    }),
    async (values) => {
      const spec = discountOf(values, business.currency)
      if (!spec) return
      const campaign = await create.mutateAsync({
        businessId: business.id,
        name: values.name,
        description: values.description || undefined,
        kind: spec.kind === 'none' ? 'tracking' : 'discount',
        discount: spec,
        startsOn: values.startsOn || undefined,
        endsOn: values.endsOn || undefined,
        minSpendMinor: values.minSpend
          ? (parseMoney(values.minSpend, business.currency) ?? undefined)
          : undefined,
      })
      onCreated(campaign)
    },
  )

  return (
    <FormDialog title="New campaign" submitLabel="Create campaign" onClose={onClose} {...submit}>
      <TextField
        label="Campaign name"
        autoFocus
        {...register('name', { required: 'Enter a name.' })}
        error={Boolean(formState.errors.name)}
        helperText={formState.errors.name?.message}
      />
      <TextField
        label="Description (optional)"
        multiline
        minRows={2}
        {...register('description')}
      />
      <Controller
        name="discountKind"
        control={control}
        render={({ field }) => (
          <ToggleButtonGroup
            exclusive
            size="small"
            color="primary"
            value={field.value}
            onChange={(_e, value) => value && field.onChange(value)}
            aria-label="Discount type"
          >
            <ToggleButton value="percent">Percent off</ToggleButton>
            <ToggleButton value="fixed">Amount off</ToggleButton>
            <ToggleButton value="none">Tracking only</ToggleButton>
          </ToggleButtonGroup>
        )}
      />
      {values.discountKind === 'percent' && (
        <TextField
          label="Percent off"
          {...register('percent', {
            validate: (text) => {
              const bp = parsePercent(text)
              if (bp === null || bp === 0 || bp > 10_000)
                return 'Enter a percentage between 0.01 and 100.'
              if (maxPercent !== null && bp > maxPercent)
                return `The policy allows at most ${formatBasisPoints(maxPercent)}.`
              return true
            },
          })}
          error={Boolean(formState.errors.percent)}
          helperText={
            formState.errors.percent?.message ??
            (maxPercent !== null
              ? `At most ${formatBasisPoints(maxPercent)} under this business’s policy.`
              : ' ')
          }
          slotProps={{ htmlInput: { inputMode: 'decimal' } }}
        />
      )}
      {values.discountKind === 'fixed' && (
        <MoneyField
          currency={business.currency}
          label="Amount off"
          {...register('amount', {
            validate: moneyRule(business.currency, { required: true, positive: true }),
          })}
          error={Boolean(formState.errors.amount)}
          helperText={formState.errors.amount?.message ?? 'Never more than the order itself.'}
        />
      )}
      {values.discountKind === 'none' && (
        <Typography variant="body2" color="text.secondary">
          Tracking codes take nothing off: they tie a sale to a promoter or an ad channel.
        </Typography>
      )}
      <Stack direction="row" spacing={2}>
        <TextField
          label="First day"
          type="date"
          fullWidth
          slotProps={{ inputLabel: { shrink: true } }}
          {...register('startsOn')}
          error={Boolean(formState.errors.startsOn)}
          helperText={formState.errors.startsOn?.message ?? 'Optional'}
        />
        <TextField
          label="Last day"
          type="date"
          fullWidth
          slotProps={{ inputLabel: { shrink: true } }}
          {...register('endsOn', {
            validate: (end, all) =>
              !end ||
              !all.startsOn ||
              end >= all.startsOn ||
              'The last day cannot be before the first day.',
          })}
          error={Boolean(formState.errors.endsOn)}
          helperText={formState.errors.endsOn?.message ?? 'Optional; inclusive'}
        />
      </Stack>
      {values.discountKind !== 'none' && (
        <MoneyField
          currency={business.currency}
          label="Minimum spend (optional)"
          {...register('minSpend', { validate: moneyRule(business.currency) })}
          error={Boolean(formState.errors.minSpend)}
          helperText={
            formState.errors.minSpend?.message ?? 'Merchandise subtotal before discounts.'
          }
        />
      )}
      {discount && (
        <Alert severity="info" icon={false}>
          {describeTerms(
            { discount, conditions: minSpend ? [{ kind: 'min_spend', minMinor: minSpend }] : [] },
            business.currency,
          )}
        </Alert>
      )}
    </FormDialog>
  )
}
