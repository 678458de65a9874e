import { Box, FormHelperText, Stack, Typography } from '@mui/material'
import { useController } from 'react-hook-form'
import type { LineSelector } from '../../../../../shared/promotions/selectors'
import { ChipsInput } from '../../ChipsInput'
import { errorAt } from '../draft'
import { useCatalogSuggestions } from '../use-catalog'

const PARTS = [
  { key: 'skus', label: 'Products (SKUs)' },
  { key: 'categories', label: 'Categories' },
  { key: 'brands', label: 'Brands' },
] as const

/** A set of cart lines: any of these SKUs, categories or brands (all empty = every line). */
export function SelectorField({
  name,
  label,
  helper,
  onChanged,
}: {
  name: string
  label: string
  helper?: string | undefined
  onChanged?: () => void
}) {
  const { field, fieldState } = useController({ name })
  const catalog = useCatalogSuggestions()
  const selector = field.value as LineSelector
  return (
    <Box role="group" aria-label={label}>
      <Typography variant="body2" sx={{ fontWeight: 500, mb: 1 }}>
        {label}
      </Typography>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5}>
        {PARTS.map((part) => (
          <ChipsInput
            key={part.key}
            label={part.label}
            value={selector[part.key]}
            suggestions={catalog[part.key]}
            onChange={(value) => {
              field.onChange({ ...selector, [part.key]: value })
              onChanged?.()
            }}
            onBlur={field.onBlur}
            error={errorAt(fieldState.error, part.key)}
            sx={{ flex: 1, minWidth: 0 }}
          />
        ))}
      </Stack>
      {helper && <FormHelperText>{helper}</FormHelperText>}
    </Box>
  )
}
