import { Alert, Box, Button, Paper, Stack, TextField, Typography } from '@mui/material'
import BackupIcon from '@mui/icons-material/Backup'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { MAX_BACKUPS_TO_KEEP, type BackupFile } from '../../../../shared/contract/backups'
import { call } from '../../api-client'
import { useApiMutation, useApiQuery } from '../../hooks/use-api'
import { ConfirmDialog } from '../ConfirmDialog'
import { ErrorAlert } from '../ErrorAlert'
import { JobDialog } from '../JobDialog'
import { applyServerErrors } from '../form-errors'
import { BackupList, backupTime } from './BackupList'

/**
 * The workspace's backups: the folder they live in, Back up now, the list with Restore, and how
 * many to keep. Backups and restores run as jobs, followed in the job dialog.
 */
export function BackupsSettings() {
  const list = useApiQuery('backups.list', {})
  const create = useApiMutation('backups.create')
  const [jobId, setJobId] = useState<string | null>(null)
  const [restoring, setRestoring] = useState<BackupFile | null>(null)
  return (
    <Paper sx={{ p: 3 }} component="section" aria-label="Backups">
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'flex-start' }}>
        <Box sx={{ maxWidth: 760 }}>
          <Typography variant="h6">Backups</Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
            The whole workspace (every business) is backed up when Promoledger starts, at most once
            a day, into the <b>backups</b> folder next to the workspace file
            {list.data ? (
              <>
                : <code>{list.data.folder}</code>
              </>
            ) : null}
            . A restore first checks the backup, then saves the current data as a backup of its own.
          </Typography>
        </Box>
        <Button
          variant="contained"
          startIcon={<BackupIcon />}
          disabled={create.isPending || jobId !== null}
          onClick={() => create.mutate({}, { onSuccess: (job) => setJobId(job.jobId) })}
          sx={{ flexShrink: 0, ml: 2 }}
        >
          Back up now
        </Button>
      </Stack>
      <ErrorAlert error={list.error ?? create.error} />
      <Box sx={{ mt: 2 }}>
        <BackupList
          backups={list.data?.backups ?? []}
          onRestore={setRestoring}
          disabled={jobId !== null}
        />
      </Box>
      <KeepForm />
      {restoring && (
        <ConfirmDialog
          title="Restore this backup?"
          confirmLabel="Verify and restore"
          onClose={() => setRestoring(null)}
          onConfirm={async () =>
            setJobId((await call('backups.restore', { name: restoring.name })).jobId)
          }
        >
          The workspace will go back to how it was on {backupTime(restoring)}, for every business.
          First the backup is checked (SQLite’s integrity check, then every ledger chain and
          counter); if it does not verify, nothing changes. If it does, the current data is saved as
          a new backup, so sales recorded since then are kept there and this can be undone.
        </ConfirmDialog>
      )}
      {jobId && <JobDialog jobId={jobId} onClose={() => setJobId(null)} />}
    </Paper>
  )
}

/** How many backups the folder keeps. */
function KeepForm() {
  const settings = useApiQuery('backups.settings', {})
  if (!settings.data) return null
  return <KeepFields keep={settings.data.backupsToKeep} />
}

function KeepFields({ keep }: { keep: number }) {
  const update = useApiMutation('backups.updateSettings')
  const [message, setMessage] = useState<string | null>(null)
  const { register, handleSubmit, setError, formState } = useForm<{ backupsToKeep: string }>({
    defaultValues: { backupsToKeep: String(keep) },
  })
  const submit = handleSubmit(async ({ backupsToKeep }) => {
    setMessage(null)
    try {
      await update.mutateAsync({ backupsToKeep: Number(backupsToKeep) })
      setMessage('Saved. Older backups beyond this number are deleted after the next backup.')
    } catch (error) {
      setMessage(applyServerErrors(error, setError, { backupsToKeep: 'backupsToKeep' }))
    }
  })
  return (
    <Stack
      component="form"
      onSubmit={submit}
      noValidate
      direction="row"
      spacing={2}
      sx={{ mt: 3, alignItems: 'flex-start' }}
      aria-label="Backups to keep"
    >
      <TextField
        label="Backups to keep"
        size="small"
        sx={{ width: 180 }}
        {...register('backupsToKeep', {
          validate: (value) =>
            (/^\d+$/.test(value.trim()) &&
              Number(value) >= 1 &&
              Number(value) <= MAX_BACKUPS_TO_KEEP) ||
            `Enter a number from 1 to ${MAX_BACKUPS_TO_KEEP}.`,
        })}
        error={Boolean(formState.errors.backupsToKeep)}
        helperText={formState.errors.backupsToKeep?.message ?? 'The newest are kept.'}
        slotProps={{ htmlInput: { inputMode: 'numeric' } }}
      />
      <Button type="submit" variant="outlined" disabled={formState.isSubmitting}>
        Save
      </Button>
      {message && (
        <Alert severity={message.startsWith('Saved') ? 'success' : 'error'} sx={{ py: 0 }}>
          {message}
        </Alert>
      )}
    </Stack>
  )
}
