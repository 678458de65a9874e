import { Box, Button, FormHelperText, IconButton, Stack, Typography } from '@mui/material'
import AddIcon from '@mui/icons-material/Add'
import DeleteIcon from '@mui/icons-material/DeleteOutlined'
import { useController, useWatch } from 'react-hook-form'
import type { Tier } from '../../../../../shared/promotions/discounts'
import { currencyExponent } from '../../../../../shared/money'
import { useBusiness } from '../../../app/business-context'
import { errorAt, errorText } from '../draft'
import { countCodec, moneyCodec, percentCodec } from './codecs'
import { NumberText } from './NumberText'

type Basis = 'quantity' | 'spend'
const MAX_TIERS = 10

/** What one item is worth when tiers switch between counting items and counting spend: 10 units. */
function itemWorth(currency: string): number {
  return 10 * 10 ** currencyExponent(currency)
}

/**
 * Keeps tiers sensible when their basis changes: 2 items ↔ 20.00 of spend, still rising.
 * Rewards keep their numbers (5% ↔ 5.00 off), which reads right in most currencies.
 */
export function convertTiers(tiers: Tier[], from: Basis, to: Basis, currency: string): Tier[] {
  if (from === to) return tiers
  const worth = itemWorth(currency)
  let previous = 0
  return tiers.map((tier) => {
    const converted =
      to === 'spend' ? tier.from * worth : Math.max(1, Math.round(tier.from / worth))
    previous = Math.max(converted, previous + 1)
    return { ...tier, from: previous }
  })
}

/** The rows of a tiered discount: from how much, how much off; units follow `basis` and `reward`. */
export function TiersField({
  name,
  parent,
  label,
  basisField = 'basis',
  onChanged,
}: {
  name: string
  parent: string
  label: string
  basisField?: string
  onChanged: () => void
}) {
  const { currency } = useBusiness()
  // Not exact: checks run on the whole discount must reach the tiers' own messages too.
  const { field, fieldState } = useController({ name, exact: false })
  const basis = useWatch({ name: `${parent}.${basisField}` }) as Basis
  const reward = useWatch({ name: `${parent}.reward` }) as 'percent' | 'amount'
  const tiers = (field.value ?? []) as Tier[]
  const fromCodec = basis === 'spend' ? moneyCodec(currency) : { ...countCodec, unit: 'items' }
  const valueCodec = reward === 'amount' ? moneyCodec(currency) : percentCodec
  const change = (next: Tier[]) => {
    field.onChange(next)
    onChanged()
  }
  const addTier = () => {
    const last = tiers.at(-1)
    const step = basis === 'spend' ? 5 * itemWorth(currency) : 5
    change([...tiers, { from: (last?.from || 0) + step, value: (last?.value || 0) + 500 }])
  }
  const rootError = fieldState.error?.message ?? errorText(fieldState.error?.root)
  return (
    <Box role="group" aria-label={label}>
      <Typography variant="body2" sx={{ fontWeight: 500, mb: 1 }}>
        {label}
      </Typography>
      <Stack spacing={1.5}>
        {tiers.map((tier, index) => (
          <Stack
            key={index}
            direction="row"
            spacing={1.5}
            role="group"
            aria-label={`Tier ${index + 1}`}
            sx={{ alignItems: 'flex-start' }}
          >
            <Typography variant="body2" color="text.secondary" sx={{ width: 48, pt: 1 }}>
              Tier {index + 1}
            </Typography>
            <NumberText
              label={basis === 'spend' ? 'From a spend of' : 'From'}
              value={tier.from}
              codec={fromCodec}
              onChange={(from) =>
                change(tiers.map((row, at) => (at === index ? { ...row, from: from ?? NaN } : row)))
              }
              error={errorAt(fieldState.error, `${index}.from`)}
              sx={{ width: 190 }}
            />
            <NumberText
              label="Off"
              value={tier.value}
              codec={valueCodec}
              onChange={(value) =>
                change(
                  tiers.map((row, at) => (at === index ? { ...row, value: value ?? NaN } : row)),
                )
              }
              error={errorAt(fieldState.error, `${index}.value`)}
              sx={{ width: 170 }}
            />
            <IconButton
              aria-label={`Remove tier ${index + 1}`}
              onClick={() => change(tiers.filter((_row, at) => at !== index))}
              disabled={tiers.length === 1}
              sx={{ mt: 0.25 }}
            >
              <DeleteIcon fontSize="small" />
            </IconButton>
          </Stack>
        ))}
      </Stack>
      <Button
        size="small"
        startIcon={<AddIcon />}
        onClick={addTier}
        disabled={tiers.length >= MAX_TIERS}
        sx={{ mt: 1 }}
      >
        Add tier
      </Button>
      {rootError && <FormHelperText error>{rootError}</FormHelperText>}
    </Box>
  )
}
