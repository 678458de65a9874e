import { Box, Paper, Switch, TextField, Tooltip } from '@mui/material'
import type { GridColDef, GridPaginationModel } from '@mui/x-data-grid'
import { useState } from 'react'
import type { CodeRow } from '../../../shared/contract/codes'
import { useBusiness } from '../app/business-context'
import { count, firstDay, lastDay } from '../format'
import { useApiMutation, useApiQuery } from '../hooks/use-api'
import { ErrorAlert } from './ErrorAlert'
import { StateChip } from './StateChip'
import { FIRST_PAGE, ServerGrid } from './ServerGrid'

/** Codes paged on the server, with their derived state, uses, and the one change allowed: on/off. */
export function CodesGrid({
  campaignId,
  promoterId,
}: {
  campaignId?: number
  promoterId?: number
}) {
  const business = useBusiness()
  const [paging, setPaging] = useState<GridPaginationModel>(FIRST_PAGE)
  const [search, setSearch] = useState('')
  const codes = useApiQuery('codes.list', {
    businessId: business.id,
    campaignId,
    promoterId,
    search: search.trim() || undefined,
    page: paging.page,
    pageSize: paging.pageSize,
  })
  const setActive = useApiMutation('codes.setActive')

  const columns: GridColDef<CodeRow>[] = [
    {
      field: 'code',
      headerName: 'Code',
      flex: 1,
      minWidth: 140,
      renderCell: ({ value }) => (
        <Box sx={{ fontFamily: 'monospace', fontWeight: 600 }}>{value as string}</Box>
      ),
    },
    ...(campaignId === undefined
      ? [
          {
            field: 'campaignName',
            headerName: 'Campaign',
            flex: 1,
            minWidth: 150,
          } satisfies GridColDef<CodeRow>,
        ]
      : []),
    {
      field: 'promoterName',
      headerName: 'Promoter',
      flex: 1,
      minWidth: 130,
      valueFormatter: (value: string | null) => value ?? '—',
    },
    {
      field: 'customerLabel',
      headerName: 'Customer',
      flex: 1,
      minWidth: 150,
      valueFormatter: (value: string | null) => value ?? 'anyone',
    },
    {
      field: 'uses',
      headerName: 'Uses',
      width: 100,
      align: 'right',
      headerAlign: 'right',
      valueGetter: (_value, row) =>
        `${count(row.uses)} / ${row.maxUses === null ? '∞' : count(row.maxUses)}`,
    },
    {
      field: 'maxUsesPerCustomer',
      headerName: 'Per customer',
      width: 110,
      align: 'right',
      headerAlign: 'right',
      valueFormatter: (value: number | null) => (value === null ? '∞' : String(value)),
    },
    {
      field: 'window',
      headerName: 'Valid',
      minWidth: 200,
      flex: 1,
      sortable: false,
      valueGetter: (_value, row) =>
        `${firstDay(row.startsAt, business.timeZone)} – ${lastDay(row.endsAt, business.timeZone)}`,
    },
    {
      field: 'state',
      headerName: 'State',
      width: 110,
      renderCell: ({ row }) => <StateChip state={row.state} />,
    },
    {
      field: 'active',
      headerName: 'On',
      width: 70,
      sortable: false,
      renderCell: ({ row }) => (
        <Tooltip title={row.active ? 'Deactivate' : 'Activate'}>
          <Switch
            size="small"
            checked={row.active}
            slotProps={{
              input: { 'aria-label': `${row.active ? 'Deactivate' : 'Activate'} ${row.code}` },
            }}
            onChange={(event) =>
              setActive.mutate({
                businessId: business.id,
                codeId: row.id,
                active: event.target.checked,
              })
            }
          />
        </Tooltip>
      ),
    },
  ]

  return (
    <Paper sx={{ p: 2 }}>
      <ErrorAlert error={codes.error ?? setActive.error} />
      <TextField
        label="Find a code"
        placeholder="Starts with…"
        value={search}
        onChange={(event) => {
          setSearch(event.target.value)
          setPaging((current) => ({ ...current, page: 0 }))
        }}
        sx={{ mb: 2, width: 280 }}
      />
      <ServerGrid
        label="Codes"
        rows={codes.data?.rows ?? []}
        columns={columns}
        total={codes.data?.total ?? 0}
        loading={codes.isFetching && !codes.data}
        paging={paging}
        onPagingChange={setPaging}
        emptyLabel={search ? 'No code starts with that.' : 'No codes yet.'}
      />
    </Paper>
  )
}
