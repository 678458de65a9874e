/** Period keys name payout periods and sort in time order: 2026-11 (monthly), 2026-W48 (weekly). */
export type PeriodLength = 'monthly' | 'weekly'

export const MONTHLY_KEY = /^(\d{4})-(\d{2})$/
export const WEEKLY_KEY = /^(\d{4})-W(\d{2})$/

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/** "November 2026", "Week 48 of 2026". */
export function periodLabel(key: string): string {
  const month = MONTHLY_KEY.exec(key)
  if (month) return `${MONTHS[Number(month[2]) - 1] ?? month[2]} ${month[1]}`
  const week = WEEKLY_KEY.exec(key)
  if (week) return `Week ${Number(week[2])} of ${week[1]}`
  return key
}
