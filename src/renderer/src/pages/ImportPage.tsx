import { Alert, Box, Button, LinearProgress, Paper, Stack, Typography } from '@mui/material'
import UploadFileIcon from '@mui/icons-material/UploadFile'
import PlaylistAddCheckIcon from '@mui/icons-material/PlaylistAddCheck'
import { useState } from 'react'
import type { ImportFormat, UploadedOrderFile } from '../../../shared/contract/order-imports'
import { useBusiness } from '../app/business-context'
import { useBusyAction } from '../hooks/use-busy-action'
import { call } from '../api-client'
import { ExportButton } from '../components/ExportButton'
import { JobDialog } from '../components/JobDialog'
import { PageHeader } from '../components/PageHeader'
import { FormatPicker } from '../components/order-import/FormatPicker'
import { ImportHistory } from '../components/order-import/ImportHistory'
import { ImportPreview } from '../components/order-import/ImportPreview'
import { MappingDialog } from '../components/order-import/MappingDialog'
import { fileSize, formatLabel } from '../components/order-import/import-labels'
import { readUpload } from '../file-upload'
import { count } from '../format'
import { useApiQuery } from '../hooks/use-api'
import { useJob } from '../hooks/use-job'

const LAYOUT_003_HELP =
  'One row per order: ORDER_ID, ORDER_DATE, EMAIL or CUSTOMER_ID, CHANNEL, KEY_CODE (a tracking code), then item groups PRODUCT01, PRICE01, QUANTITY01, DISCOUNT01, COUPON_CODE01, PRODUCT02… PRICE and DISCOUNT are per item and multiplied by QUANTITY; a discount above its price rejects the order.'

const NUMBERED: ImportFormat = { layout: 'numbered', decimalSeparator: '.', dateFormat: 'iso' }

