import { InputAdornment, TextField, type SxProps, type Theme } from '@mui/material'
import { useState } from 'react'
import type { NumberCodec } from './codecs'

interface NumberTextProps {
  label: string
  /** null: empty (only when `nullable`); NaN: text that is not a number. */
  value: number | null
  onChange: (value: number | null) => void
  codec: NumberCodec
  nullable?: boolean
  error?: string | undefined
  helper?: string | undefined
  onBlur?: () => void
  sx?: SxProps<Theme>
}

function textOf(value: number | null, codec: NumberCodec): string {
  return value === null || Number.isNaN(value) ? '' : codec.format(value)
}

/**
 * A number typed as text (money, percent, count). The form holds the number; the text the user
 * is typing stays as typed ("12." is not reformatted) until the value changes from outside.
 */
export function NumberText({
  label,
  value,
  onChange,
  codec,
  nullable = false,
  error,
  helper,
  onBlur,
  sx,
}: NumberTextProps) {
  const [text, setText] = useState(() => textOf(value, codec))
  const shownKey = `${codec.key}|${String(value)}`
  const [syncedKey, setSyncedKey] = useState(shownKey)
  if (shownKey !== syncedKey) {
    setSyncedKey(shownKey)
    setText(textOf(value, codec))
  }
  const blank = text.trim() === ''
  const ownError = blank
    ? nullable
      ? undefined
      : codec.empty
    : codec.parse(text) === null
      ? codec.invalid
      : undefined
  const message = ownError ?? error
  return (
    <TextField
      label={label}
      value={text}
      sx={sx}
      onChange={(event) => {
        const next = event.target.value
        const parsed = next.trim() === '' ? (nullable ? null : NaN) : (codec.parse(next) ?? NaN)
        setText(next)
        setSyncedKey(`${codec.key}|${String(parsed)}`)
        onChange(parsed)
      }}
      onBlur={onBlur}
      error={Boolean(message)}
      helperText={message ?? helper}
      slotProps={{
        input: codec.unit
          ? { endAdornment: <InputAdornment position="end">{codec.unit}</InputAdornment> }
          : {},
        htmlInput: { inputMode: 'decimal' },
      }}
    />
  )
}
