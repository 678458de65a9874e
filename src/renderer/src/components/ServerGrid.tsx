import {
  DataGrid,
  type GridColDef,
  type GridPaginationModel,
  type GridSortModel,
  type GridValidRowModel,
} from '@mui/x-data-grid'

export const FIRST_PAGE: GridPaginationModel = { page: 0, pageSize: 25 }

interface ServerGridProps<R extends GridValidRowModel> {
  label: string
  rows: R[]
  columns: GridColDef<R>[]
  /** Rows across all pages, as the server counted them. */
  total: number
  loading: boolean
  paging: GridPaginationModel
  onPagingChange: (paging: GridPaginationModel) => void
  emptyLabel: string
  /** Given, columns sort on the server (those not marked `sortable: false`); otherwise none sort. */
  sorting?: { model: GridSortModel; onChange: (model: GridSortModel) => void }
  /** For cells of two lines; the compact density's height otherwise. */
  rowHeight?: number
}

/** A compact grid whose pages come from the server: large tables never load whole. */
export function ServerGrid<R extends GridValidRowModel>(props: ServerGridProps<R>) {
  return (
    <DataGrid
      aria-label={props.label}
      rows={props.rows}
      columns={props.columns}
      rowCount={props.total}
      loading={props.loading}
      paginationMode="server"
      paginationModel={props.paging}
      onPaginationModelChange={props.onPagingChange}
      pageSizeOptions={[25, 50, 100]}
      disableRowSelectionOnClick
      disableColumnFilter
      disableColumnSorting={!props.sorting}
      sortingMode="server"
      sortModel={props.sorting?.model ?? []}
      onSortModelChange={props.sorting?.onChange}
      density="compact"
      rowHeight={props.rowHeight}
      autoHeight
      localeText={{ noRowsLabel: props.emptyLabel }}
      sx={{ border: 'none' }}
    />
  )
}
