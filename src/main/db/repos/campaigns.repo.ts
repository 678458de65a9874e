import type { ConditionSpec } from '../../../shared/promotions/conditions'
import type { DiscountSpec } from '../../../shared/promotions/discounts'
import { everyLine, type Eligibility } from '../../../shared/promotions/selectors'
import type { EnginePromotion } from '../../engine/types'
import type { Workspace } from '../database'
import { preparedQuery } from '../prepared-query'

/** The columns that make a campaign's terms, under the names toPromotionTerms reads. */
export const TERM_COLUMNS = [
  'cam.id as campaign_id',
  'cam.name as campaign_name',
  'cam.active as campaign_active',
  'cam.discount_json',
  'cam.conditions_json',
  'cam.eligible_json',
  'cam.stacking_mode',
  'cam.priority',
  'cam.stack_group',
  'cam.max_uses_per_day',
  'cam.starts_at as campaign_starts_at',
  'cam.ends_at as campaign_ends_at',
] as const

export interface TermsRow {
  campaign_id: number
  campaign_name: string
  campaign_active: number
  discount_json: string
  conditions_json: string
  eligible_json: string | null
  stacking_mode: 'exclusive' | 'combinable'
  priority: number
  stack_group: string | null
  max_uses_per_day: number | null
  campaign_starts_at: number | null
  campaign_ends_at: number | null
}

export type PromotionTerms = Omit<EnginePromotion, 'code' | 'usesToday'> & { active: boolean }

/** A campaign's stored terms as the engine reads them. */
export function toPromotionTerms(row: TermsRow): PromotionTerms {
  return {
    campaignId: row.campaign_id,
    name: row.campaign_name,
    active: row.campaign_active === 1,
    discount: JSON.parse(row.discount_json) as DiscountSpec,
    conditions: JSON.parse(row.conditions_json) as ConditionSpec[],
    eligible: row.eligible_json ? (JSON.parse(row.eligible_json) as Eligibility) : everyLine,
    stacking: { mode: row.stacking_mode, priority: row.priority, group: row.stack_group },
    maxUsesPerDay: row.max_uses_per_day,
    startsAt: row.campaign_starts_at,
    endsAt: row.campaign_ends_at,
  }
}

const automaticAt = preparedQuery((db, p: { businessId: number; now: number }) =>
  db.qb
    .selectFrom('campaigns as cam')
    .select(TERM_COLUMNS)
    .where('cam.business_id', '=', p.businessId)
    .where('cam.automatic', '=', 1)
    .where('cam.active', '=', 1)
    .where((eb) => eb.or([eb('cam.starts_at', 'is', null), eb('cam.starts_at', '<=', p.now)]))
    .where((eb) => eb.or([eb('cam.ends_at', 'is', null), eb('cam.ends_at', '>', p.now)]))
    .orderBy('cam.priority')
    .orderBy('cam.id'),
)

/** The automatic promotions running now (paused, scheduled and ended ones left out). */
export function runningAutomaticPromotions(
  db: Workspace,
  businessId: number,
  now: number,
): PromotionTerms[] {
  return db.sql.all(automaticAt(db, { businessId, now })).map(toPromotionTerms)
}

const usesOnDay = preparedQuery((db, p: { campaignId: number; day: string }) =>
  db.qb
    .selectFrom('campaign_daily_uses')
    .select('uses')
    .where('campaign_id', '=', p.campaignId)
    .where('day', '=', p.day),
)

export function campaignUsesOnDay(db: Workspace, campaignId: number, day: string): number {
  return db.sql.first(usesOnDay(db, { campaignId, day }))?.uses ?? 0
}

/** Takes one use of a day's cap; false when the cap is reached (the database decides). */
const bumpDailyUses = preparedQuery((db, p: { campaignId: number; day: string; cap: number }) =>
  db.qb
    .insertInto('campaign_daily_uses')
    .values({ campaign_id: p.campaignId, day: p.day, uses: 1 })
    .onConflict((oc) =>
      oc
        .columns(['campaign_id', 'day'])
        .doUpdateSet((eb) => ({ uses: eb('campaign_daily_uses.uses', '+', 1) }))
        .where('campaign_daily_uses.uses', '<', p.cap),
    )
    .returning('uses'),
)

export function takeDailyUse(db: Workspace, campaignId: number, day: string, cap: number): boolean {
  return db.sql.first(bumpDailyUses(db, { campaignId, day, cap })) !== undefined
}

const termsById = preparedQuery((db, p: { businessId: number; campaignId: number }) =>
  db.qb
    .selectFrom('campaigns as cam')
    .select(TERM_COLUMNS)
    .where('cam.business_id', '=', p.businessId)
    .where('cam.id', '=', p.campaignId),
)

/** One campaign's terms; the caller has checked it exists. */
export function findCampaignTerms(
  db: Workspace,
  businessId: number,
  campaignId: number,
): PromotionTerms {
  const row = db.sql.first(termsById(db, { businessId, campaignId }))
  if (!row) throw new Error(`Campaign ${campaignId} has no terms.`)
  return toPromotionTerms(row)
}
