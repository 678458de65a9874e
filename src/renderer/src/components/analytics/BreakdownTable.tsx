import { Box, Chip } from '@mui/material'
import {
  DataGrid,
  GridFooter,
  gridVisibleColumnDefinitionsSelector,
  useGridApiContext,
  useGridSelector,
  type GridColDef,
} from '@mui/x-data-grid'
import { createContext, useContext } from 'react'
import { DIMENSION_LABELS } from '../../../../shared/analytics/metrics'
import type {
  Breakdown,
  BreakdownDimension,
  BreakdownRow,
} from '../../../../shared/contract/analytics'
import { count, money } from '../../format'

type Totals = Breakdown['totals']

const PAGE_SIZE = 10

const EMPTY: Record<BreakdownDimension, string> = {
  code: 'No code was used in this period.',
  promoter: 'No promoter’s code was used in this period.',
  campaign: 'No campaign was used in this period.',
  channel: 'No sales in this period.',
  location: 'No sales in this period.',
}

function columnsFor(by: BreakdownDimension, currency: string): GridColDef<BreakdownRow>[] {
  const figure = (
    field: keyof Totals,
    headerName: string,
    isMoney: boolean,
  ): GridColDef<BreakdownRow> => ({
    field,
    headerName,
    type: 'number',
    width: isMoney ? 150 : 120,
    valueFormatter: (value: number) => (isMoney ? money(value, currency) : count(value)),
  })
  return [
    {
      field: 'label',
      headerName: DIMENSION_LABELS[by],
      minWidth: 200,
      flex: 1,
      renderCell: ({ row }) =>
        by === 'code' && row.key !== '' ? (
          <Box component="span" sx={{ fontFamily: 'monospace', fontWeight: 600 }}>
            {row.label}
          </Box>
        ) : (
          row.label
        ),
    },
    ...(by === 'campaign'
      ? [
          {
            field: 'detail',
            headerName: 'Kind',
            width: 120,
            renderCell: ({ value }) =>
              value ? (
                <Chip
                  size="small"
                  variant="outlined"
                  color={value === 'Tracking' ? 'secondary' : 'default'}
                  label={value as string}
                />
              ) : null,
          } satisfies GridColDef<BreakdownRow>,
        ]
      : []),
    figure('orders', 'Orders', false),
    figure('redemptions', 'Redemptions', false),
    figure('revenueMinor', 'Revenue', true),
    figure('discountMinor', 'Discount given', true),
    figure('commissionMinor', 'Commission cost', true),
  ]
}

/**
 * One breakdown as a grid sorted in the browser (its rows are already aggregated), with a
 * totals row under the rows, lined up with their columns.
 */
export function BreakdownTable({
  by,
  data,
  loading,
  currency,
}: {
  by: BreakdownDimension
  data: Breakdown | undefined
  loading: boolean
  currency: string
}) {
  const label = `By ${DIMENSION_LABELS[by].toLowerCase()}`
  return (
    <FooterTotals.Provider
      value={{
        totals: data?.rows.length ? data.totals : null,
        currency,
        paged: (data?.rows.length ?? 0) > PAGE_SIZE,
      }}
    >
      <DataGrid
        aria-label={label}
        rows={data?.rows ?? []}
        columns={columnsFor(by, currency)}
        getRowId={(row) => row.key || '(none)'}
        loading={loading}
        initialState={{
          sorting: { sortModel: [{ field: 'revenueMinor', sort: 'desc' }] },
          pagination: { paginationModel: { pageSize: PAGE_SIZE } },
        }}
        pageSizeOptions={[10, 25, 100]}
        disableRowSelectionOnClick
        disableColumnFilter
        density="compact"
        autoHeight
        localeText={{ noRowsLabel: EMPTY[by] }}
        slots={{ footer: TotalsFooter }}
        sx={{ border: 'none' }}
      />
    </FooterTotals.Provider>
  )
}

/** What the footer shows; a context, since the grid builds its footer itself. */
const FooterTotals = createContext<{ totals: Totals | null; currency: string; paged: boolean }>({
  totals: null,
  currency: 'EUR',
  paged: false,
})

function TotalsFooter() {
  const { totals, currency, paged } = useContext(FooterTotals)
  const apiRef = useGridApiContext()
  const columns = useGridSelector(apiRef, gridVisibleColumnDefinitionsSelector)
  const cell = (field: string) => {
    if (!totals) return null
    if (field === 'label') return 'Total'
    if (!(field in totals)) return null
    const value = totals[field as keyof Totals]
    return field.endsWith('Minor') ? money(value, currency) : count(value)
  }
  return (
    <>
      {totals && (
        <Box
          role="group"
          aria-label="Totals"
          data-testid="breakdown-totals"
          sx={{
            display: 'flex',
            borderTop: 2,
            borderColor: 'divider',
            fontWeight: 600,
            fontSize: '0.875rem',
            bgcolor: 'grey.50',
          }}
        >
          {columns.map((column) => (
            <Box
              key={column.field}
              sx={{
                width: column.computedWidth,
                flexShrink: 0,
                px: '10px',
                py: 1,
                textAlign: column.align === 'right' ? 'right' : 'left',
                overflow: 'hidden',
                textOverflow: 'ellipsis',
                whiteSpace: 'nowrap',
              }}
            >
              {cell(column.field)}
            </Box>
          ))}
        </Box>
      )}
      {/* The pager only when there is more than one page: an empty footer is a blank band. */}
      {paged && <GridFooter />}
    </>
  )
}
