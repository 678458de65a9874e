import { Box, Chip } from '@mui/material'
import type { GridColDef, GridPaginationModel } from '@mui/x-data-grid'
import { useState } from 'react'
import type { OrderImportRun } from '../../../../shared/contract/order-imports'
import { useBusiness } from '../../app/business-context'
import { count, dateTime, money } from '../../format'
import { useApiQuery } from '../../hooks/use-api'
import { FIRST_PAGE, ServerGrid } from '../ServerGrid'
import { formatLabel, RUN_STATUS } from './import-labels'

/** Every import of the business, newest first; choosing one shows its orders. */
export function ImportHistory({
  selectedId,
  onSelect,
}: {
  selectedId: number | null
  onSelect: (run: OrderImportRun) => void
}) {
  const business = useBusiness()
  const [paging, setPaging] = useState<GridPaginationModel>(FIRST_PAGE)
  const runs = useApiQuery('orderImports.list', {
    businessId: business.id,
    page: paging.page,
    pageSize: paging.pageSize,
  })
  const columns: GridColDef<OrderImportRun>[] = [
    {
      field: 'createdAt',
      headerName: 'When',
      width: 160,
      valueFormatter: (value: number) => dateTime(value, business.timeZone),
    },
    {
      field: 'fileName',
      headerName: 'File',
      flex: 1,
      minWidth: 180,
      renderCell: ({ row }) => (
        <Box
          component="button"
          type="button"
          onClick={() => onSelect(row)}
          sx={{
            all: 'unset',
            cursor: 'pointer',
            color: 'primary.main',
            fontWeight: row.id === selectedId ? 700 : 500,
            '&:hover': { textDecoration: 'underline' },
          }}
        >
          {row.fileName}
        </Box>
      ),
    },
    {
      field: 'format',
      headerName: 'Read as',
      width: 200,
      sortable: false,
      valueGetter: (_value, row) => formatLabel(row),
    },
    {
      field: 'status',
      headerName: 'Status',
      width: 120,
      renderCell: ({ row }) => (
        <Chip
          size="small"
          label={RUN_STATUS[row.status].label}
          color={RUN_STATUS[row.status].color}
          variant="outlined"
        />
      ),
    },
    {
      field: 'orders',
      headerName: 'Orders',
      width: 90,
      align: 'right',
      headerAlign: 'right',
      valueGetter: (_value, row) => count(row.counts.orders),
    },
    {
      field: 'imported',
      headerName: 'Imported',
      width: 90,
      align: 'right',
      headerAlign: 'right',
      valueFormatter: (value: number) => count(value),
    },
    {
      field: 'rejected',
      headerName: 'Rejected',
      width: 90,
      align: 'right',
      headerAlign: 'right',
      valueGetter: (_value, row) => count(row.counts.rejected),
    },
    {
      field: 'flagged',
      headerName: 'Flagged',
      width: 90,
      align: 'right',
      headerAlign: 'right',
      valueGetter: (_value, row) => count(row.counts.flagged),
    },
    {
      field: 'importedTotalMinor',
      headerName: 'Total imported',
      width: 130,
      align: 'right',
      headerAlign: 'right',
      valueFormatter: (value: number) => money(value, business.currency),
    },
  ]
  return (
    <ServerGrid
      label="Past imports"
      rows={runs.data?.rows ?? []}
      columns={columns}
      total={runs.data?.total ?? 0}
      loading={runs.isFetching && !runs.data}
      paging={paging}
      onPagingChange={setPaging}
      emptyLabel="No import yet."
    />
  )
}
