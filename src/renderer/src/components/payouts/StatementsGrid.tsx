import { Button, Chip, Link, Tooltip, Typography } from '@mui/material'
import { DataGrid, type GridColDef } from '@mui/x-data-grid'
import type { PayoutPeriod, Statement } from '../../../../shared/contract/payouts'
import { useBusiness } from '../../app/business-context'
import { money } from '../../format'

type MoneyField =
  | 'openingMinor'
  | 'accruedMinor'
  | 'reversedMinor'
  | 'adjustmentsMinor'
  | 'pendingMinor'
  | 'payableMinor'
  | 'paidMinor'
  | 'closingMinor'

const MONEY_COLUMNS: [MoneyField, string][] = [
  ['openingMinor', 'Opening'],
  ['accruedMinor', 'Accrued'],
  ['reversedMinor', 'Reversed'],
  ['adjustmentsMinor', 'Adjustments'],
  ['pendingMinor', 'Pending'],
  ['payableMinor', 'Payable'],
  ['paidMinor', 'Paid'],
  ['closingMinor', 'Closing'],
]

/** One row per promoter: how the period's balance was reached; a click shows the lines. */
export function StatementsGrid({
  period,
  statements,
  onOpen,
  onMarkPaid,
}: {
  period: PayoutPeriod
  statements: Statement[]
  onOpen: (statement: Statement) => void
  onMarkPaid: (statement: Statement) => void
}) {
  const business = useBusiness()
  const columns: GridColDef<Statement>[] = [
    {
      field: 'promoterName',
      headerName: 'Promoter',
      minWidth: 140,
      flex: 1.4,
      renderCell: ({ row }) => (
        <Link
          component="button"
          type="button"
          underline="hover"
          aria-label={`Lines of ${row.promoterName}’s statement`}
          onClick={(event) => {
            event.stopPropagation()
            onOpen(row)
          }}
          sx={{ fontWeight: 600, textAlign: 'left' }}
        >
          {row.promoterName}
        </Link>
      ),
    },
    ...MONEY_COLUMNS.map(([field, headerName]): GridColDef<Statement> => ({
      field,
      headerName,
      minWidth: 92,
      flex: 1,
      align: 'right',
      headerAlign: 'right',
      valueFormatter: (value: number) => money(value, business.currency),
      cellClassName: field === 'payableMinor' ? 'payable' : undefined,
    })),
    {
      field: 'paid',
      headerName: 'Payment',
      minWidth: 150,
      flex: 1.2,
      sortable: false,
      renderCell: ({ row }) => (
        <PaymentCell period={period} statement={row} onMarkPaid={onMarkPaid} />
      ),
    },
  ]
  return (
    <DataGrid
      aria-label="Statements"
      rows={statements}
      columns={columns}
      getRowId={(row) => row.promoterId}
      onRowClick={({ row }) => onOpen(row)}
      initialState={{ pagination: { paginationModel: { pageSize: 25 } } }}
      pageSizeOptions={[25, 50, 100]}
      disableRowSelectionOnClick
      disableColumnFilter
      density="compact"
      autoHeight
      localeText={{ noRowsLabel: 'No promoter earned anything in this period.' }}
      sx={{
        border: 'none',
        '& .MuiDataGrid-row': { cursor: 'pointer' },
        '& .payable': { fontWeight: 600 },
      }}
    />
  )
}

function PaymentCell({
  period,
  statement,
  onMarkPaid,
}: {
  period: PayoutPeriod
  statement: Statement
  onMarkPaid: (statement: Statement) => void
}) {
  if (statement.paid)
    return (
      <Tooltip title={`Reference ${statement.paid.reference}`}>
        <Chip size="small" color="success" label={`Paid ${statement.paid.paidOn}`} />
      </Tooltip>
    )
  if (period.status === 'open')
    return (
      <Typography variant="body2" color="text.secondary" sx={{ lineHeight: 'inherit' }}>
        After closing
      </Typography>
    )
  if (statement.payableMinor <= 0)
    return (
      <Typography variant="body2" color="text.secondary" sx={{ lineHeight: 'inherit' }}>
        Nothing to pay
      </Typography>
    )
  return (
    <Button
      size="small"
      variant="outlined"
      aria-label={`Mark ${statement.promoterName} paid`}
      onClick={(event) => {
        event.stopPropagation()
        onMarkPaid(statement)
      }}
    >
      Mark paid
    </Button>
  )
}
