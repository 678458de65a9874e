import { Checkbox, FormControlLabel, Stack } from '@mui/material'
import { useController } from 'react-hook-form'
import type { CampaignDraft } from './draft'
import { EditorSection } from './EditorSection'
import { SelectorField } from './fields/SelectorField'

function FlagField({
  name,
  label,
}: {
  name: 'eligible.excludeSaleItems' | 'eligible.excludeOutOfStock'
  label: string
}) {
  const { field } = useController<CampaignDraft, typeof name>({ name })
  return (
    <FormControlLabel
      label={label}
      control={
        <Checkbox
          size="small"
          checked={field.value}
          onChange={(event) => field.onChange(event.target.checked)}
        />
      }
    />
  )
}

/** Which lines the discount may touch. */
export function EligibilitySection() {
  return (
    <EditorSection
      title="Eligible items"
      description="Which lines of the cart the discount applies to. Leave everything empty for all items."
    >
      <Stack spacing={2.5}>
        <SelectorField
          name="eligible.include"
          label="Only these items"
          helper="A line qualifies when it matches any SKU, category or brand listed. Empty: every item."
        />
        <SelectorField name="eligible.exclude" label="Never these items" />
        <Stack direction="row" spacing={3}>
          <FlagField name="eligible.excludeSaleItems" label="Exclude items already on sale" />
          <FlagField name="eligible.excludeOutOfStock" label="Exclude out-of-stock items" />
        </Stack>
      </Stack>
    </EditorSection>
  )
}
