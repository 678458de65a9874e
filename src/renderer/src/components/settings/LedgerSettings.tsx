import { Button, Paper, Stack, Typography } from '@mui/material'
import { useState } from 'react'
import { useBusiness } from '../../app/business-context'
import { useApiMutation } from '../../hooks/use-api'
import { ErrorAlert } from '../ErrorAlert'
import { JobDialog } from '../JobDialog'

/** Verify ledger: recomputes the hash chain and the counters, and names the first mismatch. */
export function LedgerSettings() {
  const business = useBusiness()
  const verify = useApiMutation('ledger.verify')
  const [jobId, setJobId] = useState<string | null>(null)
  return (
    <Paper sx={{ p: 3 }} aria-label="Ledger">
      <Typography variant="h6" sx={{ mb: 1 }}>
        Ledger
      </Typography>
      <Stack spacing={2}>
        <Typography variant="body2" color="text.secondary">
          Every entry carries the hash of the one before it. Verifying recomputes the whole chain
          and the use counters from the entries, and names the first entry that was changed, removed
          or reordered. Compare the head hash with the one printed on an earlier export.
        </Typography>
        <ErrorAlert error={verify.error} />
        <Button
          variant="outlined"
          sx={{ alignSelf: 'flex-start' }}
          disabled={verify.isPending}
          onClick={() =>
            void verify
              .mutateAsync({ businessId: business.id })
              .then(({ jobId }) => setJobId(jobId))
              .catch(() => undefined)
          }
        >
          Verify ledger
        </Button>
      </Stack>
      {jobId && <JobDialog jobId={jobId} onClose={() => setJobId(null)} />}
    </Paper>
  )
}
