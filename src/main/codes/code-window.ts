import type { Business } from '../../shared/contract/businesses'
import type { Campaign } from '../../shared/contract/campaigns'
import { endOfLocalDay, localDayOf, startOfLocalDay } from '../time/local-dates'
import { DomainError } from '../api/domain-error'

/**
 * Turns a code's first and last day into instants and checks they lie inside its campaign's
 * window. Open days inherit the campaign's.
 */
export function resolveCodeWindow(
  business: Business,
  campaign: Campaign,
  days: { startsOn?: string | undefined; endsOn?: string | undefined },
): { startsAt: number | null; endsAt: number | null } {
  const zone = business.timeZone
  const startsAt = days.startsOn ? startOfLocalDay(days.startsOn, zone) : campaign.startsAt
  const endsAt = days.endsOn ? endOfLocalDay(days.endsOn, zone) : campaign.endsAt
  if (campaign.startsAt !== null && startsAt !== null && startsAt < campaign.startsAt) {
    throw new DomainError(
      'invalid_input',
      `The code cannot start before its campaign, on ${localDayOf(campaign.startsAt, zone)}.`,
      {
        field: 'startsOn',
      },
    )
  }
  if (campaign.endsAt !== null && endsAt !== null && endsAt > campaign.endsAt) {
    throw new DomainError(
      'invalid_input',
      `The code cannot end after its campaign, on ${localDayOf(campaign.endsAt - 1, zone)}.`,
      {
        field: 'endsOn',
      },
    )
  }
  return { startsAt, endsAt }
}
