import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  LinearProgress,
  Typography,
} from '@mui/material'
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { call, deliverExport, isDesktop } from '../api-client'
import { useApiQuery } from '../hooks/use-api'
import { count } from '../format'

/**
 * Follows a background job: progress, a Cancel button, and for exports the save dialog
 * (desktop) or the download (browser) as soon as the file is ready.
 */
export function JobDialog({ jobId, onClose }: { jobId: string; onClose: () => void }) {
  const client = useQueryClient()
  const job = useApiQuery('jobs.get', { jobId }, { refetchInterval: 250 })
  const data = job.data?.id === jobId ? job.data : undefined
  const running = !data || data.status === 'running'
  const [delivery, setDelivery] = useState<string | null>(null)
  const delivered = useRef(false)

  useEffect(() => {
    if (!data || data.status === 'running') return
    void client.invalidateQueries()
    if (data.status === 'done' && data.fileName && !delivered.current) {
      delivered.current = true
      deliverExport(data.id, data.fileName)
        .then((where) =>
          setDelivery(
            where ? (isDesktop ? `Saved to ${where}.` : `Downloaded ${where}.`) : 'Not saved.',
          ),
        )
        .catch((error: Error) => setDelivery(error.message))
    }
  }, [data, client])

  const percent = data?.total ? Math.round((data.done / data.total) * 100) : null
  return (
    <Dialog
      open
      fullWidth
      maxWidth="sm"
      onClose={running ? undefined : onClose}
      aria-labelledby="job-title"
    >
      <DialogTitle id="job-title">{data?.label ?? 'Working…'}</DialogTitle>
      <DialogContent>
        <Box sx={{ my: 1 }}>
          <LinearProgress
            variant={percent === null ? 'indeterminate' : 'determinate'}
            value={percent ?? 0}
            aria-label="Progress"
          />
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            {data?.total
              ? `${count(data.done)} of ${count(data.total)}`
              : data
                ? count(data.done)
                : ''}
            {percent !== null ? ` (${percent}%)` : ''}
          </Typography>
        </Box>
        {data?.status === 'done' && (
          <Alert severity="success">{[data.message, delivery].filter(Boolean).join(' ')}</Alert>
        )}
        {data?.status === 'cancelled' && <Alert severity="info">{data.message}</Alert>}
        {data?.status === 'failed' && <Alert severity="error">{data.message}</Alert>}
        {job.error && <Alert severity="error">{job.error.message}</Alert>}
      </DialogContent>
      <DialogActions>
        {running ? (
          <Button color="inherit" onClick={() => void call('jobs.cancel', { jobId })}>
            Cancel
          </Button>
        ) : (
          <Button variant="contained" onClick={onClose}>
            Close
          </Button>
        )}
      </DialogActions>
    </Dialog>
  )
}
