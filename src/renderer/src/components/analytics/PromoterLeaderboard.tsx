import {
  Box,
  LinearProgress,
  List,
  ListItem,
  Paper,
  Stack,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material'
import { useState, type ReactNode } from 'react'
import type { Breakdown, BreakdownRow } from '../../../../shared/contract/analytics'
import { count, money } from '../../format'

const TOP = 10
type Rank = 'commissionMinor' | 'revenueMinor'

/** The promoters who earned most in the period, by commission or by the revenue they brought. */
export function PromoterLeaderboard({
  data,
  currency,
  actions,
}: {
  data: Breakdown | undefined
  currency: string
  actions: ReactNode
}) {
  const [chosenRank, setRank] = useState<Rank | null>(null)
  const promoters = (data?.rows ?? []).filter((row) => row.key !== '')
  // Until someone chooses: by commission, unless no commission was earned (no program yet).
  const rank =
    chosenRank ??
    (promoters.some((row) => row.commissionMinor !== 0) ? 'commissionMinor' : 'revenueMinor')
  const rows = promoters
    .sort((a, b) => b[rank] - a[rank] || a.label.localeCompare(b.label))
    .slice(0, TOP)
  const top = Math.max(1, ...rows.map((row) => row[rank]))
  return (
    <Paper component="section" aria-label="Promoter leaderboard" sx={{ p: 2, minWidth: 0 }}>
      <Stack
        direction="row"
        spacing={2}
        sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1.5 }}
      >
        <Typography variant="h6" component="h2">
          Top promoters
        </Typography>
        {actions}
      </Stack>
      <ToggleButtonGroup
        exclusive
        size="small"
        color="primary"
        value={rank}
        onChange={(_, next: Rank | null) => next && setRank(next)}
        aria-label="Rank promoters by"
        sx={{ mb: 1 }}
      >
        <ToggleButton value="commissionMinor">By commission</ToggleButton>
        <ToggleButton value="revenueMinor">By revenue</ToggleButton>
      </ToggleButtonGroup>
      {rows.length === 0 ? (
        <Typography variant="body2" color="text.secondary" sx={{ py: 2 }}>
          No promoter’s code was used in this period.
        </Typography>
      ) : (
        <List aria-label="Promoters ranked" dense disablePadding>
          {rows.map((row, index) => (
            <Entry
              key={row.key}
              place={index + 1}
              row={row}
              rank={rank}
              share={row[rank] / top}
              currency={currency}
            />
          ))}
        </List>
      )}
    </Paper>
  )
}

function Entry({
  place,
  row,
  rank,
  share,
  currency,
}: {
  place: number
  row: BreakdownRow
  rank: Rank
  share: number
  currency: string
}) {
  const other: Rank = rank === 'commissionMinor' ? 'revenueMinor' : 'commissionMinor'
  return (
    <ListItem disableGutters sx={{ display: 'block', py: 0.75 }}>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'baseline' }}>
        <Typography
          variant="body2"
          color="text.secondary"
          sx={{ width: 22, textAlign: 'right', flexShrink: 0 }}
        >
          {place}.
        </Typography>
        <Typography variant="body2" sx={{ fontWeight: 600, flexGrow: 1, minWidth: 0 }} noWrap>
          {row.label}
        </Typography>
        <Typography variant="body2" sx={{ fontWeight: 600, flexShrink: 0 }}>
          {money(row[rank], currency)}
        </Typography>
      </Stack>
      <Box sx={{ pl: '34px' }}>
        <LinearProgress
          variant="determinate"
          value={Math.max(0, Math.min(100, share * 100))}
          aria-hidden="true"
          sx={{ height: 6, borderRadius: 3, my: 0.5, bgcolor: 'grey.100' }}
        />
        <Typography variant="caption" color="text.secondary">
          {count(row.orders)} {row.orders === 1 ? 'order' : 'orders'} ·{' '}
          {other === 'revenueMinor' ? 'revenue' : 'commission'} {money(row[other], currency)}
        </Typography>
      </Box>
    </ListItem>
  )
}
