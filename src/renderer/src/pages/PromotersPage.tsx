import {
  Button,
  IconButton,
  Link,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Tooltip,
} from '@mui/material'
import AddIcon from '@mui/icons-material/Add'
import EditIcon from '@mui/icons-material/EditOutlined'
import { useState } from 'react'
import { Link as RouterLink } from 'react-router'
import type { Promoter } from '../../../shared/contract/promoters'
import { useBusiness } from '../app/business-context'
import { ErrorAlert } from '../components/ErrorAlert'
import { PageHeader } from '../components/PageHeader'
import { PromoterDialog } from '../components/PromoterDialog'
import { count } from '../format'
import { useApiQuery } from '../hooks/use-api'

export default function PromotersPage() {
  const business = useBusiness()
  const promoters = useApiQuery('promoters.list', { businessId: business.id })
  const [editing, setEditing] = useState<Promoter | 'new' | null>(null)
  const rows = promoters.data ?? []
  return (
    <>
      <PageHeader
        title="Promoters"
        subtitle="The people who bring in sales with their codes."
        actions={
          <Button variant="contained" startIcon={<AddIcon />} onClick={() => setEditing('new')}>
            New promoter
          </Button>
        }
      />
      <ErrorAlert error={promoters.error} />
      <TableContainer component={Paper}>
        <Table size="small" aria-label="Promoters">
          <TableHead>
            <TableRow>
              <TableCell>Name</TableCell>
              <TableCell>Email</TableCell>
              <TableCell>Phone</TableCell>
              <TableCell align="right">Codes</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((promoter) => (
              <TableRow key={promoter.id} hover>
                <TableCell sx={{ fontWeight: 600 }}>
                  <Link component={RouterLink} to={`/promoters/${promoter.id}`} underline="hover">
                    {promoter.name}
                  </Link>
                </TableCell>
                <TableCell>{promoter.email ?? '—'}</TableCell>
                <TableCell>{promoter.phone ?? '—'}</TableCell>
                <TableCell align="right">{count(promoter.codeCount)}</TableCell>
                <TableCell align="right" sx={{ width: 60 }}>
                  <Tooltip title="Edit">
                    <IconButton
                      size="small"
                      aria-label={`Edit ${promoter.name}`}
                      onClick={() => setEditing(promoter)}
                    >
                      <EditIcon fontSize="small" />
                    </IconButton>
                  </Tooltip>
                </TableCell>
              </TableRow>
            ))}
            {promoters.isSuccess && rows.length === 0 && (
              <TableRow>
                <TableCell colSpan={5} sx={{ py: 6, textAlign: 'center', color: 'text.secondary' }}>
                  No promoters yet.
                </TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </TableContainer>
      {editing && (
        <PromoterDialog
          promoter={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  )
}
