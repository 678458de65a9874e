import {
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  Typography,
} from '@mui/material'
import type { GridPaginationModel } from '@mui/x-data-grid'
import { useId, useState } from 'react'
import type { PayoutPeriod, Statement, StatementLine } from '../../../../shared/contract/payouts'
import { useBusiness } from '../../app/business-context'
import { money } from '../../format'
import { useApiQuery } from '../../hooks/use-api'
import { ErrorAlert } from '../ErrorAlert'
import { FIRST_PAGE, ServerGrid } from '../ServerGrid'
import { commissionColumns } from '../commissions/commission-columns'

const TYPE_CHIPS: Record<
  StatementLine['type'],
  { label: string; color: 'default' | 'warning' | 'secondary' }
> = {
  sale: { label: 'Sale', color: 'default' },
  reversal: { label: 'Reversal', color: 'warning' },
  adjustment: { label: 'Adjustment', color: 'secondary' },
}

/** The sales, reversals and adjustments behind one promoter's statement for one period. */
export function StatementLinesDialog({
  period,
  statement,
  onClose,
}: {
  period: PayoutPeriod
  statement: Statement
  onClose: () => void
}) {
  const business = useBusiness()
  const titleId = useId()
  const [paging, setPaging] = useState<GridPaginationModel>(FIRST_PAGE)
  const lines = useApiQuery('payouts.lines', {
    businessId: business.id,
    periodKey: period.periodKey,
    promoterId: statement.promoterId,
    page: paging.page,
    pageSize: paging.pageSize,
  })
  const columns = commissionColumns<StatementLine>(business, [
    {
      field: 'type',
      headerName: 'Type',
      width: 120,
      renderCell: ({ row }) => <Chip size="small" variant="outlined" {...TYPE_CHIPS[row.type]} />,
    },
  ])
  const figure = (label: string, minor: number) => (
    <div key={label}>
      <Typography variant="caption" color="text.secondary" component="div">
        {label}
      </Typography>
      <Typography variant="body1" component="div">
        {money(minor, business.currency)}
      </Typography>
    </div>
  )
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="lg" aria-labelledby={titleId}>
      <DialogTitle id={titleId}>
        {statement.promoterName} · {period.label}
      </DialogTitle>
      <DialogContent>
        <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap', mb: 2 }}>
          {figure('Opening', statement.openingMinor)}
          {figure('Accrued', statement.accruedMinor)}
          {figure('Reversed', statement.reversedMinor)}
          {figure('Adjustments', statement.adjustmentsMinor)}
          {figure('Pending', statement.pendingMinor)}
          {figure('Payable', statement.payableMinor)}
          {figure('Paid', statement.paidMinor)}
          {figure('Closing', statement.closingMinor)}
        </Stack>
        {statement.paid && (
          <Typography variant="body2" color="success.dark" sx={{ mb: 1 }}>
            Paid on {statement.paid.paidOn}, reference {statement.paid.reference}.
          </Typography>
        )}
        <ErrorAlert error={lines.error} />
        <ServerGrid
          label="Statement lines"
          rows={lines.data?.rows.map((row) => ({ ...row, id: row.commissionId })) ?? []}
          columns={columns}
          total={lines.data?.total ?? 0}
          loading={lines.isFetching && !lines.data}
          paging={paging}
          onPagingChange={setPaging}
          emptyLabel="No sales or adjustments in this period."
        />
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={onClose}>
          Close
        </Button>
      </DialogActions>
    </Dialog>
  )
}
