import {
  commissionRule,
  DEFAULT_PROGRAM,
  type CommissionRule,
  type ProgramSettings,
} from '../../../shared/commissions/rules'
import { boundedMemo } from '../../../shared/bounded-memo'
import type { Workspace } from '../database'
import { preparedQuery } from '../prepared-query'

const programRow = preparedQuery((db, p: { businessId: number }) =>
  db.qb.selectFrom('commission_programs').selectAll().where('business_id', '=', p.businessId),
)

const campaignRule = preparedQuery((db, p: { campaignId: number }) =>
  db.qb.selectFrom('campaigns').select('commission_json').where('id', '=', p.campaignId),
)

const parsedRules = boundedMemo<CommissionRule>(1_000)

/**
 * Stored rules were valid when written; parsing again fills defaults added since. Every sale
 * reads its rule, so each stored text is parsed once (rules are few: the cache stays small).
 */
export function parseRule(json: string): CommissionRule {
  return parsedRules(json, () => commissionRule.parse(JSON.parse(json)))
}

/** The business's program; the defaults until someone saves it. */
export function findProgram(db: Workspace, businessId: number): ProgramSettings {
  const row = db.sql.first(programRow(db, { businessId }))
  if (!row) return DEFAULT_PROGRAM
  return {
    attributionModel: row.attribution_model,
    engagementLifetimeDays: row.engagement_lifetime_days,
    points: { coupon: row.points_coupon, visit: row.points_visit, manual: row.points_manual },
    holdingDays: row.holding_days,
    periodLength: row.period_length,
    rule: parseRule(row.rule_json),
  }
}

export function saveProgram(
  db: Workspace,
  businessId: number,
  program: ProgramSettings,
  now: number,
): void {
  const values = {
    attribution_model: program.attributionModel,
    engagement_lifetime_days: program.engagementLifetimeDays,
    points_coupon: program.points.coupon,
    points_visit: program.points.visit,
    points_manual: program.points.manual,
    holding_days: program.holdingDays,
    period_length: program.periodLength,
    rule_json: JSON.stringify(program.rule),
    updated_at: now,
  }
  db.sql.run(
    db.qb
      .insertInto('commission_programs')
      .values({ business_id: businessId, ...values })
      .onConflict((oc) => oc.column('business_id').doUpdateSet(values)),
  )
}

/** A campaign's own commission rule, or null when it follows the business's. */
export function findCampaignRule(db: Workspace, campaignId: number): CommissionRule | null {
  const json = db.sql.first(campaignRule(db, { campaignId }))?.commission_json
  return json ? parseRule(json) : null
}

export function saveCampaignRule(
  db: Workspace,
  businessId: number,
  campaignId: number,
  rule: CommissionRule | null,
): number {
  return db.sql.run(
    db.qb
      .updateTable('campaigns')
      .set({ commission_json: rule ? JSON.stringify(rule) : null })
      .where('business_id', '=', businessId)
      .where('id', '=', campaignId),
  ).changes
}
