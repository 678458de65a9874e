import { Box, Paper, Skeleton, Typography } from '@mui/material'
import { METRICS, changeRatio, type MetricKey } from '../../../../shared/analytics/metrics'
import type { Dashboard } from '../../../../shared/contract/analytics'
import { count, money } from '../../format'

/** Costs: a rise is neither good nor bad news by itself, so their change is not coloured. */
const COSTS = new Set<MetricKey>(['discountMinor', 'commissionMinor'])

/** Read by screen readers, not shown: the arrows alone say nothing to them. */
const VISUALLY_HIDDEN = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const

const percent = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 })

/** Each headline figure of the period with its change against the period before. */
export function KpiCards({ board, currency }: { board: Dashboard | undefined; currency: string }) {
  return (
    <Box
      component="section"
      aria-label="Key figures"
      sx={{
        display: 'grid',
        // Eight cards: four to a row, two on narrow windows, so rows are always full.
        gridTemplateColumns: { xs: 'repeat(2, minmax(0, 1fr))', md: 'repeat(4, minmax(0, 1fr))' },
        gap: 2,
        mb: 2,
      }}
    >
      {METRICS.map((metric) => (
        <Paper
          key={metric.key}
          role="group"
          aria-label={metric.label}
          sx={{ px: 2.5, py: 1.75, display: 'flex', flexDirection: 'column', gap: 0.5 }}
        >
          <Typography variant="body2" color="text.secondary" component="div">
            {metric.label}
          </Typography>
          {board ? (
            <>
              <Typography variant="h5" component="div" data-testid={`kpi-${metric.key}`}>
                {metric.money
                  ? money(board.current[metric.key], currency)
                  : count(board.current[metric.key])}
              </Typography>
              <Change
                current={board.current[metric.key]}
                previous={board.previous[metric.key]}
                cost={COSTS.has(metric.key)}
                testId={`kpi-${metric.key}-change`}
              />
            </>
          ) : (
            <>
              <Skeleton variant="text" width="70%" sx={{ fontSize: '1.5rem' }} />
              <Skeleton variant="text" width="50%" />
            </>
          )}
        </Paper>
      ))}
    </Box>
  )
}

function Change({
  current,
  previous,
  cost,
  testId,
}: {
  current: number
  previous: number
  cost: boolean
  testId: string
}) {
  const ratio = changeRatio(current, previous)
  if (ratio === null) {
    return (
      <Typography variant="body2" color="text.secondary" data-testid={testId}>
        No previous data
      </Typography>
    )
  }
  const up = ratio > 0
  const flat = ratio === 0
  const color = flat || cost ? 'text.secondary' : up ? 'success.main' : 'error.main'
  return (
    <Typography variant="body2" data-testid={testId} sx={{ color, fontWeight: 500 }}>
      {flat ? (
        'No change'
      ) : (
        <>
          <span aria-hidden="true">{up ? '▲' : '▼'} </span>
          <Box component="span" sx={VISUALLY_HIDDEN}>
            {up ? 'up ' : 'down '}
          </Box>
          {percent.format(Math.abs(ratio))}
        </>
      )}
      <Box component="span" sx={{ color: 'text.secondary', fontWeight: 400 }}>
        {' '}
        vs period before
      </Box>
    </Typography>
  )
}
