import {
  Alert,
  Box,
  Chip,
  Stack,
  ToggleButton,
  ToggleButtonGroup,
  Tooltip,
  Typography,
} from '@mui/material'
import { DataGrid, type GridColDef, type GridPaginationModel } from '@mui/x-data-grid'
import FlagIcon from '@mui/icons-material/Flag'
import { useState, type ReactNode } from 'react'
import {
  ORDER_REJECTION_LABELS,
  type OrderImportRow,
  type OrderImportRun,
} from '../../../../shared/contract/order-imports'
import { useBusiness } from '../../app/business-context'
import { count, money } from '../../format'
import { useApiQuery } from '../../hooks/use-api'
import { FIRST_PAGE } from '../ServerGrid'

type Show = 'all' | 'accepted' | 'rejected' | 'flagged'

const STATUS_CHIP: Record<
  OrderImportRow['status'],
  { label: string; color: 'default' | 'success' | 'error' }
> = {
  will_import: { label: 'Will import', color: 'default' },
  imported: { label: 'Imported', color: 'success' },
  rejected: { label: 'Rejected', color: 'error' },
}

/**
 * What a checked file holds: counts and sums, then its orders page by page (all, accepted,
 * rejected or flagged), each with its status and, when rejected, the reason.
 */
export function ImportPreview({ run, actions }: { run: OrderImportRun; actions: ReactNode }) {
  const business = useBusiness()
  const [show, setShow] = useState<Show>('all')
  const [paging, setPaging] = useState<GridPaginationModel>(FIRST_PAGE)
  const rows = useApiQuery('orderImports.rows', {
    businessId: business.id,
    importId: run.id,
    show,
    page: paging.page,
    pageSize: paging.pageSize,
  })
  const amount = (value: number | null) => (value === null ? '—' : money(value, business.currency))
  const { counts } = run
  const done = run.status === 'done'

  const columns: GridColDef<OrderImportRow>[] = [
    {
      field: 'row',
      headerName: 'Row',
      width: 58,
      valueGetter: (_value, row) =>
        row.lastRow > row.row ? `${row.row}–${row.lastRow}` : String(row.row),
    },
    {
      field: 'orderRef',
      headerName: 'Order',
      width: 96,
      valueFormatter: (value: string | null) => value ?? '—',
    },
    {
      field: 'occurredAt',
      headerName: 'Date',
      width: 132,
      valueFormatter: (value: number | null) => shortDateTime(value, business.timeZone),
    },
    {
      field: 'customerLabel',
      headerName: 'Customer',
      flex: 1,
      minWidth: 130,
      valueFormatter: (value: string | null) => value ?? '—',
    },
    {
      field: 'codes',
      headerName: 'Codes',
      width: 96,
      sortable: false,
      renderCell: ({ row }) =>
        row.codes.length > 0 ? (
          <Box sx={{ fontFamily: 'monospace', fontWeight: 600 }}>{row.codes.join(' ')}</Box>
        ) : (
          '—'
        ),
    },
    { field: 'subtotalMinor', headerName: 'Items', width: 84, ...AMOUNT, valueFormatter: amount },
    {
      field: 'discountMinor',
      headerName: 'Discount · engine',
      width: 128,
      ...AMOUNT,
      renderCell: ({ row }) => <DiscountCell row={row} amount={amount} />,
    },
    { field: 'totalMinor', headerName: 'Total', width: 84, ...AMOUNT, valueFormatter: amount },
    {
      field: 'status',
      headerName: 'Outcome',
      flex: 3,
      minWidth: 300,
      sortable: false,
      renderCell: ({ row }) => <Outcome row={row} />,
    },
  ]

  return (
    <Box>
      <Stack
        direction="row"
        spacing={2}
        sx={{ mb: 2, flexWrap: 'wrap', rowGap: 1 }}
        aria-label="Import summary"
      >
        <Figure label="Orders" value={count(counts.orders)} />
        <Figure
          label={done ? 'Imported' : 'To import'}
          value={count(done ? run.imported : counts.accepted)}
          tone="success"
        />
        <Figure
          label="Rejected"
          value={count(counts.rejected)}
          tone={counts.rejected > 0 ? 'error' : undefined}
        />
        <Figure
          label="Flagged discounts"
          value={count(counts.flagged)}
          tone={counts.flagged > 0 ? 'warning' : undefined}
        />
        <Figure
          label={done ? 'Total imported' : 'Total to import'}
          value={money(
            done ? run.importedTotalMinor : counts.acceptedTotalMinor,
            business.currency,
          )}
        />
        <Box sx={{ flexGrow: 1 }} />
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          {actions}
        </Stack>
      </Stack>
      <RunAlert run={run} />
      <ToggleButtonGroup
        size="small"
        exclusive
        value={show}
        onChange={(_event, next: Show | null) => {
          if (!next) return
          setShow(next)
          setPaging((current) => ({ ...current, page: 0 }))
        }}
        aria-label="Show orders"
        sx={{ mb: 1 }}
      >
        <ToggleButton value="all">All {count(counts.orders)}</ToggleButton>
        <ToggleButton value="accepted">
          {done ? 'Imported' : 'To import'} {count(counts.accepted)}
        </ToggleButton>
        <ToggleButton value="rejected">Rejected {count(counts.rejected)}</ToggleButton>
        <ToggleButton value="flagged">Flagged {count(counts.flagged)}</ToggleButton>
      </ToggleButtonGroup>
      {/* ServerGrid's setup, with rows as tall as their reason needs: it is what matters here. */}
      <DataGrid
        aria-label="Orders in the file"
        rows={rows.data?.rows ?? []}
        getRowId={(row) => row.seq}
        columns={columns}
        rowCount={rows.data?.total ?? 0}
        loading={rows.isFetching && !rows.data}
        paginationMode="server"
        paginationModel={paging}
        onPaginationModelChange={setPaging}
        pageSizeOptions={[25, 50, 100]}
        disableRowSelectionOnClick
        disableColumnFilter
        disableColumnSorting
        density="compact"
        getRowHeight={() => 'auto'}
        autoHeight
        localeText={{
          noRowsLabel: show === 'rejected' ? 'No order is rejected.' : 'No order here.',
        }}
        sx={{
          border: 'none',
          '& .MuiDataGrid-cell': { py: 0.75, alignItems: 'center', display: 'flex' },
        }}
      />
    </Box>
  )
}

