import {
  Box,
  Checkbox,
  FormControlLabel,
  MenuItem,
  Stack,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material'
import { useController, useFormContext, useWatch } from 'react-hook-form'
import type { CommissionKind, CommissionRule } from '../../../../shared/commissions/rules'
import { formatBasisPoints } from '../../../../shared/money'
import { useBusiness } from '../../app/business-context'
import { moneyCodec, percentCodec } from '../campaign-editor/fields/codecs'
import { CommissionTiersField } from './CommissionTiersField'
import { FormNumber } from './FormNumber'
import {
  COMMISSION_KIND_HELP,
  COMMISSION_KIND_LABELS,
  COMMISSION_KINDS,
  convertTiers,
  defaultRule,
} from './rule-drafts'

/**
 * Edits one commission rule held in the surrounding form at `name` (a `CommissionRule`): its
 * kind, then that kind's fields. The form's resolver checks it with the rule's zod schema; every
 * change re-runs the check, so messages appear under the fields as the user types.
 */
export function CommissionRuleEditor({ name }: { name: string }) {
  const { getValues, setValue, trigger } = useFormContext()
  const { currency } = useBusiness()
  const kind = useWatch({ name: `${name}.kind` }) as CommissionKind
  const recheck = () => void trigger(name)
  const changeKind = (next: CommissionKind) => {
    const previous = getValues(name) as CommissionRule
    setValue(name, defaultRule(next, currency, previous), { shouldDirty: true })
    recheck()
  }
  return (
    <Stack spacing={2}>
      <Box>
        <ToggleButtonGroup
          exclusive
          size="small"
          color="primary"
          value={kind}
          onChange={(_event, value: CommissionKind | null) => value && changeKind(value)}
          aria-label="Commission kind"
          sx={{ flexWrap: 'wrap' }}
        >
          {COMMISSION_KINDS.map((value) => (
            <ToggleButton key={value} value={value} sx={{ px: 2 }}>
              {COMMISSION_KIND_LABELS[value]}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {COMMISSION_KIND_HELP[kind]}
        </Typography>
      </Box>
      {kind === 'flat' && (
        <FormNumber
          name={`${name}.amountMinor`}
          label="Amount per sale"
          codec={moneyCodec(currency)}
          onChanged={recheck}
        />
      )}
      {(kind === 'percent' || kind === 'split') && (
        <Stack
          direction="row"
          spacing={4}
          useFlexGap
          sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}
        >
          {kind === 'percent' ? (
            <FormNumber
              name={`${name}.rateBp`}
              label="Rate"
              codec={percentCodec}
              onChanged={recheck}
            />
          ) : (
            <SplitFields name={name} onChanged={recheck} />
          )}
          <BaseFields name={`${name}.base`} />
        </Stack>
      )}
      {kind === 'tiered' && (
        <>
          <TierSettings name={name} onChanged={recheck} />
          <BaseFields name={`${name}.base`} />
        </>
      )}
    </Stack>
  )
}

function SplitFields({ name, onChanged }: { name: string; onChanged: () => void }) {
  const share = useWatch({ name: `${name}.promoterShareBp` }) as number
  const valid = Number.isInteger(share) && share > 0 && share <= 10_000
  return (
    <FormNumber
      name={`${name}.promoterShareBp`}
      label="Promoter’s share"
      codec={percentCodec}
      helper={
        valid
          ? `The business keeps ${formatBasisPoints(10_000 - share)}.`
          : 'The business keeps the rest.'
      }
      onChanged={onChanged}
    />
  )
}

/** What tiers count and how a period's rate applies, then the tiers themselves. */
function TierSettings({ name, onChanged }: { name: string; onChanged: () => void }) {
  const { getValues, setValue } = useFormContext()
  const { currency } = useBusiness()
  const measure = useController({ name: `${name}.measure` })
  const mode = useController({ name: `${name}.mode` })
  return (
    <>
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <TextField
          select
          label="Tiers measure"
          value={measure.field.value as string}
          onChange={(event) => {
            const next = event.target.value as 'sales' | 'revenue'
            setValue(`${name}.tiers`, convertTiers(getValues(`${name}.tiers`), next, currency))
            measure.field.onChange(next)
            onChanged()
          }}
          sx={{ width: 240 }}
          helperText="Per promoter, per payout period."
        >
          <MenuItem value="sales">Number of sales</MenuItem>
          <MenuItem value="revenue">Revenue</MenuItem>
        </TextField>
        <TextField
          select
          label="Rate applies to"
          value={mode.field.value as string}
          onChange={(event) => {
            mode.field.onChange(event.target.value)
            onChanged()
          }}
          sx={{ width: 340 }}
          helperText={
            mode.field.value === 'marginal'
              ? 'Like tax brackets: the rate changes only above each step.'
              : 'Reaching a tier raises the rate on the whole period.'
          }
        >
          <MenuItem value="marginal">Each part at its own tier’s rate</MenuItem>
          <MenuItem value="whole">The whole period at the tier reached</MenuItem>
        </TextField>
      </Stack>
      <CommissionTiersField name={`${name}.tiers`} parent={name} onChanged={onChanged} />
    </>
  )
}

/** Percentages are of merchandise after discount; tax and shipping only when asked. */
function BaseFields({ name }: { name: string }) {
  const tax = useController({ name: `${name}.includeTax` })
  const shipping = useController({ name: `${name}.includeShipping` })
  return (
    <Stack
      direction="row"
      spacing={1}
      role="group"
      aria-label="Base"
      sx={{ alignItems: 'center', minHeight: 40, flexWrap: 'wrap' }}
    >
      <Typography variant="body2" color="text.secondary" sx={{ mr: 1 }}>
        Of merchandise after discount:
      </Typography>
      <FormControlLabel
        label="Include tax"
        control={
          <Checkbox
            checked={Boolean(tax.field.value)}
            onChange={(_event, on) => tax.field.onChange(on)}
          />
        }
      />
      <FormControlLabel
        label="Include shipping"
        control={
          <Checkbox
            checked={Boolean(shipping.field.value)}
            onChange={(_event, on) => shipping.field.onChange(on)}
          />
        }
      />
    </Stack>
  )
}
