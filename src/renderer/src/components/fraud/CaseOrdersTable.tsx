import {
  Box,
  Chip,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
} from '@mui/material'
import type { FraudCaseOrder } from '../../../../shared/contract/fraud'
import { useBusiness } from '../../app/business-context'
import { dateTime, money } from '../../format'
import { evidenceLabel } from './fraud-labels'

/** The orders behind a case, each with the values that matched (as chips). */
export function CaseOrdersTable({ orders }: { orders: FraudCaseOrder[] }) {
  const business = useBusiness()
  const amount = (minor: number) => money(minor, business.currency)
  return (
    <TableContainer sx={{ border: 1, borderColor: 'divider', borderRadius: 1 }}>
      <Table size="small" aria-label="Orders and evidence">
        <TableHead>
          <TableRow sx={{ '& th': { fontWeight: 600, whiteSpace: 'nowrap' } }}>
            <TableCell>Order</TableCell>
            <TableCell sx={{ width: '100%' }}>Customer and matching values</TableCell>
            <TableCell>Codes</TableCell>
            <TableCell align="right">Total</TableCell>
            <TableCell align="right">Discount</TableCell>
            <TableCell align="right">Commission</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {orders.map((order) => (
            <TableRow
              key={order.entryId}
              sx={{ verticalAlign: 'top', '& td': { whiteSpace: 'nowrap' } }}
            >
              <TableCell>
                <Box sx={{ fontWeight: 600 }}>{order.orderRef}</Box>
                <Box sx={{ color: 'text.secondary', fontSize: 12 }}>
                  {dateTime(order.occurredAt, business.timeZone)}
                </Box>
              </TableCell>
              <TableCell sx={{ maxWidth: 0, '&&': { whiteSpace: 'normal' } }}>
                <Box sx={{ overflowWrap: 'anywhere' }}>{order.customerLabel ?? '—'}</Box>
                <Stack
                  direction="row"
                  spacing={0.5}
                  useFlexGap
                  sx={{ flexWrap: 'wrap', mt: 0.5 }}
                  aria-label={`Matching values of ${order.orderRef}`}
                >
                  {order.evidence.map((item) => (
                    <Chip
                      key={`${item.field}:${item.value}`}
                      size="small"
                      color="warning"
                      variant="outlined"
                      label={`${evidenceLabel(item.field)}: ${item.value}`}
                      title={`${evidenceLabel(item.field)}: ${item.value}`}
                      sx={{ maxWidth: '100%' }}
                    />
                  ))}
                </Stack>
              </TableCell>
              <TableCell sx={{ fontFamily: 'monospace', fontWeight: 600 }}>
                {order.codes.join(', ') || '—'}
              </TableCell>
              <TableCell align="right">{amount(order.totalMinor)}</TableCell>
              <TableCell align="right">{amount(order.discountMinor)}</TableCell>
              <TableCell align="right">{amount(order.commissionMinor)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  )
}
