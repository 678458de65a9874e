import type { OrderImportRun, OrderImportStatus } from '../../../../shared/contract/order-imports'
import type { ChipProps } from '@mui/material'

export const RUN_STATUS: Record<OrderImportStatus, { label: string; color: ChipProps['color'] }> = {
  uploaded: { label: 'Not checked', color: 'default' },
  checking: { label: 'Checking', color: 'info' },
  checked: { label: 'Checked', color: 'info' },
  importing: { label: 'Importing', color: 'warning' },
  cancelled: { label: 'Stopped', color: 'warning' },
  done: { label: 'Imported', color: 'success' },
}

/** How a run's format reads in one line. */
export function formatLabel(run: OrderImportRun): string {
  if (!run.format) return '—'
  if (run.format.layout === 'numbered') return 'Source 003 layout'
  return `Mapping “${run.format.mappingName}”`
}

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}
