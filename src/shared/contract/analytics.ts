import { z } from 'zod'
import { id, localDate } from './common'
import { method } from './define'

/** Figures for one stretch of days. Money in minor units; reversals already subtracted. */
export interface Metrics {
  /** Sales recorded. */
  orders: number
  /** Codes used on those sales. */
  redemptions: number
  /** What customers paid, less refunds and voids. */
  revenueMinor: number
  /** Refunds and voids (negative). */
  reversedMinor: number
  averageOrderMinor: number
  discountMinor: number
  commissionMinor: number
  /** Revenue less commission. */
  netRevenueMinor: number
  /** Customers whose first recorded sale falls in the stretch. */
  newCustomers: number
}

export interface SeriesPoint {
  /** yyyy-MM-dd (by day) or yyyy-MM (by month). */
  bucket: string
  orders: number
  redemptions: number
  revenueMinor: number
  discountMinor: number
  commissionMinor: number
}

export interface Dashboard {
  from: string
  to: string
  current: Metrics
  /** The same number of days just before. */
  previous: Metrics
  previousFrom: string
  previousTo: string
  by: 'day' | 'month'
  series: SeriesPoint[]
}

export const BREAKDOWN_DIMENSIONS = ['code', 'promoter', 'campaign', 'channel', 'location'] as const
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number]

export interface BreakdownRow {
  key: string
  label: string
  /** For campaigns: discount or tracking. */
  detail: string | null
  orders: number
  redemptions: number
  revenueMinor: number
  discountMinor: number
  commissionMinor: number
}

export interface Breakdown {
  by: BreakdownDimension
  rows: BreakdownRow[]
  totals: Omit<BreakdownRow, 'key' | 'label' | 'detail'>
}

/** The checks every range of days passes: in order, and at most three years long. */
function checkedRange<T extends z.ZodType<{ from: string; to: string }>>(schema: T) {
  return schema
    .refine((range) => range.from <= range.to, {
      message: 'The first day must not be after the last.',
      path: ['to'],
    })
    .refine((range) => Date.parse(range.to) - Date.parse(range.from) <= 3 * 366 * 86_400_000, {
      message: 'Choose at most three years.',
      path: ['from'],
    })
}

export const dateRange = checkedRange(z.object({ businessId: id, from: localDate, to: localDate }))

/** What an analytics export holds: the dashboard (figures and the chart's series) or one breakdown. */
export const ANALYTICS_EXPORTS = ['dashboard', ...BREAKDOWN_DIMENSIONS] as const
export type AnalyticsExport = (typeof ANALYTICS_EXPORTS)[number]

/** A campaign replayed over past sales (see src/main/analytics/what-if.ts). */
export interface WhatIf {
  campaignId: number
  from: string
  to: string
  /** Sales in the range, and how many were replayed (the most recent, at most 20,000). */
  ordersInRange: number
  ordersReplayed: number
  /** Replayed sales the campaign would have applied to. */
  uses: number
  discountMinor: number
  /** What those sales would have brought in after the discount. */
  revenueMinor: number
  commissionMinor: number
}

export const analyticsContract = {
  'analytics.dashboard': method<Dashboard>()(
    dateRange,
    'Orders, redemptions, revenue, average order, discount, commission, net revenue and new customers for a range of days (inclusive, in the business’s time zone), compared with the days just before, with a series over time.',
  ),
  'analytics.breakdown': method<Breakdown>()(
    z
      .object({ businessId: id, from: localDate, to: localDate, by: z.enum(BREAKDOWN_DIMENSIONS) })
      .refine((range) => range.from <= range.to, {
        message: 'The first day must not be after the last.',
        path: ['to'],
      }),
    'The same figures split by code, promoter, campaign (including tracking campaigns: orders per source), channel or location, largest revenue first.',
  ),
  'analytics.whatIf': method<WhatIf>()(
    checkedRange(z.object({ businessId: id, campaignId: id, from: localDate, to: localDate })),
    'Replays the business’s past sales of a range under one campaign’s rules alone, to estimate its uses, discount cost and commission before launching it.',
  ),
  'exports.analytics': method<{ jobId: string }>()(
    checkedRange(
      z.object({
        businessId: id,
        from: localDate,
        to: localDate,
        what: z.enum(ANALYTICS_EXPORTS),
        format: z.enum(['xlsx', 'csv']).default('xlsx'),
      }),
    ),
    'Writes the dashboard (figures against the period before, and the chart’s series) or one breakdown with its totals to an .xlsx file, or its table (for the dashboard: the chart’s series) to a CSV file, in the background.',
  ),
}
