import { Autocomplete, Chip, TextField, type SxProps, type Theme } from '@mui/material'
import { useState } from 'react'

interface ChipsInputProps {
  label: string
  value: readonly string[]
  onChange: (value: string[]) => void
  /** Offered while typing; anything else can be typed too. */
  suggestions?: readonly string[]
  error?: string | undefined
  helper?: string | undefined
  placeholder?: string
  onBlur?: () => void
  sx?: SxProps<Theme>
}

const SEPARATORS = /[,;\n]/

function merge(current: readonly string[], added: readonly string[]): string[] {
  const next = [...current]
  for (const text of added.map((item) => item.trim())) {
    if (text && !next.includes(text)) next.push(text)
  }
  return next
}

/**
 * A list of short texts (SKUs, segments, emails) shown as chips. Enter, a comma or leaving the
 * field adds what was typed, so nothing typed is silently lost.
 */
export function ChipsInput({
  label,
  value,
  onChange,
  suggestions = [],
  error,
  helper,
  placeholder,
  onBlur,
  sx,
}: ChipsInputProps) {
  const [input, setInput] = useState('')
  return (
    <Autocomplete
      multiple
      freeSolo
      size="small"
      sx={sx}
      options={suggestions.filter((option) => !value.includes(option))}
      value={[...value]}
      inputValue={input}
      onInputChange={(_event, text, reason) => {
        if (reason === 'input' && SEPARATORS.test(text)) {
          const parts = text.split(SEPARATORS)
          const rest = parts.pop() ?? ''
          onChange(merge(value, parts))
          setInput(rest)
          return
        }
        setInput(text)
      }}
      onChange={(_event, next) => onChange(merge([], next.map(String)))}
      onBlur={() => {
        if (input.trim()) {
          onChange(merge(value, [input]))
          setInput('')
        }
        onBlur?.()
      }}
      renderValue={(items, getItemProps) =>
        items.map((item, index) => {
          const { key, ...itemProps } = getItemProps({ index })
          return <Chip key={key} size="small" label={String(item)} {...itemProps} />
        })
      }
      renderInput={(params) => (
        <TextField
          {...params}
          label={label}
          placeholder={value.length === 0 ? placeholder : undefined}
          error={Boolean(error)}
          helperText={error ?? helper}
        />
      )}
    />
  )
}
