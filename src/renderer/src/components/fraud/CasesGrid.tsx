import { Box, Link, Tooltip } from '@mui/material'
import type { GridColDef, GridPaginationModel } from '@mui/x-data-grid'
import { useState } from 'react'
import type { FraudCaseRow, FraudCaseStatus } from '../../../../shared/contract/fraud'
import { useBusiness } from '../../app/business-context'
import { count, dateTime, money } from '../../format'
import { useApiQuery } from '../../hooks/use-api'
import { ErrorAlert } from '../ErrorAlert'
import { FIRST_PAGE, ServerGrid } from '../ServerGrid'
import { FRAUD_SIGNAL_LABELS } from './fraud-labels'

const EMPTY: Record<FraudCaseStatus, string> = {
  open: 'No open case: nothing waits for review.',
  dismissed: 'No case was dismissed yet.',
  confirmed: 'No case was confirmed yet.',
}

/** The cases of one status, paged on the server, the most money at risk first. */
export function CasesGrid({
  status,
  onOpen,
}: {
  status: FraudCaseStatus
  onOpen: (caseId: number) => void
}) {
  const business = useBusiness()
  const [paging, setPaging] = useState<GridPaginationModel>(FIRST_PAGE)
  const cases = useApiQuery('fraud.cases', {
    businessId: business.id,
    status,
    page: paging.page,
    pageSize: paging.pageSize,
  })
  const amount = (
    field: 'commissionMinor' | 'discountMinor' | 'atRiskMinor',
    headerName: string,
  ): GridColDef<FraudCaseRow> => ({
    field,
    headerName,
    width: field === 'commissionMinor' ? 130 : 95,
    align: 'right',
    headerAlign: 'right',
    valueFormatter: (value: number) => money(value, business.currency),
    cellClassName: field === 'atRiskMinor' ? 'at-risk' : undefined,
  })
  const columns: GridColDef<FraudCaseRow>[] = [
    {
      field: 'summary',
      headerName: 'Case',
      minWidth: 280,
      flex: 2,
      renderCell: ({ row }) => (
        <Box sx={{ minWidth: 0, lineHeight: 1.3 }}>
          <Box
            sx={{
              color: 'text.secondary',
              fontSize: 12,
              overflow: 'hidden',
              textOverflow: 'ellipsis',
            }}
          >
            {FRAUD_SIGNAL_LABELS[row.signal]}
          </Box>
          <Tooltip title={row.summary}>
            <Link
              component="button"
              type="button"
              underline="hover"
              aria-label={`Open case ${row.id}: ${row.summary}`}
              onClick={() => onOpen(row.id)}
              sx={{
                display: 'block',
                fontWeight: 600,
                textAlign: 'left',
                maxWidth: '100%',
                overflow: 'hidden',
                textOverflow: 'ellipsis',
                whiteSpace: 'nowrap',
              }}
            >
              {row.summary}
            </Link>
          </Tooltip>
        </Box>
      ),
    },
    {
      field: 'promoterName',
      headerName: 'Promoter',
      minWidth: 110,
      flex: 0.8,
      valueFormatter: (value: string | null) => value ?? '—',
    },
    {
      field: 'orders',
      headerName: 'Orders',
      width: 70,
      align: 'right',
      headerAlign: 'right',
      valueFormatter: (value: number) => count(value),
    },
    amount('commissionMinor', status === 'open' ? 'Commission held' : 'Commission'),
    amount('discountMinor', 'Discount'),
    amount('atRiskMinor', 'At risk'),
    {
      field: 'openedAt',
      headerName: 'Opened',
      width: 145,
      valueFormatter: (value: number) => dateTime(value, business.timeZone),
    },
    {
      field: 'updatedAt',
      headerName: 'Updated',
      width: 145,
      valueFormatter: (value: number) => dateTime(value, business.timeZone),
    },
  ]
  return (
    <>
      <ErrorAlert error={cases.error} />
      <Box sx={{ '& .at-risk': { fontWeight: 700 } }}>
        <ServerGrid
          label={`${status.charAt(0).toUpperCase()}${status.slice(1)} cases`}
          rows={cases.data?.rows ?? []}
          columns={columns}
          total={cases.data?.total ?? 0}
          loading={cases.isFetching && !cases.data}
          paging={paging}
          onPagingChange={setPaging}
          emptyLabel={EMPTY[status]}
          rowHeight={52}
        />
      </Box>
    </>
  )
}
