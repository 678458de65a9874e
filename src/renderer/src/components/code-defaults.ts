import type { Business } from '../../../shared/contract/businesses'
import type { Campaign } from '../../../shared/contract/campaigns'
import { lastDayOfWindow, todayIn } from '../format'

function dayOf(instant: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant)
}

/**
 * A window the policy accepts: from today (or the campaign's start, if later), for the policy's
 * longest window, cut at the campaign's end.
 */
export function defaultWindow(
  business: Business,
  campaign: Campaign | undefined,
): { startsOn: string; endsOn: string } {
  const zone = business.timeZone
  const today = todayIn(zone)
  const campaignStart = campaign?.startsAt != null ? dayOf(campaign.startsAt, zone) : null
  const campaignEnd = campaign?.endsAt != null ? dayOf(campaign.endsAt - 1, zone) : null
  const startsOn = campaignStart && campaignStart > today ? campaignStart : today
  let endsOn =
    business.policy.maxWindowMonths !== null
      ? lastDayOfWindow(startsOn, business.policy.maxWindowMonths)
      : (campaignEnd ?? '')
  if (campaignEnd && (!endsOn || campaignEnd < endsOn)) endsOn = campaignEnd
  return { startsOn, endsOn }
}

export function defaultLimit(limit: number | null): string {
  return limit === null ? '' : String(limit)
}
