import { Box } from '@mui/material'
import { useState } from 'react'
import type { AnalyticsExport, BreakdownDimension } from '../../../shared/contract/analytics'
import { call } from '../api-client'
import { useBusiness } from '../app/business-context'
import { BreakdownSection } from '../components/analytics/BreakdownSection'
import { CompareCampaigns } from '../components/analytics/CompareCampaigns'
import { DateRangeBar } from '../components/analytics/DateRangeBar'
import {
  dayCount,
  describeRange,
  presetRange,
  rangeProblem,
  type DayRange,
  type PresetKey,
} from '../components/analytics/date-range'
import { KpiCards } from '../components/analytics/KpiCards'
import { PromoterLeaderboard } from '../components/analytics/PromoterLeaderboard'
import { TrendCharts } from '../components/analytics/TrendCharts'
import { ErrorAlert } from '../components/ErrorAlert'
import { ExportButton } from '../components/ExportButton'
import { PageHeader } from '../components/PageHeader'
import { todayIn } from '../format'
import { useApiQuery } from '../hooks/use-api'

export default function AnalyticsPage() {
  const business = useBusiness()
  const today = todayIn(business.timeZone)
  const [preset, setPreset] = useState<PresetKey | null>('last30')
  const [range, setRange] = useState<DayRange>(() => presetRange('last30', today))
  const [by, setBy] = useState<BreakdownDimension>('code')
  const [exportError, setExportError] = useState<Error | null>(null)
  const problem = rangeProblem(range)
  const scope = problem ? null : { businessId: business.id, ...range }

  const board = useApiQuery('analytics.dashboard', scope)
  const split = useApiQuery('analytics.breakdown', scope && { ...scope, by })
  const campaigns = useApiQuery('analytics.breakdown', scope && { ...scope, by: 'campaign' })
  const promoters = useApiQuery('analytics.breakdown', scope && { ...scope, by: 'promoter' })

  const exportButton = (what: AnalyticsExport, label: string, format: 'xlsx' | 'csv' = 'xlsx') => (
    <ExportButton
      label={label}
      start={() => call('exports.analytics', { businessId: business.id, ...range, what, format })}
      onError={setExportError}
    />
  )
  const days = problem ? null : dayCount(range)
  return (
    <>
      <PageHeader
        title="Analytics"
        subtitle={
          days === null
            ? 'What each code, promoter and campaign really earned.'
            : `What each code, promoter and campaign really earned, ${describeRange(range)}, against the ${days === 1 ? 'day' : `${days} days`} before. Revenue is after refunds and voids.`
        }
        actions={exportButton('dashboard', 'Export dashboard to Excel')}
      />
      <DateRangeBar
        range={range}
        preset={preset}
        today={today}
        problem={problem}
        onChange={(next, key) => {
          setRange(next)
          setPreset(key)
        }}
      />
      <ErrorAlert
        error={board.error ?? split.error ?? campaigns.error ?? promoters.error ?? exportError}
      />
      <KpiCards board={scope ? board.data : undefined} currency={business.currency} />
      <TrendCharts
        board={scope ? board.data : undefined}
        currency={business.currency}
        actions={
          <>
            {exportButton('dashboard', 'Chart to Excel')}
            {exportButton('dashboard', 'Chart data to CSV', 'csv')}
          </>
        }
      />
      <BreakdownSection
        by={by}
        onByChange={setBy}
        data={scope ? split.data : undefined}
        loading={split.isFetching && !split.data}
        currency={business.currency}
        actions={exportButton(by, 'Export to Excel')}
      />
      <Box
        sx={{
          display: 'grid',
          gridTemplateColumns: { xs: '1fr', lg: '7fr 5fr' },
          gap: 2,
          alignItems: 'start',
        }}
      >
        <CompareCampaigns
          data={scope ? campaigns.data : undefined}
          currency={business.currency}
          actions={exportButton('campaign', 'Export to Excel')}
        />
        <PromoterLeaderboard
          data={scope ? promoters.data : undefined}
          currency={business.currency}
          actions={exportButton('promoter', 'Export to Excel')}
        />
      </Box>
    </>
  )
}
