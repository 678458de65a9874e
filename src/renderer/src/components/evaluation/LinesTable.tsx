import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material'
import type { EvaluatedLine } from '../../../../shared/contract/checkout'
import { formatBasisPoints } from '../../../../shared/money'
import { money } from '../../format'

/** The cart as priced: each line's discount split by promotion, its net and its tax. */
export function LinesTable({
  lines,
  campaignNames,
  currency,
  showTax,
}: {
  lines: EvaluatedLine[]
  campaignNames: ReadonlyMap<number, string>
  currency: string
  showTax: boolean
}) {
  return (
    <Table
      size="small"
      aria-label="Lines"
      sx={{ '& td, & th': { px: 1 }, '& td:first-of-type, & th:first-of-type': { pl: 0 } }}
    >
      <TableHead>
        <TableRow>
          <TableCell>Item</TableCell>
          <TableCell align="right">Qty</TableCell>
          <TableCell align="right">Amount</TableCell>
          <TableCell align="right">Discount</TableCell>
          <TableCell align="right">Net</TableCell>
          {showTax && <TableCell align="right">Tax</TableCell>}
        </TableRow>
      </TableHead>
      <TableBody>
        {lines.map((line, index) => (
          <TableRow key={index} sx={{ verticalAlign: 'top' }}>
            <TableCell>
              <Typography variant="body2">{line.name ?? line.sku}</Typography>
              {line.name && (
                <Typography
                  variant="caption"
                  color="text.secondary"
                  sx={{ fontFamily: 'monospace' }}
                >
                  {line.sku}
                </Typography>
              )}
            </TableCell>
            <TableCell align="right">{line.quantity}</TableCell>
            <TableCell align="right">{money(line.grossMinor, currency)}</TableCell>
            <TableCell align="right" data-testid={`line-${index}-discount`}>
              {line.discountMinor > 0 ? `−${money(line.discountMinor, currency)}` : '—'}
              {line.allocations.map((allocation) => (
                <Typography
                  key={allocation.campaignId}
                  variant="caption"
                  color="text.secondary"
                  component="div"
                  sx={{ whiteSpace: 'nowrap' }}
                >
                  {campaignNames.get(allocation.campaignId) ?? `Campaign ${allocation.campaignId}`}{' '}
                  −{money(allocation.discountMinor, currency)}
                </Typography>
              ))}
            </TableCell>
            <TableCell align="right" sx={{ fontWeight: 500 }}>
              {money(line.netMinor, currency)}
            </TableCell>
            {showTax && (
              <TableCell align="right">
                {money(line.taxMinor, currency)}
                <Typography variant="caption" color="text.secondary" component="div">
                  {formatBasisPoints(line.taxRateBp)}
                </Typography>
              </TableCell>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  )
}
