import AddIcon from '@mui/icons-material/Add'
import { Box, Button, Link, Stack, Typography } from '@mui/material'
import { DataGrid, type GridColDef } from '@mui/x-data-grid'
import { useState } from 'react'
import type { Block } from '../../../../shared/contract/fraud'
import { useBusiness } from '../../app/business-context'
import { dateTime } from '../../format'
import { useApiMutation, useApiQuery } from '../../hooks/use-api'
import { ConfirmDialog } from '../ConfirmDialog'
import { ErrorAlert } from '../ErrorAlert'
import { BlockDialog } from './BlockDialog'
import { BLOCK_KIND_LABELS } from './fraud-labels'

/** Everything the business blocks at checkout, with Unblock, and a way to add a block by hand. */
export function BlocksPanel({ onOpenCase }: { onOpenCase: (caseId: number) => void }) {
  const business = useBusiness()
  const blocks = useApiQuery('fraud.blocks', { businessId: business.id })
  const unblock = useApiMutation('fraud.unblock')
  const [adding, setAdding] = useState(false)
  const [lifting, setLifting] = useState<Block | null>(null)
  const columns: GridColDef<Block>[] = [
    {
      field: 'kind',
      headerName: 'Kind',
      width: 110,
      valueFormatter: (value: Block['kind']) => BLOCK_KIND_LABELS[value],
    },
    {
      field: 'value',
      headerName: 'Value',
      minWidth: 200,
      flex: 1.2,
      renderCell: ({ value }) => (
        <Box component="span" sx={{ fontFamily: 'monospace', fontWeight: 600 }}>
          {value as string}
        </Box>
      ),
    },
    { field: 'note', headerName: 'Note', minWidth: 180, flex: 1.5 },
    { field: 'createdBy', headerName: 'Blocked by', minWidth: 120, flex: 0.7 },
    {
      field: 'createdAt',
      headerName: 'When',
      width: 160,
      valueFormatter: (value: number) => dateTime(value, business.timeZone),
    },
    {
      field: 'caseId',
      headerName: 'Case',
      width: 80,
      renderCell: ({ row }) =>
        row.caseId === null ? (
          '—'
        ) : (
          <Link
            component="button"
            type="button"
            underline="hover"
            onClick={() => row.caseId !== null && onOpenCase(row.caseId)}
          >
            #{row.caseId}
          </Link>
        ),
    },
    {
      field: 'actions',
      headerName: '',
      width: 100,
      sortable: false,
      renderCell: ({ row }) => (
        <Button size="small" aria-label={`Unblock ${row.value}`} onClick={() => setLifting(row)}>
          Unblock
        </Button>
      ),
    },
  ]
  return (
    <>
      <Stack
        direction="row"
        spacing={2}
        sx={{ alignItems: 'center', justifyContent: 'space-between', px: 1, py: 1 }}
      >
        <Typography variant="body2" color="text.secondary">
          Checkout refuses a blocked email (with its +tag and Gmail dot variants), phone, IP
          address, device, code or customer, and says why.
        </Typography>
        <Button
          variant="outlined"
          startIcon={<AddIcon />}
          sx={{ flexShrink: 0 }}
          onClick={() => setAdding(true)}
        >
          Block a value
        </Button>
      </Stack>
      <ErrorAlert error={blocks.error} />
      <DataGrid
        aria-label="Blocked values"
        rows={blocks.data ?? []}
        columns={columns}
        loading={blocks.isFetching && !blocks.data}
        initialState={{ pagination: { paginationModel: { pageSize: 25 } } }}
        pageSizeOptions={[25, 50, 100]}
        disableRowSelectionOnClick
        disableColumnFilter
        density="compact"
        autoHeight
        localeText={{ noRowsLabel: 'Nothing is blocked.' }}
        sx={{ border: 'none' }}
      />
      {adding && <BlockDialog onClose={() => setAdding(false)} />}
      {lifting && (
        <ConfirmDialog
          title={`Unblock ${lifting.value}?`}
          confirmLabel="Unblock"
          onConfirm={() => unblock.mutateAsync({ businessId: business.id, blockId: lifting.id })}
          onClose={() => setLifting(null)}
        >
          Checkout accepts this {BLOCK_KIND_LABELS[lifting.kind].toLowerCase()} again from now on.
        </ConfirmDialog>
      )}
    </>
  )
}
