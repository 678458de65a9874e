import { Box, Button, FormHelperText, IconButton, Stack, Typography } from '@mui/material'
import AddIcon from '@mui/icons-material/Add'
import DeleteIcon from '@mui/icons-material/DeleteOutlined'
import { useController, useWatch } from 'react-hook-form'
import type { CommissionTier } from '../../../../shared/commissions/rules'
import { useBusiness } from '../../app/business-context'
import { errorText } from '../campaign-editor/draft'
import { countCodec, moneyCodec, percentCodec } from '../campaign-editor/fields/codecs'
import { NumberText } from '../campaign-editor/fields/NumberText'
import { unitCodec } from './FormNumber'
import { nextTier } from './rule-drafts'

const MAX_TIERS = 20

/**
 * The message of one tier's field. The list's error is an array, which react-hook-form's `get`
 * does not look into, so it is indexed here.
 */
function tierError(error: unknown, index: number, key: keyof CommissionTier): string | undefined {
  if (!Array.isArray(error)) return undefined
  return errorText((error[index] as Record<string, unknown> | undefined)?.[key])
}

/**
 * The tiers of a tiered commission: where each starts (a number of sales, or revenue) and its
 * rate. The first tier starts at the beginning of the period, so only its rate is asked.
 */
export function CommissionTiersField({
  name,
  parent,
  onChanged,
}: {
  name: string
  parent: string
  onChanged: () => void
}) {
  const { currency } = useBusiness()
  // Not exact: checks run for the whole rule (trigger of its parent) must reach the tiers too.
  const { field, fieldState } = useController({ name, exact: false })
  const measure = useWatch({ name: `${parent}.measure` }) as 'sales' | 'revenue'
  const tiers = (field.value ?? []) as CommissionTier[]
  const fromCodec = measure === 'sales' ? unitCodec(countCodec, 'sales') : moneyCodec(currency)
  const change = (next: CommissionTier[]) => {
    field.onChange(next)
    onChanged()
  }
  const edit = (index: number, patch: Partial<CommissionTier>) =>
    change(tiers.map((tier, at) => (at === index ? { ...tier, ...patch } : tier)))
  const rootError = fieldState.error?.message ?? fieldState.error?.root?.message
  return (
    <Box role="group" aria-label="Tiers">
      <Typography variant="body2" sx={{ fontWeight: 500, mb: 1.5 }}>
        Tiers
      </Typography>
      <Stack spacing={1.5} sx={{ mb: 1 }}>
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
            {index === 0 ? (
              <Typography variant="body2" color="text.secondary" sx={{ width: 200, pt: 1 }}>
                From the start of the period
              </Typography>
            ) : (
              <NumberText
                label={measure === 'sales' ? 'Starts after' : 'Starts above'}
                value={tier.from}
                codec={fromCodec}
                onChange={(from) => edit(index, { from: from ?? NaN })}
                error={tierError(fieldState.error, index, 'from')}
                sx={{ width: 200 }}
              />
            )}
            <NumberText
              label="Rate"
              value={tier.rateBp}
              codec={percentCodec}
              onChange={(rateBp) => edit(index, { rateBp: rateBp ?? NaN })}
              error={tierError(fieldState.error, index, 'rateBp')}
              sx={{ width: 130 }}
            />
            {index > 0 && (
              <IconButton
                aria-label={`Remove tier ${index + 1}`}
                onClick={() => change(tiers.filter((_tier, at) => at !== index))}
                sx={{ mt: 0.25 }}
              >
                <DeleteIcon fontSize="small" />
              </IconButton>
            )}
          </Stack>
        ))}
      </Stack>
      <Button
        size="small"
        startIcon={<AddIcon />}
        onClick={() => change([...tiers, nextTier(tiers, measure, currency)])}
        disabled={tiers.length >= MAX_TIERS}
      >
        Add tier
      </Button>
      {rootError && <FormHelperText error>{rootError}</FormHelperText>}
    </Box>
  )
}
