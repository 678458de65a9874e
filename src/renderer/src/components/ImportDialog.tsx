import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  LinearProgress,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material'
import UploadFileIcon from '@mui/icons-material/UploadFile'
import { useId, useState } from 'react'
import type { ProductImportReport } from '../../../shared/contract/products'
import type { UploadedFile } from '../../../shared/contract/upload'
import { useBusiness } from '../app/business-context'
import { useBusyAction } from '../hooks/use-busy-action'
import { call } from '../api-client'
import { readUpload } from '../file-upload'
import { count } from '../format'

/**
 * Checks a catalog file first (a dry run: counts and every bad row, nothing written), then
 * starts the import as a job the caller follows in a JobDialog.
 */
export function ImportDialog({
  onClose,
  onStarted,
}: {
  onClose: () => void
  onStarted: (jobId: string) => void
}) {
  const business = useBusiness()
  const titleId = useId()
  const [file, setFile] = useState<UploadedFile | null>(null)
  const [report, setReport] = useState<ProductImportReport | null>(null)
  const { busy, error, attempt: run } = useBusyAction()

  const check = (picked: File) =>
    run(async () => {
      setFile(null)
      setReport(null)
      const upload = await readUpload(picked)
      setFile(upload)
      const result = await call('products.import', {
        businessId: business.id,
        file: upload,
        dryRun: true,
      })
      if (result.dryRun) setReport(result.report)
    })

  const start = () =>
    run(async () => {
      if (!file) return
      const result = await call('products.import', { businessId: business.id, file })
      if (!result.dryRun) onStarted(result.jobId)
    })

  const ready = file !== null && report !== null && report.errorCount === 0
  const toImport = report ? report.added + report.updated : 0
  return (
    <Dialog open fullWidth maxWidth="md" onClose={onClose} aria-labelledby={titleId}>
      <DialogTitle id={titleId}>Import products</DialogTitle>
      <DialogContent>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          A CSV file (comma or semicolon separated) or an Excel .xlsx workbook whose first row names
          the columns: <b>sku</b>, <b>name</b> and <b>price</b> (in {business.currency}), and
          optionally <b>category</b>, <b>brand</b>, <b>on_sale</b> and <b>in_stock</b> (yes or no).
          A SKU already in the catalog updates that product; columns the file leaves out keep their
          values.
        </Typography>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 2 }}>
          <Button
            component="label"
            variant="outlined"
            startIcon={<UploadFileIcon />}
            disabled={busy}
          >
            Choose file…
            <input
              hidden
              type="file"
              aria-label="Catalog file"
              accept=".csv,.tsv,.txt,.xlsx"
              onChange={(event) => {
                const picked = event.target.files?.[0]
                event.target.value = ''
                if (picked) void check(picked)
              }}
            />
          </Button>
          <Typography variant="body2" sx={{ fontWeight: 500 }}>
            {file?.name ?? 'No file chosen'}
          </Typography>
        </Stack>
        {busy && <LinearProgress aria-label="Checking the file" sx={{ mb: 2 }} />}
        {error && (
          <Alert severity="error" sx={{ mb: 2 }}>
            {error}
          </Alert>
        )}
        {report && <ReportSummary report={report} />}
      </DialogContent>
      <DialogActions>
        <Button color="inherit" onClick={onClose}>
          Cancel
        </Button>
        <Button variant="contained" disabled={!ready || busy} onClick={() => void start()}>
          {ready ? `Import ${count(toImport)} product${toImport === 1 ? '' : 's'}` : 'Import'}
        </Button>
      </DialogActions>
    </Dialog>
  )
}

function ReportSummary({ report }: { report: ProductImportReport }) {
  const hidden = report.errorCount - report.errors.length
  return (
    <>
      <Stack direction="row" spacing={2} sx={{ mb: 2 }} aria-label="Import check">
        <Figure label="Rows" value={report.rows} />
        <Figure label="New products" value={report.added} />
        <Figure label="Updates" value={report.updated} />
        <Figure label="Problems" value={report.errorCount} alert={report.errorCount > 0} />
      </Stack>
      {report.errorCount === 0 ? (
        <Alert severity="success">Every row is fine. Nothing is written until you import.</Alert>
      ) : (
        <>
          <Alert severity="warning" sx={{ mb: 1 }}>
            Nothing will be imported while a row has a problem: fix the file and choose it again.
          </Alert>
          <TableContainer component={Paper} sx={{ maxHeight: 260 }}>
            <Table size="small" stickyHeader aria-label="Rows with problems">
              <TableHead>
                <TableRow>
                  <TableCell sx={{ width: 70 }}>Row</TableCell>
                  <TableCell sx={{ width: 110 }}>Column</TableCell>
                  <TableCell>Problem</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {report.errors.map((error) => (
                  <TableRow key={`${error.row}-${error.field}-${error.message}`}>
                    <TableCell>{error.row}</TableCell>
                    <TableCell sx={{ fontFamily: 'monospace' }}>{error.field}</TableCell>
                    <TableCell>{error.message}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
          {hidden > 0 && (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
              And {count(hidden)} more.
            </Typography>
          )}
        </>
      )}
    </>
  )
}

function Figure({
  label,
  value,
  alert = false,
}: {
  label: string
  value: number
  alert?: boolean
}) {
  return (
    <Box
      sx={{
        px: 2,
        py: 1,
        minWidth: 120,
        border: 1,
        borderColor: alert ? 'warning.main' : 'divider',
        borderRadius: 1,
      }}
    >
      <Typography variant="caption" color="text.secondary">
        {label}
      </Typography>
      <Typography variant="h6" color={alert ? 'warning.dark' : 'text.primary'}>
        {count(value)}
      </Typography>
    </Box>
  )
}
