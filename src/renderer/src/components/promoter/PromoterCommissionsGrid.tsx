import { Chip } from '@mui/material'
import type { GridColDef, GridPaginationModel } from '@mui/x-data-grid'
import { useState } from 'react'
import type { PromoterSaleRow } from '../../../../shared/contract/commissions'
import { periodLabel } from '../../../../shared/commissions/periods'
import { useBusiness } from '../../app/business-context'
import { dateTime, money } from '../../format'
import { useApiQuery } from '../../hooks/use-api'
import { ErrorAlert } from '../ErrorAlert'
import { FIRST_PAGE, ServerGrid } from '../ServerGrid'

/** A promoter's commission rows, newest first: each sale's commission and each reversal of one. */
export function PromoterCommissionsGrid({ promoterId }: { promoterId: number }) {
  const business = useBusiness()
  const [paging, setPaging] = useState<GridPaginationModel>(FIRST_PAGE)
  const rows = useApiQuery('promoters.commissions', {
    businessId: business.id,
    promoterId,
    page: paging.page,
    pageSize: paging.pageSize,
  })
  const amount = (field: 'baseMinor' | 'amountMinor', headerName: string) =>
    ({
      field,
      headerName,
      width: 120,
      align: 'right',
      headerAlign: 'right',
      valueFormatter: (value: number) => money(value, business.currency),
    }) satisfies GridColDef<PromoterSaleRow>
  const columns: GridColDef<PromoterSaleRow>[] = [
    {
      field: 'occurredAt',
      headerName: 'When',
      width: 170,
      valueFormatter: (value: number) => dateTime(value, business.timeZone),
    },
    { field: 'orderRef', headerName: 'Order', minWidth: 120, flex: 1 },
    {
      field: 'kind',
      headerName: 'Type',
      width: 110,
      renderCell: ({ row }) =>
        row.kind === 'accrual' ? (
          <Chip size="small" variant="outlined" label="Sale" />
        ) : (
          <Chip size="small" variant="outlined" color="warning" label="Reversal" />
        ),
    },
    {
      field: 'periodKey',
      headerName: 'Period',
      width: 140,
      valueFormatter: (value: string) => periodLabel(value),
    },
    amount('baseMinor', 'Base'),
    amount('amountMinor', 'Commission'),
    { field: 'note', headerName: 'Note', minWidth: 200, flex: 1.5 },
  ]
  return (
    <>
      <ErrorAlert error={rows.error} />
      <ServerGrid
        label="Commissions"
        rows={rows.data?.rows.map((row) => ({ ...row, id: row.commissionId })) ?? []}
        columns={columns}
        total={rows.data?.total ?? 0}
        loading={rows.isFetching && !rows.data}
        paging={paging}
        onPagingChange={setPaging}
        emptyLabel="No commissions yet: they appear when a sale is attributed to this promoter."
      />
    </>
  )
}
