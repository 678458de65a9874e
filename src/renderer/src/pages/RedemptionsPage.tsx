import UndoIcon from '@mui/icons-material/Undo'
import PersonSearchIcon from '@mui/icons-material/PersonSearchOutlined'
import {
  Box,
  Chip,
  IconButton,
  MenuItem,
  Paper,
  Stack,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material'
import type { GridColDef, GridPaginationModel } from '@mui/x-data-grid'
import { useState } from 'react'
import type { RedemptionRow } from '../../../shared/contract/redemptions'
import { useBusiness } from '../app/business-context'
import { AttributionDialog } from '../components/AttributionDialog'
import { call } from '../api-client'
import { ErrorAlert } from '../components/ErrorAlert'
import { ExportButton } from '../components/ExportButton'
import { PageHeader } from '../components/PageHeader'
import { ReverseSaleDialog } from '../components/ReverseSaleDialog'
import { FIRST_PAGE, ServerGrid } from '../components/ServerGrid'
import { CHANNEL_LABELS, count, dateTime, money } from '../format'
import { useApiQuery } from '../hooks/use-api'
import { useDebounced } from '../hooks/use-debounced'

export default function RedemptionsPage() {
  const business = useBusiness()
  const [paging, setPaging] = useState<GridPaginationModel>(FIRST_PAGE)
  const [code, setCode] = useState('')
  const [promoterId, setPromoterId] = useState('')
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [exportError, setExportError] = useState<Error | null>(null)
  const [reversing, setReversing] = useState<number | null>(null)
  const [explaining, setExplaining] = useState<RedemptionRow | null>(null)
  const promoters = useApiQuery('promoters.list', { businessId: business.id })
  const filter = {
    businessId: business.id,
    code: useDebounced(code.trim()) || undefined,
    promoterId: promoterId ? Number(promoterId) : undefined,
    from: from || undefined,
    to: to || undefined,
  }
  const history = useApiQuery('redemptions.list', {
    ...filter,
    page: paging.page,
    pageSize: paging.pageSize,
  })
  const totals = history.data?.totals
  const firstPage = (apply: () => void) => {
    apply()
    setPaging((current) => ({ ...current, page: 0 }))
  }

  const columns: GridColDef<RedemptionRow>[] = [
    {
      field: 'occurredAt',
      headerName: 'When',
      width: 160,
      valueFormatter: (value: number) => dateTime(value, business.timeZone),
    },
    {
      field: 'orderRef',
      headerName: 'Order',
      minWidth: 150,
      flex: 1.2,
      renderCell: ({ row }) => (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', height: '100%' }}>
          <span>{row.orderRef}</span>
          {row.kind !== 'sale' && (
            <Chip
              size="small"
              color="warning"
              variant="outlined"
              label={row.kind === 'void' ? 'Void' : 'Refund'}
            />
          )}
        </Stack>
      ),
    },
    {
      field: 'code',
      headerName: 'Code',
      width: 125,
      renderCell: ({ value }) => (
        <Box sx={{ fontFamily: 'monospace', fontWeight: 600 }}>{value as string}</Box>
      ),
    },
    {
      field: 'promoterName',
      headerName: 'Promoter',
      minWidth: 110,
      flex: 1,
      valueFormatter: (value: string | null) => value ?? '—',
    },
    {
      field: 'customerLabel',
      headerName: 'Customer',
      minWidth: 140,
      flex: 1.3,
      valueFormatter: (value: string | null) => value ?? '—',
    },
    {
      field: 'channel',
      headerName: 'Channel',
      width: 85,
      valueFormatter: (value: RedemptionRow['channel']) => CHANNEL_LABELS[value],
    },
    ...(['subtotalMinor', 'discountMinor', 'totalMinor'] as const).map(
      (field): GridColDef<RedemptionRow> => ({
        field,
        headerName:
          field === 'subtotalMinor' ? 'Subtotal' : field === 'discountMinor' ? 'Discount' : 'Total',
        width: 100,
        align: 'right',
        headerAlign: 'right',
        valueFormatter: (value: number) => money(value, business.currency),
      }),
    ),
    {
      field: 'actions',
      headerName: '',
      width: 84,
      sortable: false,
      renderCell: ({ row }) =>
        row.kind === 'sale' ? (
          <>
            <Tooltip title="Who earned this sale">
              <IconButton
                size="small"
                aria-label={`Who earned order ${row.orderRef}`}
                onClick={() => setExplaining(row)}
              >
                <PersonSearchIcon fontSize="small" />
              </IconButton>
            </Tooltip>
            <Tooltip title="Refund or void">
              <IconButton
                size="small"
                aria-label={`Refund or void order ${row.orderRef}`}
                onClick={() => setReversing(row.entryId)}
              >
                <UndoIcon fontSize="small" />
              </IconButton>
            </Tooltip>
          </>
        ) : null,
    },
  ]

  return (
    <>
      <PageHeader
        title="Redemptions"
        subtitle="Every sale made with a code, and every refund or void of one, from the append-only ledger."
        actions={
          <ExportButton
            label="Export to Excel"
            start={() => call('exports.redemptions', filter)}
            onError={setExportError}
          />
        }
      />
      <ErrorAlert error={history.error ?? exportError} />
      <Paper sx={{ p: 2, mb: 2 }}>
        <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
          <TextField
            label="Code"
            value={code}
            onChange={(event) => firstPage(() => setCode(event.target.value))}
            sx={{ width: 170 }}
          />
          <TextField
            select
            label="Promoter"
            value={promoterId}
            onChange={(event) => firstPage(() => setPromoterId(event.target.value))}
            sx={{ width: 200 }}
          >
            <MenuItem value="">All promoters</MenuItem>
            {(promoters.data ?? []).map((promoter) => (
              <MenuItem key={promoter.id} value={String(promoter.id)}>
                {promoter.name}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            label="From"
            type="date"
            value={from}
            onChange={(event) => firstPage(() => setFrom(event.target.value))}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <TextField
            label="To"
            type="date"
            value={to}
            onChange={(event) => firstPage(() => setTo(event.target.value))}
            slotProps={{ inputLabel: { shrink: true } }}
          />
        </Stack>
      </Paper>
      <Stack direction="row" spacing={2} sx={{ mb: 2 }} aria-label="Totals">
        <Figure label="Uses" value={totals ? count(totals.uses) : '…'} />
        <Figure
          label="Revenue"
          value={totals ? money(totals.revenueMinor, business.currency) : '…'}
        />
        <Figure
          label="Discount given"
          value={totals ? money(totals.discountMinor, business.currency) : '…'}
        />
      </Stack>
      <Paper sx={{ p: 1 }}>
        <ServerGrid
          label="Redemption history"
          rows={history.data?.rows ?? []}
          columns={columns}
          total={history.data?.total ?? 0}
          loading={history.isFetching && !history.data}
          paging={paging}
          onPagingChange={setPaging}
          emptyLabel="No redemptions match."
        />
      </Paper>
      {reversing !== null && (
        <ReverseSaleDialog entryId={reversing} onClose={() => setReversing(null)} />
      )}
      {explaining && (
        <AttributionDialog
          entryId={explaining.entryId}
          orderRef={explaining.orderRef}
          onClose={() => setExplaining(null)}
        />
      )}
    </>
  )
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Paper sx={{ px: 2.5, py: 1.5, minWidth: 180 }}>
      <Typography variant="caption" color="text.secondary">
        {label}
      </Typography>
      <Typography variant="h6" data-testid={`figure-${label.toLowerCase().replace(/\s+/g, '-')}`}>
        {value}
      </Typography>
    </Paper>
  )
}
