import {
  Box,
  Button,
  Checkbox,
  FormControlLabel,
  IconButton,
  Stack,
  TextField,
} from '@mui/material'
import AddIcon from '@mui/icons-material/Add'
import DeleteIcon from '@mui/icons-material/DeleteOutlined'
import TuneIcon from '@mui/icons-material/Tune'
import { useState } from 'react'
import { Controller, useFieldArray, useWatch, type UseFormReturn } from 'react-hook-form'
import { useBusiness } from '../../app/business-context'
import { moneyRule } from '../../parse'
import { MoneyField } from '../MoneyField'
import { emptyLine, type CartValues } from './cart-values'

/**
 * The lines of a cart: SKU, item, quantity and unit price, and behind "more" the category,
 * brand and sale flag that promotions may look at. Checkout and "try a cart" share it.
 */
export function CartLinesEditor<T extends CartValues>(props: { form: UseFormReturn<T> }) {
  // The form holds more fields; the lines are all this component touches.
  const { control, register, formState } = props.form as unknown as UseFormReturn<CartValues>
  const { currency } = useBusiness()
  const lines = useFieldArray({ control, name: 'lines' })
  const values = useWatch({ control, name: 'lines' })
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set())
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })
  return (
    <Stack spacing={1.5}>
      {lines.fields.map((field, index) => {
        const errors = formState.errors.lines?.[index]
        const line = values[index]
        const detailed = Boolean(line?.category || line?.brand || line?.onSale)
        return (
          <Box key={field.id} role="group" aria-label={`Line ${index + 1}`}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
              <TextField
                label="SKU"
                sx={{ width: 140, flexShrink: 0 }}
                {...register(`lines.${index}.sku`, { required: 'Enter a SKU.' })}
                error={Boolean(errors?.sku)}
              />
              <TextField
                label="Item"
                sx={{ flex: 1, minWidth: 80 }}
                {...register(`lines.${index}.name`)}
              />
              <TextField
                label="Qty"
                sx={{ width: 72, flexShrink: 0 }}
                {...register(`lines.${index}.quantity`, {
                  validate: (text) =>
                    /^\d+$/.test(text) && Number(text) >= 1 ? true : 'At least 1',
                })}
                error={Boolean(errors?.quantity)}
                slotProps={{ htmlInput: { inputMode: 'numeric' } }}
              />
              <MoneyField
                currency={currency}
                label="Unit price"
                sx={{ width: 150, flexShrink: 0 }}
                {...register(`lines.${index}.unitPrice`, {
                  validate: moneyRule(currency, { required: true }),
                })}
                error={Boolean(errors?.unitPrice)}
                helperText={errors?.unitPrice?.message}
              />
              <IconButton
                aria-label={`More for line ${index + 1}`}
                aria-expanded={open.has(field.id)}
                onClick={() => toggle(field.id)}
                color={detailed ? 'primary' : 'default'}
                sx={{ mt: 0.25 }}
              >
                <TuneIcon fontSize="small" />
              </IconButton>
              <IconButton
                aria-label={`Remove line ${index + 1}`}
                onClick={() => lines.remove(index)}
                disabled={lines.fields.length === 1}
                sx={{ mt: 0.25 }}
              >
                <DeleteIcon fontSize="small" />
              </IconButton>
            </Stack>
            {open.has(field.id) && (
              <Stack direction="row" spacing={1} sx={{ mt: 1, pl: 2, alignItems: 'center' }}>
                <TextField
                  label="Category"
                  sx={{ flex: 1 }}
                  {...register(`lines.${index}.category`)}
                />
                <TextField label="Brand" sx={{ flex: 1 }} {...register(`lines.${index}.brand`)} />
                <Controller
                  control={control}
                  name={`lines.${index}.onSale`}
                  render={({ field: onSale }) => (
                    <FormControlLabel
                      label="On sale"
                      sx={{ mr: 0 }}
                      control={
                        <Checkbox
                          size="small"
                          checked={onSale.value}
                          onChange={(event) => onSale.onChange(event.target.checked)}
                        />
                      }
                    />
                  )}
                />
              </Stack>
            )}
          </Box>
        )
      })}
      <Box>
        <Button startIcon={<AddIcon />} onClick={() => lines.append({ ...emptyLine })}>
          Add line
        </Button>
      </Box>
    </Stack>
  )
}
