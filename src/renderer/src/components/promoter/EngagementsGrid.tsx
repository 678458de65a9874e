import type { GridColDef, GridPaginationModel } from '@mui/x-data-grid'
import { useState } from 'react'
import type { EngagementRow } from '../../../../shared/contract/commissions'
import { useBusiness } from '../../app/business-context'
import { count, dateTime } from '../../format'
import { useApiQuery } from '../../hooks/use-api'
import { ErrorAlert } from '../ErrorAlert'
import { FIRST_PAGE, ServerGrid } from '../ServerGrid'

/** The customers a promoter engaged, with their points, newest first. */
export function EngagementsGrid({ promoterId }: { promoterId: number }) {
  const business = useBusiness()
  const [paging, setPaging] = useState<GridPaginationModel>(FIRST_PAGE)
  const rows = useApiQuery('engagements.list', {
    businessId: business.id,
    promoterId,
    page: paging.page,
    pageSize: paging.pageSize,
  })
  const when = (field: 'firstAt' | 'lastAt', headerName: string) =>
    ({
      field,
      headerName,
      width: 180,
      valueFormatter: (value: number) => dateTime(value, business.timeZone),
    }) satisfies GridColDef<EngagementRow>
  const columns: GridColDef<EngagementRow>[] = [
    { field: 'customerLabel', headerName: 'Customer', minWidth: 200, flex: 1 },
    {
      field: 'points',
      headerName: 'Points',
      width: 100,
      align: 'right',
      headerAlign: 'right',
      valueFormatter: (value: number) => count(value),
    },
    {
      field: 'events',
      headerName: 'Events',
      width: 100,
      align: 'right',
      headerAlign: 'right',
      valueFormatter: (value: number) => count(value),
    },
    when('firstAt', 'First'),
    when('lastAt', 'Last'),
  ]
  return (
    <>
      <ErrorAlert error={rows.error} />
      <ServerGrid
        label="Engagements"
        rows={rows.data?.rows.map((row) => ({ ...row, id: row.customerId })) ?? []}
        columns={columns}
        total={rows.data?.total ?? 0}
        loading={rows.isFetching && !rows.data}
        paging={paging}
        onPagingChange={setPaging}
        emptyLabel="No engagements yet: a code used, a referral visit or a manual entry makes one."
      />
    </>
  )
}
