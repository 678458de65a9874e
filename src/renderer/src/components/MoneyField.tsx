import { InputAdornment, TextField, type TextFieldProps } from '@mui/material'
import { forwardRef } from 'react'

/** A text input for an amount in the business's currency; parsing happens with parseMoney on submit. */
export const MoneyField = forwardRef<HTMLDivElement, TextFieldProps & { currency: string }>(
  function MoneyField({ currency, slotProps, ...props }, ref) {
    return (
      <TextField
        ref={ref}
        {...props}
        slotProps={{
          ...slotProps,
          input: { endAdornment: <InputAdornment position="end">{currency}</InputAdornment> },
          htmlInput: { inputMode: 'decimal' },
        }}
      />
    )
  },
)
