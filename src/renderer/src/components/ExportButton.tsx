import { Button } from '@mui/material'
import FileDownloadIcon from '@mui/icons-material/FileDownload'
import { useState } from 'react'
import { ApiFailure } from '../../../shared/errors'
import { JobDialog } from './JobDialog'

/** Starts an export job and follows it to the saved or downloaded file. */
export function ExportButton({
  label,
  start,
  onError,
}: {
  label: string
  start: () => Promise<{ jobId: string }>
  onError?: (error: ApiFailure | Error) => void
}) {
  const [jobId, setJobId] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  return (
    <>
      <Button
        variant="outlined"
        startIcon={<FileDownloadIcon />}
        disabled={busy}
        onClick={() => {
          setBusy(true)
          start()
            .then((job) => setJobId(job.jobId))
            .catch((error: Error) => onError?.(error))
            .finally(() => setBusy(false))
        }}
      >
        {label}
      </Button>
      {jobId && <JobDialog jobId={jobId} onClose={() => setJobId(null)} />}
    </>
  )
}
