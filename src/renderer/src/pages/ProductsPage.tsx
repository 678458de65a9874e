import { Box, Button, Chip, IconButton, Paper, TextField, Tooltip } from '@mui/material'
import type { GridColDef, GridPaginationModel, GridSortModel } from '@mui/x-data-grid'
import AddIcon from '@mui/icons-material/Add'
import DeleteIcon from '@mui/icons-material/DeleteOutlined'
import EditIcon from '@mui/icons-material/EditOutlined'
import UploadFileIcon from '@mui/icons-material/UploadFile'
import { useState } from 'react'
import type { Product, ProductSortField } from '../../../shared/contract/products'
import { useBusiness } from '../app/business-context'
import { ConfirmDialog } from '../components/ConfirmDialog'
import { ErrorAlert } from '../components/ErrorAlert'
import { ImportDialog } from '../components/ImportDialog'
import { JobDialog } from '../components/JobDialog'
import { PageHeader } from '../components/PageHeader'
import { ProductDialog } from '../components/ProductDialog'
import { FIRST_PAGE, ServerGrid } from '../components/ServerGrid'
import { money } from '../format'
import { useApiMutation, useApiQuery } from '../hooks/use-api'
import { useDebounced } from '../hooks/use-debounced'

const BY_SKU: GridSortModel = [{ field: 'sku', sort: 'asc' }]

export default function ProductsPage() {
  const business = useBusiness()
  const [paging, setPaging] = useState<GridPaginationModel>(FIRST_PAGE)
  const [sorting, setSorting] = useState<GridSortModel>(BY_SKU)
  const [search, setSearch] = useState('')
  const [editing, setEditing] = useState<Product | 'new' | null>(null)
  const [deleting, setDeleting] = useState<Product | null>(null)
  const [importing, setImporting] = useState(false)
  const [jobId, setJobId] = useState<string | null>(null)
  const [sort] = sorting
  const products = useApiQuery('products.list', {
    businessId: business.id,
    search: useDebounced(search.trim()) || undefined,
    sort: sort && { field: sort.field as ProductSortField, direction: sort.sort ?? 'asc' },
    page: paging.page,
    pageSize: paging.pageSize,
  })
  const remove = useApiMutation('products.delete')
  const firstPage = () => setPaging((current) => ({ ...current, page: 0 }))
  const orNone = (value: string | null) => value ?? '—'

  const columns: GridColDef<Product>[] = [
    {
      field: 'sku',
      headerName: 'SKU',
      width: 150,
      renderCell: ({ value }) => (
        <Box sx={{ fontFamily: 'monospace', fontWeight: 600 }}>{value as string}</Box>
      ),
    },
    { field: 'name', headerName: 'Name', flex: 2, minWidth: 180 },
    { field: 'category', headerName: 'Category', flex: 1, minWidth: 120, valueFormatter: orNone },
    { field: 'brand', headerName: 'Brand', flex: 1, minWidth: 120, valueFormatter: orNone },
    {
      field: 'priceMinor',
      headerName: 'Price',
      width: 110,
      align: 'right',
      headerAlign: 'right',
      valueFormatter: (value: number) => money(value, business.currency),
    },
    {
      field: 'status',
      headerName: 'Status',
      width: 170,
      sortable: false,
      renderCell: ({ row }) => (
        <Box sx={{ display: 'flex', gap: 0.5, alignItems: 'center', height: '100%' }}>
          {row.onSale && <Chip size="small" color="secondary" label="On sale" />}
          {!row.inStock && <Chip size="small" variant="outlined" label="Out of stock" />}
        </Box>
      ),
    },
    {
      field: 'actions',
      headerName: '',
      width: 90,
      sortable: false,
      align: 'right',
      renderCell: ({ row }) => (
        <>
          <Tooltip title="Edit">
            <IconButton size="small" aria-label={`Edit ${row.sku}`} onClick={() => setEditing(row)}>
              <EditIcon fontSize="small" />
            </IconButton>
          </Tooltip>
          <Tooltip title="Delete">
            <IconButton
              size="small"
              aria-label={`Delete ${row.sku}`}
              onClick={() => setDeleting(row)}
            >
              <DeleteIcon fontSize="small" />
            </IconButton>
          </Tooltip>
        </>
      ),
    },
  ]

  return (
    <>
      <PageHeader
        title="Products"
        subtitle="The catalog campaigns can target by product, category or brand."
        actions={
          <>
            <Button
              variant="outlined"
              startIcon={<UploadFileIcon />}
              onClick={() => setImporting(true)}
            >
              Import
            </Button>
            <Button variant="contained" startIcon={<AddIcon />} onClick={() => setEditing('new')}>
              New product
            </Button>
          </>
        }
      />
      <Paper sx={{ p: 2 }}>
        <ErrorAlert error={products.error} />
        <TextField
          label="Find a product"
          placeholder="SKU or name"
          value={search}
          onChange={(event) => {
            setSearch(event.target.value)
            firstPage()
          }}
          sx={{ mb: 2, width: 280 }}
        />
        <ServerGrid
          label="Products"
          rows={products.data?.rows ?? []}
          columns={columns}
          total={products.data?.total ?? 0}
          loading={products.isFetching && !products.data}
          paging={paging}
          onPagingChange={setPaging}
          sorting={{
            model: sorting,
            onChange: (model) => {
              setSorting(model.length > 0 ? model : BY_SKU)
              firstPage()
            },
          }}
          emptyLabel={
            search
              ? 'No product matches that.'
              : 'No products yet. Add one, or import a CSV or Excel file.'
          }
        />
      </Paper>
      {editing && (
        <ProductDialog
          product={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title={`Delete ${deleting.sku}?`}
          confirmLabel="Delete"
          onConfirm={() => remove.mutateAsync({ businessId: business.id, productId: deleting.id })}
          onClose={() => setDeleting(null)}
        >
          {deleting.name} leaves the catalog. Sales already recorded keep it.
        </ConfirmDialog>
      )}
      {importing && (
        <ImportDialog
          onClose={() => setImporting(false)}
          onStarted={(started) => {
            setImporting(false)
            setJobId(started)
          }}
        />
      )}
      {jobId && <JobDialog jobId={jobId} onClose={() => setJobId(null)} />}
    </>
  )
}
