import {
  Autocomplete,
  Box,
  Chip,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material'
import { BarChart } from '@mui/x-charts/BarChart'
import { useState, type ReactNode } from 'react'
import type { Breakdown, BreakdownRow } from '../../../../shared/contract/analytics'
import { count, money } from '../../format'
import { ChartFigure } from './ChartFigure'
import { major, moneyAxisWidth, moneyFull, moneyTick } from './chart-format'

const MAX = 3
const COLORS = ['#0f6e6e', '#5b4bb7', '#d9822b']

const perOrder = (row: BreakdownRow, minor: number) =>
  row.orders === 0 ? 0 : Math.round(minor / row.orders)

/** The figures compared, and whether a higher value is the better one (bolded). */
const FIGURES: {
  label: string
  value: (row: BreakdownRow) => number
  money: boolean
  higherIsBetter: boolean
}[] = [
  { label: 'Orders', value: (r) => r.orders, money: false, higherIsBetter: true },
  { label: 'Redemptions', value: (r) => r.redemptions, money: false, higherIsBetter: true },
  { label: 'Revenue', value: (r) => r.revenueMinor, money: true, higherIsBetter: true },
  {
    label: 'Average order',
    value: (r) => perOrder(r, r.revenueMinor),
    money: true,
    higherIsBetter: true,
  },
  { label: 'Discount given', value: (r) => r.discountMinor, money: true, higherIsBetter: false },
  { label: 'Commission cost', value: (r) => r.commissionMinor, money: true, higherIsBetter: false },
  {
    label: 'Revenue less commission',
    value: (r) => r.revenueMinor - r.commissionMinor,
    money: true,
    higherIsBetter: true,
  },
]

/** Two or three campaigns of the period side by side, from the campaign breakdown. */
export function CompareCampaigns({
  data,
  currency,
  actions,
}: {
  data: Breakdown | undefined
  currency: string
  actions: ReactNode
}) {
  const options = (data?.rows ?? []).filter((row) => row.key !== '')
  const [chosenKeys, setChosenKeys] = useState<string[] | null>(null)
  // Until someone chooses, the two campaigns that earned most; choices gone from the period drop out.
  const chosen =
    chosenKeys === null
      ? options.slice(0, 2)
      : chosenKeys.flatMap((key) => options.filter((row) => row.key === key))
  return (
    <Paper component="section" aria-label="Compare campaigns" sx={{ p: 2, minWidth: 0 }}>
      <Stack
        direction="row"
        spacing={2}
        sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1.5 }}
      >
        <Typography variant="h6" component="h2">
          Compare campaigns
        </Typography>
        {actions}
      </Stack>
      <Autocomplete
        multiple
        options={options}
        value={chosen}
        getOptionLabel={(row) => row.label}
        isOptionEqualToValue={(option, value) => option.key === value.key}
        getOptionDisabled={(row) => chosen.length >= MAX && !chosen.some((c) => c.key === row.key)}
        onChange={(_, rows) => setChosenKeys(rows.slice(0, MAX).map((row) => row.key))}
        renderValue={(rows, getItemProps) =>
          rows.map((row, index) => {
            const { key, ...itemProps } = getItemProps({ index })
            return (
              <Chip
                key={key}
                size="small"
                label={row.label}
                icon={<Swatch color={COLORS[index]} />}
                {...itemProps}
              />
            )
          })
        }
        renderInput={(params) => (
          <TextField
            {...params}
            label="Campaigns to compare"
            helperText={
              options.length === 0
                ? 'Campaigns used in this period appear here.'
                : options.length === 1
                  ? 'Only one campaign was used in this period.'
                  : `Choose up to ${MAX}.`
            }
          />
        )}
        sx={{ mb: 2 }}
      />
      {chosen.length > 0 && (
        <>
          <Box sx={{ overflowX: 'auto' }}>
            <Table size="small" aria-label="Campaigns side by side">
              <TableHead>
                <TableRow>
                  <TableCell>Figure</TableCell>
                  {chosen.map((row, index) => (
                    <TableCell key={row.key} align="right" sx={{ fontWeight: 600 }}>
                      <Swatch color={COLORS[index]} />
                      {row.label}
                      {row.detail && (
                        <Typography variant="caption" color="text.secondary" component="div">
                          {row.detail}
                        </Typography>
                      )}
                    </TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {FIGURES.map((figure) => {
                  const values = chosen.map(figure.value)
                  const best =
                    figure.higherIsBetter && chosen.length > 1 ? Math.max(...values) : null
                  return (
                    <TableRow key={figure.label}>
                      <TableCell component="th" scope="row">
                        {figure.label}
                      </TableCell>
                      {values.map((value, index) => (
                        <TableCell
                          key={chosen[index]?.key}
                          align="right"
                          sx={{ fontWeight: best !== null && value === best ? 700 : 400 }}
                        >
                          {figure.money ? money(value, currency) : count(value)}
                        </TableCell>
                      ))}
                    </TableRow>
                  )
                })}
              </TableBody>
            </Table>
          </Box>
          <Box sx={{ mt: 2 }}>
            <ChartFigure
              title="Revenue, discount and commission by campaign"
              description={`The chosen campaigns’ revenue, discount given and commission cost in the period, in ${currency}.`}
            >
              <BarChart
                height={240}
                skipAnimation
                grid={{ horizontal: true }}
                xAxis={[
                  {
                    scaleType: 'band',
                    data: ['Revenue', 'Discount given', 'Commission cost'],
                  },
                ]}
                yAxis={[
                  {
                    width: moneyAxisWidth(
                      chosen.map((row) => major(row.revenueMinor, currency)),
                      currency,
                    ),
                    valueFormatter: (v: number) => moneyTick(v, currency),
                  },
                ]}
                series={chosen.map((row, index) => ({
                  label: row.label,
                  color: COLORS[index],
                  data: [row.revenueMinor, row.discountMinor, row.commissionMinor].map((minor) =>
                    major(minor, currency),
                  ),
                  valueFormatter: (value: number | null) => moneyFull(value, currency),
                }))}
                margin={{ right: 16 }}
              />
            </ChartFigure>
          </Box>
        </>
      )}
    </Paper>
  )
}

/** The colour that stands for a campaign in the chips, the table and the chart. */
function Swatch({ color }: { color: string | undefined }) {
  return (
    <Box
      component="span"
      aria-hidden="true"
      sx={{
        display: 'inline-block',
        flexShrink: 0,
        width: 10,
        height: 10,
        borderRadius: '2px',
        bgcolor: color,
        mr: 1,
        verticalAlign: 'baseline',
      }}
    />
  )
}
