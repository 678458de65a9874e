import { Box, Paper, Stack, Tab, Tabs, Typography } from '@mui/material'
import type { ReactNode } from 'react'
import {
  DIMENSION_LABELS,
  REVENUE_PER_CODE_NOTE,
  countsRevenuePerCode,
} from '../../../../shared/analytics/metrics'
import {
  BREAKDOWN_DIMENSIONS,
  type Breakdown,
  type BreakdownDimension,
} from '../../../../shared/contract/analytics'
import { BreakdownTable } from './BreakdownTable'

const NOTES: Partial<Record<BreakdownDimension, string>> = {
  campaign:
    'Tracking campaigns give no discount: their rows are the orders per source (a flyer, a newsletter, a partner).',
  channel: 'Channels add up to the key figures above.',
  location: 'Locations add up to the key figures above; sales without one are listed apart.',
}

/** The period's figures split one way at a time, chosen with tabs. */
export function BreakdownSection({
  by,
  onByChange,
  data,
  loading,
  currency,
  actions,
}: {
  by: BreakdownDimension
  onByChange: (by: BreakdownDimension) => void
  data: Breakdown | undefined
  loading: boolean
  currency: string
  actions: ReactNode
}) {
  const notes = [NOTES[by], countsRevenuePerCode(by) ? REVENUE_PER_CODE_NOTE : null].filter(Boolean)
  return (
    <Paper component="section" aria-label="Breakdown" sx={{ mb: 2 }}>
      <Stack
        direction="row"
        spacing={2}
        sx={{
          alignItems: 'center',
          justifyContent: 'space-between',
          px: 2,
          pt: 1,
          borderBottom: 1,
          borderColor: 'divider',
        }}
      >
        <Stack direction="row" spacing={3} sx={{ alignItems: 'center', minWidth: 0 }}>
          <Typography variant="h6" component="h2">
            Breakdown
          </Typography>
          <Tabs
            value={by}
            onChange={(_, next: BreakdownDimension) => onByChange(next)}
            aria-label="Break down by"
            variant="scrollable"
            scrollButtons="auto"
          >
            {BREAKDOWN_DIMENSIONS.map((dimension) => (
              <Tab
                key={dimension}
                value={dimension}
                label={DIMENSION_LABELS[dimension]}
                id={`breakdown-tab-${dimension}`}
                aria-controls="breakdown-panel"
              />
            ))}
          </Tabs>
        </Stack>
        <Box sx={{ flexShrink: 0, pb: 1 }}>{actions}</Box>
      </Stack>
      <Box
        role="tabpanel"
        id="breakdown-panel"
        aria-labelledby={`breakdown-tab-${by}`}
        sx={{ p: 1 }}
      >
        <BreakdownTable by={by} data={data} loading={loading} currency={currency} />
        {notes.length > 0 && (
          <Box sx={{ px: 1, pb: 1 }}>
            {notes.map((note) => (
              <Typography key={note} variant="caption" color="text.secondary" component="p">
                {note}
              </Typography>
            ))}
          </Box>
        )}
      </Box>
    </Paper>
  )
}
