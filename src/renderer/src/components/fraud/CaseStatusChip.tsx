import { Chip } from '@mui/material'
import type { FraudCaseStatus } from '../../../../shared/contract/fraud'
import { STATUS_LABELS } from './fraud-labels'

const COLORS = { open: 'warning', dismissed: 'default', confirmed: 'error' } as const

export function CaseStatusChip({ status }: { status: FraudCaseStatus }) {
  return (
    <Chip
      size="small"
      label={STATUS_LABELS[status]}
      color={COLORS[status]}
      variant={status === 'open' ? 'filled' : 'outlined'}
    />
  )
}
