import { Alert, Box, FormControlLabel, Radio, RadioGroup, Typography } from '@mui/material'
import { useFormContext, useFormState, useWatch } from 'react-hook-form'
import { DISCOUNT_KINDS, type DiscountKind } from '../../../../shared/promotions/discounts'
import type { CampaignDraft } from './draft'
import { EditorSection } from './EditorSection'
import { KindFields } from './KindFields'
import { discountSchema } from './kind-schemas'

const PICKABLE = (Object.keys(DISCOUNT_KINDS) as DiscountKind[]).filter((kind) => kind !== 'none')

/** What the campaign takes off: a kind from the registry, then that kind's own fields. */
export function DiscountSection() {
  const { setValue, trigger } = useFormContext<CampaignDraft>()
  const kind = useWatch<CampaignDraft, 'discount.kind'>({ name: 'discount.kind' })
  const { errors } = useFormState<CampaignDraft>({ name: 'discount' })
  const info = DISCOUNT_KINDS[kind]
  return (
    <EditorSection title="Discount" description="What it takes off the eligible items.">
      <RadioGroup
        aria-label="Discount kind"
        value={kind}
        onChange={(_event, value) => {
          setValue('discount', structuredClone(DISCOUNT_KINDS[value as DiscountKind].defaults))
          void trigger('discount')
        }}
        sx={{
          display: 'grid',
          gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', md: 'repeat(3, 1fr)' },
          gap: 1,
          mb: 2.5,
        }}
      >
        {PICKABLE.map((value) => (
          <FormControlLabel
            key={value}
            value={value}
            control={<Radio size="small" />}
            label={
              <Box sx={{ py: 0.75 }}>
                <Typography variant="body2" sx={{ fontWeight: 600 }}>
                  {DISCOUNT_KINDS[value].title}
                </Typography>
                <Typography variant="caption" color="text.secondary" component="div">
                  {DISCOUNT_KINDS[value].blurb}
                </Typography>
              </Box>
            }
            sx={{
              m: 0,
              pr: 1.5,
              alignItems: 'flex-start',
              border: 1,
              borderRadius: 1,
              borderColor: value === kind ? 'primary.main' : 'divider',
              bgcolor: value === kind ? 'rgba(15,110,110,0.06)' : undefined,
              '& .MuiRadio-root': { mt: 0.25 },
            }}
          />
        ))}
      </RadioGroup>
      <KindFields base="discount" fields={info.fields} schema={discountSchema(kind)} />
      {errors.discount?.message && (
        <Alert severity="error" sx={{ mt: 2 }}>
          {errors.discount.message}
        </Alert>
      )}
    </EditorSection>
  )
}
