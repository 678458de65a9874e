import { Box, Button, Paper, Stack, TextField, Typography } from '@mui/material'
import ReplayIcon from '@mui/icons-material/Replay'
import { useState } from 'react'
import type { Campaign } from '../../../../shared/contract/campaigns'
import { useBusiness } from '../../app/business-context'
import { useApiQuery } from '../../hooks/use-api'
import { count, money, todayIn } from '../../format'
import { ErrorAlert } from '../ErrorAlert'
import { Figure } from '../Figure'
import { addDays, rangeProblem, type DayRange } from './date-range'

/**
 * "What if": the business's past sales replayed under this campaign's rules alone, to see what
 * it would have cost and brought before launching it. Runs when asked, not on every keystroke.
 */
export function WhatIfPanel({ campaign }: { campaign: Campaign }) {
  const business = useBusiness()
  const today = todayIn(business.timeZone)
  const [range, setRange] = useState<DayRange>({ from: addDays(today, -89), to: today })
  const [asked, setAsked] = useState<DayRange | null>(null)
  const problem = rangeProblem(range)
  const estimate = useApiQuery(
    'analytics.whatIf',
    asked ? { businessId: business.id, campaignId: campaign.id, ...asked } : null,
  )
  const result = asked ? estimate.data : undefined
  const currency = business.currency
  return (
    <Paper sx={{ p: 2, mt: 2 }} aria-label="What if">
      <Typography variant="h6" component="h2">
        What if it had been running?
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        Replays this business’s past sales under this campaign’s rules alone, at each sale’s own
        time and for its customer as they were then. Dates, limits and daily caps are left out; for
        a code campaign every order that qualified counts, so it is an upper bound.
      </Typography>
      <Stack
        direction="row"
        spacing={2}
        useFlexGap
        sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}
      >
        <TextField
          label="From"
          type="date"
          size="small"
          value={range.from}
          onChange={(event) => setRange({ ...range, from: event.target.value })}
          error={problem?.field === 'from'}
          helperText={problem?.field === 'from' ? problem.message : ' '}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <TextField
          label="To"
          type="date"
          size="small"
          value={range.to}
          onChange={(event) => setRange({ ...range, to: event.target.value })}
          error={problem?.field === 'to'}
          helperText={problem?.field === 'to' ? problem.message : ' '}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <Button
          variant="outlined"
          startIcon={<ReplayIcon />}
          disabled={problem !== null || estimate.isFetching}
          onClick={() => setAsked({ ...range })}
        >
          {estimate.isFetching ? 'Replaying…' : 'Replay past sales'}
        </Button>
      </Stack>
      <ErrorAlert error={estimate.error} />
      {result && (
        <Box sx={{ mt: 1 }}>
          <Box
            sx={{
              display: 'grid',
              gap: 2,
              gridTemplateColumns: { xs: '1fr 1fr', md: 'repeat(4, 1fr)' },
            }}
          >
            <Figure
              label="Would have applied"
              value={`${count(result.uses)} sales`}
              hint={`of ${count(result.ordersReplayed)} replayed`}
              testId="what-if-uses"
            />
            <Figure
              label="Discount cost"
              value={money(result.discountMinor, currency)}
              testId="what-if-discount"
            />
            <Figure
              label="Revenue of those sales"
              value={money(result.revenueMinor, currency)}
              hint="after the discount"
              testId="what-if-revenue"
            />
            <Figure
              label="Commission"
              value={money(result.commissionMinor, currency)}
              hint="by the campaign’s rule"
              testId="what-if-commission"
            />
          </Box>
          {result.ordersReplayed < result.ordersInRange && (
            <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>
              The {count(result.ordersReplayed)} most recent of {count(result.ordersInRange)} sales
              in the range were replayed.
            </Typography>
          )}
        </Box>
      )}
    </Paper>
  )
}
