import type { BreakdownDimension, Metrics } from '../contract/analytics'

export type MetricKey = Exclude<keyof Metrics, 'reversedMinor'>

/** The dashboard's headline figures in the order the page and the export show them. */
export const METRICS: readonly { key: MetricKey; label: string; money: boolean }[] = [
  { key: 'orders', label: 'Orders', money: false },
  { key: 'redemptions', label: 'Redemptions', money: false },
  { key: 'revenueMinor', label: 'Revenue', money: true },
  { key: 'averageOrderMinor', label: 'Average order', money: true },
  { key: 'discountMinor', label: 'Discount given', money: true },
  { key: 'commissionMinor', label: 'Commission cost', money: true },
  { key: 'netRevenueMinor', label: 'Net revenue', money: true },
  { key: 'newCustomers', label: 'New customers', money: false },
]

/**
 * The change from `previous` to `current` as a ratio (0.25 = 25 % more), or null when there
 * is nothing to compare with (previous is 0).
 */
export function changeRatio(current: number, previous: number): number | null {
  if (previous === 0) return null
  return (current - previous) / Math.abs(previous)
}

export const DIMENSION_LABELS: Record<BreakdownDimension, string> = {
  code: 'Code',
  promoter: 'Promoter',
  campaign: 'Campaign',
  channel: 'Channel',
  location: 'Location',
}

/** Why code, promoter and campaign revenue need not match the dashboard's. */
export const REVENUE_PER_CODE_NOTE =
  'Only orders that used a code (by campaign: or an automatic promotion) appear here, and an order’s revenue counts once for each code it used, so revenue need not match the key figures.'

/** Dimensions whose revenue counts an order once per code. */
export function countsRevenuePerCode(by: BreakdownDimension): boolean {
  return by === 'code' || by === 'promoter' || by === 'campaign'
}
