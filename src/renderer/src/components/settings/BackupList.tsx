import {
  Button,
  Chip,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material'
import type { BackupFile, BackupKind } from '../../../../shared/contract/backups'
import { formatFileSize } from '../../../../shared/file-size'

const KIND_LABELS: Record<BackupKind, string> = {
  automatic: 'Automatic',
  manual: 'Manual',
  'before-restore': 'Before a restore',
}

/** Backups are named in the computer's local time, so they are shown in it too. */
const localTime = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'medium',
})

export function backupTime(backup: BackupFile): string {
  return localTime.format(backup.createdAt)
}

/** The backups folder's files, newest first, each with a Restore button. */
export function BackupList({
  backups,
  onRestore,
  disabled,
}: {
  backups: BackupFile[]
  onRestore: (backup: BackupFile) => void
  disabled: boolean
}) {
  if (backups.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary" sx={{ py: 2 }}>
        No backups yet. The first is made when Promoledger next starts, or now with “Back up now”.
      </Typography>
    )
  }
  return (
    <Table size="small" aria-label="Backups">
      <TableHead>
        <TableRow>
          <TableCell>Made</TableCell>
          <TableCell>Kind</TableCell>
          <TableCell>File</TableCell>
          <TableCell align="right">Size</TableCell>
          <TableCell />
        </TableRow>
      </TableHead>
      <TableBody>
        {backups.map((backup) => (
          <TableRow key={backup.name} hover>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{backupTime(backup)}</TableCell>
            <TableCell>
              <Chip
                size="small"
                label={KIND_LABELS[backup.kind]}
                variant={backup.kind === 'automatic' ? 'outlined' : 'filled'}
              />
            </TableCell>
            <TableCell sx={{ fontFamily: 'monospace', fontSize: 13, wordBreak: 'break-all' }}>
              {backup.name}
            </TableCell>
            <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
              {formatFileSize(backup.sizeBytes)}
            </TableCell>
            <TableCell align="right">
              <Button
                size="small"
                disabled={disabled}
                onClick={() => onRestore(backup)}
                aria-label={`Restore ${backup.name}`}
              >
                Restore…
              </Button>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  )
}
