import type { SxProps, Theme } from '@mui/material'
import { useController } from 'react-hook-form'
import { errorText } from '../campaign-editor/draft'
import type { NumberCodec } from '../campaign-editor/fields/codecs'
import { NumberText } from '../campaign-editor/fields/NumberText'

/**
 * A number field bound to the form at `name`: the form holds the number (NaN while the text is
 * not one), and the schema's message shows under the field.
 */
export function FormNumber({
  name,
  label,
  codec,
  helper,
  onChanged,
  sx = { width: 180 },
}: {
  name: string
  label: string
  codec: NumberCodec
  helper?: string
  /** Called after each change, so checks that span fields run at once. */
  onChanged?: () => void
  sx?: SxProps<Theme>
}) {
  // Not exact: checks run for the whole rule (trigger of its parent) must reach this field too.
  const { field, fieldState } = useController({ name, exact: false })
  return (
    <NumberText
      label={label}
      value={field.value as number | null}
      onChange={(value) => {
        field.onChange(value)
        onChanged?.()
      }}
      onBlur={field.onBlur}
      codec={codec}
      error={errorText(fieldState.error)}
      helper={helper}
      sx={sx}
    />
  )
}

/** A whole number with a unit after it: "days", "points", "sales". */
export function unitCodec(codec: NumberCodec, unit: string): NumberCodec {
  return { ...codec, key: `${codec.key}:${unit}`, unit }
}
