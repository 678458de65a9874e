import ExpandMoreIcon from '@mui/icons-material/ExpandMore'
import {
  Accordion,
  AccordionDetails,
  AccordionSummary,
  Stack,
  TextField,
  Typography,
} from '@mui/material'
import { useWatch, type UseFormReturn } from 'react-hook-form'

/** Where an order came from, as the checkout form holds it. */
export interface OrderContextValues {
  ip: string
  deviceId: string
  address: string
}

const FIELDS = [
  { name: 'ip', label: 'IP address', max: 64, width: 160 },
  { name: 'deviceId', label: 'Device id', max: 128, width: 180 },
  { name: 'address', label: 'Delivery address', max: 300, width: undefined },
] as const

/**
 * The order's IP address, device id and delivery address, folded away: optional, and only
 * used by the fraud signals (the same device behind several customers, blocked IPs…).
 */
export function OrderContextFields<T extends OrderContextValues>(props: {
  form: UseFormReturn<T>
}) {
  // The form holds more fields; these three are all this component touches.
  const { control, register, formState } =
    props.form as unknown as UseFormReturn<OrderContextValues>
  const values = useWatch({ control })
  const filled = FIELDS.filter((field) => values[field.name]?.trim()).length
  return (
    <Accordion
      disableGutters
      variant="outlined"
      sx={{ '&::before': { display: 'none' }, borderRadius: 1 }}
    >
      <AccordionSummary expandIcon={<ExpandMoreIcon />} aria-controls="order-context">
        <Typography variant="body2" sx={{ fontWeight: 500 }}>
          Fraud signals (optional)
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ ml: 1.5 }}>
          {filled > 0 ? `${filled} of 3 filled` : 'IP address, device id, delivery address'}
        </Typography>
      </AccordionSummary>
      <AccordionDetails id="order-context">
        <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
          {FIELDS.map((field) => (
            <TextField
              key={field.name}
              label={field.label}
              sx={field.width ? { width: field.width, flexShrink: 0 } : { flex: 1 }}
              {...register(field.name, {
                maxLength: { value: field.max, message: `At most ${field.max} characters.` },
              })}
              error={Boolean(formState.errors[field.name])}
              helperText={formState.errors[field.name]?.message}
            />
          ))}
        </Stack>
        <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>
          Recorded with the sale for fraud review; a blocked IP address or device is refused.
        </Typography>
      </AccordionDetails>
    </Accordion>
  )
}
