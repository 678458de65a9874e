import { Chip } from '@mui/material'
import type { GridPaginationModel } from '@mui/x-data-grid'
import { useState } from 'react'
import type { PromoterSaleRow } from '../../../../shared/contract/commissions'
import { periodLabel } from '../../../../shared/commissions/periods'
import { useBusiness } from '../../app/business-context'
import { commissionColumns } from '../commissions/commission-columns'
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
  const columns = commissionColumns<PromoterSaleRow>(business, [
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
  ])
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