export default function ImportPage() {
  const business = useBusiness()
  const [upload, setUpload] = useState<UploadedOrderFile | null>(null)
  const [importId, setImportId] = useState<number | null>(null)
  const [format, setFormat] = useState<ImportFormat | null>(null)
  const [checkJob, setCheckJob] = useState<string | null>(null)
  const [commitJob, setCommitJob] = useState<string | null>(null)
  const [mapping, setMapping] = useState(false)
  const { busy, error, setError, attempt } = useBusyAction()
  const mappings = useApiQuery('orderMappings.list', { businessId: business.id })
  const run = useApiQuery(
    'orderImports.get',
    importId === null ? null : { businessId: business.id, importId },
  )
  const current = run.data?.id === importId ? run.data : undefined

  const checking = useJob(checkJob, (job) => {
    setCheckJob(null)
    if (job.status === 'done') return
    setError(job.message)
    // A file found unreadable part-way is dropped whole: start again from the file.
    if (importId !== null)
      call('orderImports.get', { businessId: business.id, importId }).catch(() => {
        setImportId(null)
        setUpload(null)
      })
  })

  const choose = (picked: File) =>
    attempt(async () => {
      setUpload(null)
      setImportId(null)
      const file = await readUpload(picked)
      const uploaded = await call('orderImports.upload', { businessId: business.id, file })
      setUpload(uploaded)
      setImportId(uploaded.run.id)
      const saved = mappings.data?.saved ?? []
      setFormat(
        uploaded.suggestedLayout === 'numbered'
          ? NUMBERED
          : saved[0]
            ? { layout: 'mapped', mappingId: saved[0].id }
            : null,
      )
    })

  const check = () =>
    attempt(async () => {
      if (importId === null || !format) return
      const { jobId } = await call('orderImports.check', {
        businessId: business.id,
        importId,
        format,
      })
      setCheckJob(jobId)
    })

  const commit = () =>
    attempt(async () => {
      if (importId === null) return
      const { jobId } = await call('orderImports.commit', { businessId: business.id, importId })
      setCommitJob(jobId)
    })

  const checkable =
    upload !== null && current !== undefined && ['uploaded', 'checked'].includes(current.status)
  const progress = checking?.total ? Math.round((checking.done / checking.total) * 100) : null
  const resumable = current?.status === 'cancelled' || current?.status === 'importing'

  return (
    <>
      <PageHeader
        title="Import"
        subtitle="Orders from your online shop’s exports: checked first, then written to the ledger, each order once."
      />
      <Paper sx={{ p: 2, mb: 2 }}>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 2 }}>
          <Button
            component="label"
            variant="outlined"
            startIcon={<UploadFileIcon />}
            disabled={busy || checkJob !== null}
          >
            Choose file…
            <input
              hidden
              type="file"
              aria-label="Order file"
              accept=".csv,.tsv,.txt,.xlsx"
              onChange={(event) => {
                const picked = event.target.files?.[0]
                event.target.value = ''
                if (picked) void choose(picked)
              }}
            />
          </Button>
          {upload ? (
            <Box>
              <Typography variant="body2" sx={{ fontWeight: 600 }}>
                {upload.run.fileName}
              </Typography>
              <Typography variant="caption" color="text.secondary">
                {fileSize(upload.run.fileSize)} · {count(upload.header.length)} columns:{' '}
                {upload.header.slice(0, 8).join(', ')}
                {upload.header.length > 8 ? '…' : ''}
              </Typography>
            </Box>
          ) : (
            <Typography variant="body2" color="text.secondary">
              A CSV (comma, semicolon or tab separated) or Excel .xlsx file, up to 20 MB.
            </Typography>
          )}
        </Stack>
        {upload && (
          <Stack spacing={1.5}>
            <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
              <FormatPicker
                value={format}
                saved={mappings.data?.saved ?? []}
                onChange={setFormat}
                onNewMapping={() => setMapping(true)}
                disabled={!checkable || checkJob !== null}
              />
              <Button
                variant={current?.status === 'checked' ? 'outlined' : 'contained'}
                startIcon={<PlaylistAddCheckIcon />}
                disabled={!checkable || !format || busy || checkJob !== null}
                onClick={() => void check()}
              >
                {current?.status === 'checked' ? 'Check again' : 'Check file'}
              </Button>
            </Stack>
            {format?.layout === 'numbered' && (
              <Typography variant="caption" color="text.secondary" sx={{ maxWidth: 900 }}>
                {LAYOUT_003_HELP}
              </Typography>
            )}
            {!format && (
              <Typography variant="body2" color="text.secondary">
                This file does not have source 003’s columns: choose a saved mapping or make a new
                one.
              </Typography>
            )}
          </Stack>
        )}
        {(busy || checking) && (
          <Box sx={{ mt: 2 }}>
            <LinearProgress
              variant={progress === null ? 'indeterminate' : 'determinate'}
              value={progress ?? 0}
              aria-label="Checking the file"
            />
            {checking && (
              <Typography variant="caption" color="text.secondary">
                Checking: {count(checking.done)} of {count(checking.total ?? 0)} rows read. Nothing
                is written to the ledger.
              </Typography>
            )}
          </Box>
        )}
        {error && (
          <Alert severity="error" sx={{ mt: 2 }} role="alert">
            {error}
          </Alert>
        )}
      </Paper>

      {current && current.checkedAt !== null && current.status !== 'checking' && !checkJob && (
        <Paper sx={{ p: 2, mb: 2 }} aria-label="Import preview">
          <Typography variant="h6" component="h2" sx={{ mb: 0.5 }}>
            {current.fileName}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            Read as {formatLabel(current)} · {count(current.rows)} rows
          </Typography>
          <ImportPreview
            run={current}
            actions={
              <>
                {current.counts.rejected > 0 && (
                  <ExportButton
                    label="Download rejected rows"
                    start={() =>
                      call('orderImports.errorReport', {
                        businessId: business.id,
                        importId: current.id,
                      })
                    }
                    onError={(failure) => setError(failure.message)}
                  />
                )}
                {current.canImport && (
                  <Button variant="contained" disabled={busy} onClick={() => void commit()}>
                    {resumable
                      ? 'Resume import'
                      : `Import ${count(current.counts.accepted)} order${current.counts.accepted === 1 ? '' : 's'}`}
                  </Button>
                )}
              </>
            }
          />
        </Paper>
      )}

      <Paper sx={{ p: 2 }}>
        <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
          Past imports
        </Typography>
        <ImportHistory
          selectedId={importId}
          onSelect={(selected) => {
            setUpload(null)
            setError(null)
            setImportId(selected.id)
          }}
        />
      </Paper>

      {mapping && upload && (
        <MappingDialog
          header={upload.header}
          sample={upload.sample}
          examples={mappings.data?.examples ?? []}
          onClose={() => setMapping(false)}
          onSaved={(saved) => {
            setMapping(false)
            setFormat({ layout: 'mapped', mappingId: saved.id })
          }}
        />
      )}
      {commitJob && <JobDialog jobId={commitJob} onClose={() => setCommitJob(null)} />}
    </>
  )
}
