import { Box, Stack } from '@mui/material'
import { useFormContext } from 'react-hook-form'
import type { z } from 'zod'
import type { FieldKind, FieldSpec } from '../../../../shared/promotions/fields'
import type { Tier } from '../../../../shared/promotions/discounts'
import { useBusiness } from '../../app/business-context'
import { countCodec, moneyCodec, percentCodec } from './fields/codecs'
import { SelectorField } from './fields/SelectorField'
import {
  ChipsField,
  ChoiceField,
  NumberField,
  TimeField,
  WeekdaysField,
  type FieldProps,
} from './fields/SimpleFields'
import { convertTiers, TiersField } from './fields/TiersField'
import { useCatalogSuggestions } from './use-catalog'

/** The zod object of one discount or condition kind: it says which arguments may be empty. */
export type KindSchema = z.ZodObject | undefined

const WIDE: ReadonlySet<FieldKind> = new Set([
  'selector',
  'skus',
  'tags',
  'customers',
  'tiers',
  'weekdays',
])

function acceptsNull(schema: KindSchema, name: string): boolean {
  return schema?.shape[name]?.safeParse(null).success ?? false
}

/**
 * The arguments of one discount or condition kind, drawn from the registry's field list: the
 * editor has no code of its own per kind. `base` is where the kind's spec lives in the form.
 */
export function KindFields({
  base,
  fields,
  schema,
}: {
  base: string
  fields: readonly FieldSpec[]
  schema: KindSchema
}) {
  const { trigger, getValues, setValue } = useFormContext()
  const { currency } = useBusiness()
  const catalog = useCatalogSuggestions()
  if (fields.length === 0) return null
  // Checks across fields (tiers rising, "until" after "from") land on other fields: recheck them all.
  const onChanged = () => void trigger(base)
  const onChoice = (name: string, value: string, previous: string) => {
    const tiers = fields.find(
      (spec) => spec.kind === 'tiers' && (spec.basisField ?? 'basis') === name,
    )
    if (tiers && (value === 'quantity' || value === 'spend')) {
      const path = `${base}.${tiers.name}`
      const current = getValues(path) as Tier[]
      setValue(path, convertTiers(current, previous as 'quantity', value, currency))
    }
    onChanged()
  }

  const render = (spec: FieldSpec) => {
    const props: FieldProps = { name: `${base}.${spec.name}`, spec, onChanged }
    const nullable = acceptsNull(schema, spec.name)
    switch (spec.kind) {
      case 'money':
        return <NumberField {...props} codec={moneyCodec(currency)} nullable={nullable} />
      case 'percent':
        return <NumberField {...props} codec={percentCodec} nullable={nullable} />
      case 'count':
        return <NumberField {...props} codec={countCodec} nullable={nullable} />
      case 'choice':
        return <ChoiceField {...props} onChoice={(value, old) => onChoice(spec.name, value, old)} />
      case 'time':
        return <TimeField {...props} />
      case 'weekdays':
        return <WeekdaysField {...props} />
      case 'skus':
        return <ChipsField {...props} suggestions={catalog.skus} />
      case 'tags':
        return <ChipsField {...props} />
      case 'customers':
        return <ChipsField {...props} placeholder="Email or customer id, then Enter" />
      case 'selector':
        return (
          <SelectorField
            name={props.name}
            label={spec.label}
            helper={spec.helper}
            onChanged={onChanged}
          />
        )
      case 'tiers':
        return (
          <TiersField
            name={props.name}
            parent={base}
            label={spec.label}
            basisField={spec.basisField}
            onChanged={onChanged}
          />
        )
    }
  }

  return (
    <Stack
      direction="row"
      useFlexGap
      spacing={2}
      sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}
    >
      {fields.map((spec) => (
        <Box key={spec.name} sx={WIDE.has(spec.kind) ? { flexBasis: '100%' } : undefined}>
          {render(spec)}
        </Box>
      ))}
    </Stack>
  )
}
