import {
  Chip,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
} from '@mui/material'
import type { PayoutPeriod } from '../../../../shared/contract/payouts'
import { useBusiness } from '../../app/business-context'
import { count, money } from '../../format'

export function PeriodStatusChip({ period }: { period: PayoutPeriod }) {
  return period.status === 'closed' ? (
    <Chip size="small" label="Closed" color="default" />
  ) : (
    <Chip size="small" label="Open" color="info" variant="outlined" />
  )
}

/** The payout periods with activity, newest first; a click shows that period's statements. */
export function PeriodsTable({
  periods,
  selected,
  onSelect,
}: {
  periods: PayoutPeriod[]
  selected: string | null
  onSelect: (periodKey: string) => void
}) {
  const { currency } = useBusiness()
  return (
    <TableContainer component={Paper} sx={{ mb: 3 }}>
      <Table size="small" aria-label="Payout periods">
        <TableHead>
          <TableRow>
            <TableCell>Period</TableCell>
            <TableCell>Status</TableCell>
            <TableCell align="right">Promoters</TableCell>
            <TableCell align="right">Earned</TableCell>
            <TableCell align="right">Payable</TableCell>
            <TableCell align="right">Paid</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {periods.map((period) => (
            <TableRow
              key={period.periodKey}
              hover
              selected={period.periodKey === selected}
              onClick={() => onSelect(period.periodKey)}
              sx={{ cursor: 'pointer' }}
              aria-selected={period.periodKey === selected}
            >
              <TableCell sx={{ fontWeight: 600 }}>{period.label}</TableCell>
              <TableCell>
                <PeriodStatusChip period={period} />
              </TableCell>
              <TableCell align="right">{count(period.promoters)}</TableCell>
              <TableCell align="right">{money(period.earnedMinor, currency)}</TableCell>
              <TableCell align="right">{money(period.payableMinor, currency)}</TableCell>
              <TableCell align="right">{money(period.paidMinor, currency)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  )
}
