import { Box, Divider, Stack, Typography } from '@mui/material'
import type { OrderTotals } from '../../../../shared/contract/checkout'
import { money } from '../../format'

function Total({
  label,
  value,
  id,
  strong = false,
  muted = false,
}: {
  label: string
  value: string
  id: string
  strong?: boolean
  muted?: boolean
}) {
  const variant = strong ? 'h6' : 'body2'
  return (
    <Box
      sx={{
        display: 'flex',
        justifyContent: 'space-between',
        color: muted ? 'text.secondary' : undefined,
      }}
    >
      <Typography variant={variant}>{label}</Typography>
      <Typography variant={variant} data-testid={`total-${id}`}>
        {value}
      </Typography>
    </Box>
  )
}

const minus = (minor: number, currency: string) =>
  minor > 0 ? `−${money(minor, currency)}` : money(0, currency)

/** Subtotal to total; inclusive tax is shown as contained in the prices, not added. */
export function TotalsList({
  totals,
  currency,
  showTax,
}: {
  totals: OrderTotals
  currency: string
  showTax: boolean
}) {
  const inclusive = totals.taxMode === 'inclusive'
  return (
    <Stack spacing={0.5} aria-label="Totals">
      <Total id="subtotal" label="Subtotal" value={money(totals.subtotalMinor, currency)} />
      <Total id="discount" label="Discount" value={minus(totals.discountMinor, currency)} />
      <Total id="shipping" label="Shipping" value={money(totals.shippingMinor, currency)} />
      {totals.shippingDiscountMinor > 0 && (
        <Total
          id="shipping-discount"
          label="Shipping discount"
          value={minus(totals.shippingDiscountMinor, currency)}
        />
      )}
      {showTax && (
        <Total
          id="tax"
          label={inclusive ? 'Tax (incl.)' : 'Tax'}
          value={money(totals.taxMinor, currency)}
          muted={inclusive}
        />
      )}
      <Divider sx={{ my: 0.5 }} />
      <Total id="total" label="Total" value={money(totals.totalMinor, currency)} strong />
    </Stack>
  )
}
