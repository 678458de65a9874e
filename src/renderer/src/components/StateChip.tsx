import { Chip } from '@mui/material'
import type { CodeState } from '../../../shared/contract/codes'

const COLORS: Record<CodeState, 'success' | 'default' | 'warning' | 'error' | 'info'> = {
  active: 'success',
  scheduled: 'info',
  inactive: 'default',
  expired: 'warning',
  exhausted: 'error',
}

export function StateChip({ state }: { state: CodeState }) {
  return (
    <Chip
      size="small"
      label={state}
      color={COLORS[state]}
      variant={state === 'active' ? 'filled' : 'outlined'}
    />
  )
}
