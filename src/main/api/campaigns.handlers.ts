import type { Campaign } from '../../shared/contract/campaigns'
import type { DiscountSpec } from '../../shared/promotions/discounts'
import type { ConditionSpec } from '../../shared/promotions/conditions'
import { everyLine, type Eligibility } from '../../shared/promotions/selectors'
import type { Workspace } from '../db/database'
import { parseRule } from '../db/repos/programs.repo'
import { trySale } from '../checkout/evaluate-sale'
import { checkCreationPolicy } from '../engine/creation-policy'
import { endOfLocalDay, startOfLocalDay } from '../time/local-dates'
import type { HandlerContext, HandlerGroup } from './context'
import { requireBusiness } from './businesses.handlers'
import { DomainError, notFound } from './domain-error'

function campaignQuery(db: Workspace, businessId: number) {
  return db.qb
    .selectFrom('campaigns as cam')
    .where('cam.business_id', '=', businessId)
    .selectAll('cam')
    .select((eb) => {
      // Codes of a bulk batch still being written are not counted, as they are hidden elsewhere.
      const visibleCodes = eb
        .selectFrom('codes')
        .whereRef('codes.campaign_id', '=', 'cam.id')
        .where((sub) =>
          sub.or([
            sub('codes.batch_id', 'is', null),
            sub(
              'codes.batch_id',
              'in',
              sub.selectFrom('code_batches').select('id').where('status', '=', 'done'),
            ),
          ]),
        )
      return [
        visibleCodes.select((sub) => sub.fn.countAll<number>().as('n')).as('code_count'),
        visibleCodes
          .select((sub) =>
            sub.fn.coalesce(sub.fn.sum<number>('codes.uses_count'), sub.lit(0)).as('n'),
          )
          .as('code_use_count'),
        // Automatic promotions have no codes: their uses are the sales they applied to.
        eb
          .selectFrom('promotion_uses')
          .whereRef('promotion_uses.campaign_id', '=', 'cam.id')
          .select((sub) => sub.fn.countAll<number>().as('n'))
          .as('automatic_use_count'),
      ]
    })
}

type CampaignRow = Awaited<ReturnType<ReturnType<typeof campaignQuery>['executeTakeFirstOrThrow']>>

function toCampaign(row: CampaignRow): Campaign {
  return {
    id: row.id,
    businessId: row.business_id,
    name: row.name,
    description: row.description,
    kind: row.automatic === 1 ? 'automatic' : row.kind,
    discount: JSON.parse(row.discount_json) as DiscountSpec,
    conditions: JSON.parse(row.conditions_json) as ConditionSpec[],
    eligible: row.eligible_json ? (JSON.parse(row.eligible_json) as Eligibility) : everyLine,
    stacking: { mode: row.stacking_mode, priority: row.priority, group: row.stack_group },
    maxUsesPerDay: row.max_uses_per_day,
    active: row.active === 1,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    createdAt: row.created_at,
    codeCount: Number(row.code_count ?? 0),
    useCount: Number(row.code_use_count ?? 0) + Number(row.automatic_use_count ?? 0),
    commission: row.commission_json ? parseRule(row.commission_json) : null,
  }
}

export function requireCampaign(db: Workspace, businessId: number, campaignId: number): Campaign {
  const row = db.sql.first(campaignQuery(db, businessId).where('cam.id', '=', campaignId))
  if (!row) throw notFound('This campaign', 'campaignId')
  return toCampaign(row)
}

export function campaignsHandlers({
  db,
  clock,
}: HandlerContext): HandlerGroup<
  | 'campaigns.list'
  | 'campaigns.get'
  | 'campaigns.create'
  | 'campaigns.setActive'
  | 'campaigns.tryCart'
> {
  return {
    'campaigns.list': ({ businessId }) => {
      requireBusiness(db, businessId)
      return db.sql.all(campaignQuery(db, businessId).orderBy('cam.id', 'desc')).map(toCampaign)
    },

    'campaigns.get': ({ businessId, campaignId }) => requireCampaign(db, businessId, campaignId),

    'campaigns.create': (input) => {
      const business = requireBusiness(db, input.businessId)
      const now = clock.now()
      // Only the discount rule applies to a campaign; windows and limits are checked per code.
      const discountIssues = checkCreationPolicy(
        {
          ...business.policy,
          maxUsesPerCode: null,
          maxUsesPerCustomer: null,
          maxWindowMonths: null,
          maxCodesPerPromoter: null,
        },
        {
          discount: input.discount,
          maxUses: null,
          maxUsesPerCustomer: null,
          startsAt: null,
          endsAt: null,
          promoterCodesInPeriod: null,
        },
        now,
        business.timeZone,
      )
      if (discountIssues.length > 0) {
        throw new DomainError('policy_violation', discountIssues[0]?.message ?? '', {
          field: 'discount',
          issues: discountIssues,
        })
      }
      const row = db.sql.first(
        db.qb
          .insertInto('campaigns')
          .values({
            business_id: business.id,
            name: input.name,
            description: input.description ?? null,
            kind: input.kind === 'tracking' ? 'tracking' : 'discount',
            automatic: input.kind === 'automatic' ? 1 : 0,
            discount_json: JSON.stringify(input.discount),
            conditions_json: JSON.stringify(input.conditions),
            eligible_json: JSON.stringify(input.eligible),
            stacking_mode: input.stacking.mode,
            priority: input.stacking.priority,
            stack_group: input.stacking.group,
            max_uses_per_day: input.maxUsesPerDay,
            starts_at: input.startsOn ? startOfLocalDay(input.startsOn, business.timeZone) : null,
            ends_at: input.endsOn ? endOfLocalDay(input.endsOn, business.timeZone) : null,
            created_at: now,
          })
          .returning('id'),
      )
      return requireCampaign(db, business.id, row?.id ?? 0)
    },

    'campaigns.setActive': ({ businessId, campaignId, active }) => {
      requireCampaign(db, businessId, campaignId)
      db.sql.run(
        db.qb
          .updateTable('campaigns')
          .set({ active: active ? 1 : 0 })
          .where('id', '=', campaignId)
          .where('business_id', '=', businessId),
      )
      return requireCampaign(db, businessId, campaignId)
    },

    'campaigns.tryCart': (args) => {
      const business = requireBusiness(db, args.businessId)
      requireCampaign(db, business.id, args.campaignId)
      return trySale(db, business, args, clock.now())
    },
  }
}
