import { Alert, Box, Paper, Stack, Typography } from '@mui/material'
import { BarChart } from '@mui/x-charts/BarChart'
import { LineChart, lineClasses } from '@mui/x-charts/LineChart'
import type { ReactNode } from 'react'
import type { Dashboard } from '../../../../shared/contract/analytics'
import { ChartFigure } from './ChartFigure'
import { major, moneyAxisWidth, moneyFull, moneyTick } from './chart-format'
import { bucketLong, bucketTick, describeRange } from './date-range'

const COLORS = {
  revenue: '#0f6e6e',
  discount: '#d9822b',
  orders: '#5b4bb7',
  redemptions: '#a99be6',
}
const HEIGHT = 300

/** Revenue and discount over time, and orders with redemptions beside them. */
export function TrendCharts({
  board,
  currency,
  actions,
}: {
  board: Dashboard | undefined
  currency: string
  actions: ReactNode
}) {
  const series = board?.series ?? []
  const unit = board?.by === 'month' ? 'month' : 'day'
  const period = board ? describeRange(board) : ''
  const dataset = series.map((point) => ({
    bucket: point.bucket,
    revenue: major(point.revenueMinor, currency),
    discount: major(point.discountMinor, currency),
    orders: point.orders,
    redemptions: point.redemptions,
  }))
  const xAxis = {
    dataKey: 'bucket',
    valueFormatter: (bucket: string, context: { location: string }) =>
      context.location === 'tick' ? bucketTick(bucket) : bucketLong(bucket),
    tickLabelMinGap: 12,
  }
  const marks = dataset.length <= 14
  const empty =
    board !== undefined && board.current.orders === 0 && board.current.revenueMinor === 0
  return (
    <Paper component="section" aria-label="Over time" sx={{ p: 2, mb: 2 }}>
      <Stack
        direction="row"
        spacing={2}
        sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1.5 }}
      >
        <Typography variant="h6" component="h2">
          Over time
        </Typography>
        <Stack direction="row" spacing={1}>
          {actions}
        </Stack>
      </Stack>
      {empty && (
        <Alert severity="info" sx={{ mb: 1.5 }}>
          No sales were recorded in this period.
        </Alert>
      )}
      <Box
        sx={{
          display: 'grid',
          gridTemplateColumns: { xs: '1fr', lg: '3fr 2fr' },
          gap: 3,
        }}
      >
        <ChartFigure
          title={`Revenue and discount per ${unit}`}
          description={`Revenue (after refunds) and discount given per ${unit}, ${period}, in ${currency}.`}
        >
          <LineChart
            height={HEIGHT}
            dataset={dataset}
            loading={!board}
            skipAnimation
            grid={{ horizontal: true }}
            xAxis={[{ ...xAxis, scaleType: 'point' }]}
            yAxis={[
              {
                width: moneyAxisWidth(
                  dataset.map((point) => point.revenue),
                  currency,
                ),
                valueFormatter: (value: number) => moneyTick(value, currency),
              },
            ]}
            series={[
              {
                dataKey: 'revenue',
                label: 'Revenue',
                color: COLORS.revenue,
                area: true,
                showMark: marks,
                valueFormatter: (value) => moneyFull(value, currency),
              },
              {
                dataKey: 'discount',
                label: 'Discount given',
                color: COLORS.discount,
                showMark: marks,
                valueFormatter: (value) => moneyFull(value, currency),
              },
            ]}
            // A point scale puts the last bucket on the edge: room for half its label.
            margin={{ right: 36 }}
            sx={{ [`& .${lineClasses.area}`]: { fillOpacity: 0.14 } }}
          />
        </ChartFigure>
        <ChartFigure
          title={`Orders and redemptions per ${unit}`}
          description={`Orders recorded and codes used per ${unit}, ${period}.`}
        >
          <BarChart
            height={HEIGHT}
            dataset={dataset}
            loading={!board}
            skipAnimation
            grid={{ horizontal: true }}
            xAxis={[{ ...xAxis, scaleType: 'band' }]}
            yAxis={[{ width: 'auto', tickMinStep: 1 }]}
            series={[
              { dataKey: 'orders', label: 'Orders', color: COLORS.orders },
              { dataKey: 'redemptions', label: 'Redemptions', color: COLORS.redemptions },
            ]}
            margin={{ right: 16 }}
          />
        </ChartFigure>
      </Box>
    </Paper>
  )
}