const AMOUNT = { align: 'right', headerAlign: 'right' } as const

const shortFormats = new Map<string, Intl.DateTimeFormat>()

/** 2026-03-05 14:30 in the business's zone: a file's dates, compact enough for a busy grid. */
function shortDateTime(instant: number | null, timeZone: string): string {
  if (instant === null) return '—'
  let format = shortFormats.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'short' })
    shortFormats.set(timeZone, format)
  }
  return format.format(instant)
}

/** The file's discount, and under it the engine's figure; flagged when they differ. */
function DiscountCell({
  row,
  amount,
}: {
  row: OrderImportRow
  amount: (value: number | null) => string
}) {
  const engine = row.engineDiscountMinor
  return (
    <Box sx={{ textAlign: 'right', lineHeight: 1.3 }}>
      {row.flagged ? (
        <Tooltip
          title={`The engine would have given ${amount(engine)}; the file's discount is recorded as given.`}
        >
          <Box
            component="span"
            aria-label={`Flagged: the engine would give ${amount(engine)}`}
            sx={{
              color: 'warning.dark',
              fontWeight: 600,
              display: 'inline-flex',
              alignItems: 'center',
              gap: 0.5,
            }}
          >
            <FlagIcon fontSize="inherit" />
            {amount(row.discountMinor)}
          </Box>
        </Tooltip>
      ) : (
        amount(row.discountMinor)
      )}
      {engine !== null && (
        <Typography
          variant="caption"
          component="div"
          color={row.flagged ? 'warning.dark' : 'text.secondary'}
        >
          engine {amount(engine)}
        </Typography>
      )}
    </Box>
  )
}

/** The order's status, and for a rejected or flagged one, why. */
function Outcome({ row }: { row: OrderImportRow }) {
  const chip = STATUS_CHIP[row.status]
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start', minWidth: 0 }}>
      <Chip
        size="small"
        label={chip.label}
        color={chip.color}
        variant={row.status === 'will_import' ? 'outlined' : 'filled'}
        sx={{ flexShrink: 0 }}
      />
      {row.reason ? (
        <Typography variant="body2" sx={{ minWidth: 0, whiteSpace: 'normal', lineHeight: 1.4 }}>
          <b>{ORDER_REJECTION_LABELS[row.reason]}</b> — {row.message}
        </Typography>
      ) : (
        row.flagged && (
          <Typography
            variant="body2"
            color="warning.dark"
            sx={{ whiteSpace: 'normal', lineHeight: 1.4 }}
          >
            Discount differs from the engine’s
          </Typography>
        )
      )}
    </Stack>
  )
}

function RunAlert({ run }: { run: OrderImportRun }) {
  const n = count
  if (run.status === 'checked')
    return (
      <Alert severity={run.counts.accepted > 0 ? 'info' : 'warning'} sx={{ mb: 2 }}>
        {run.counts.accepted > 0
          ? `Nothing is written until you import. The ${n(run.counts.accepted)} accepted orders go to the ledger, each whole or not at all; rejected orders are left out and listed in the error report.`
          : 'No order of this file can be imported: see the reasons below.'}
      </Alert>
    )
  if (run.status === 'cancelled')
    return (
      <Alert severity="warning" sx={{ mb: 2 }}>
        Stopped after {n(run.processed)} of {n(run.counts.orders)} orders: the {n(run.imported)}{' '}
        imported so far are in the ledger, each complete. Import again to resume where it stopped.
      </Alert>
    )
  if (run.status === 'importing')
    return (
      <Alert severity="warning" sx={{ mb: 2 }}>
        {n(run.processed)} of {n(run.counts.orders)} orders handled so far. If the import is not
        running any more (the app was closed), import again to resume where it stopped.
      </Alert>
    )
  if (run.status === 'done')
    return (
      <Alert severity="success" sx={{ mb: 2 }}>
        {run.message}
      </Alert>
    )
  return null
}

function Figure({
  label,
  value,
  tone,
}: {
  label: string
  value: string
  tone?: 'success' | 'error' | 'warning'
}) {
  return (
    <Box
      sx={{
        px: 2,
        py: 1,
        minWidth: 112,
        border: 1,
        borderColor: tone ? `${tone}.light` : 'divider',
        borderRadius: 1,
        bgcolor: 'background.paper',
      }}
    >
      <Typography variant="caption" color="text.secondary">
        {label}
      </Typography>
      <Typography variant="h6" color={tone ? `${tone}.dark` : 'text.primary'}>
        {value}
      </Typography>
    </Box>
  )
}
