import type { MethodArgs } from '../../shared/contract'
import type { CodeRow } from '../../shared/contract/codes'
import type { Workspace } from '../db/database'
import { findCodeRow } from '../db/repos/codes.repo'
import { findOrCreateCustomer } from '../db/repos/customers.repo'
import { checkCreationPolicy } from '../engine/creation-policy'
import { requireBusiness } from '../api/businesses.handlers'
import { requireCampaign } from '../api/campaigns.handlers'
import { requirePromoter } from '../api/promoters.handlers'
import { DomainError } from '../api/domain-error'
import { createCodeDrawer } from './random-code'
import { resolveCodeWindow } from './code-window'

const DAY_MS = 24 * 60 * 60 * 1000
const DRAW_ATTEMPTS = 20

/**
 * Creates one code in one write transaction: the policy's promoter quota is counted and the
 * code inserted under the same lock, so two clerks cannot both take the last slot.
 */
export function createCode(db: Workspace, input: MethodArgs<'codes.create'>, now: number): CodeRow {
  const business = requireBusiness(db, input.businessId)
  const campaign = requireCampaign(db, business.id, input.campaignId)
  if (input.promoterId !== undefined) requirePromoter(db, business.id, input.promoterId)
  const window = resolveCodeWindow(business, campaign, input)

  const codeId = db.sql.transaction(() => {
    const promoterCodesInPeriod =
      input.promoterId === undefined
        ? null
        : countRecentPromoterCodes(
            db,
            input.promoterId,
            now - business.policy.promoterPeriodDays * DAY_MS,
          )
    const issues = checkCreationPolicy(
      business.policy,
      {
        discount: campaign.discount,
        maxUses: input.maxUses,
        maxUsesPerCustomer: input.maxUsesPerCustomer,
        ...window,
        promoterCodesInPeriod,
      },
      now,
      business.timeZone,
    )
    if (issues.length > 0) {
      const first = issues[0]
      throw new DomainError('policy_violation', issues.map((issue) => issue.message).join(' '), {
        ...(first ? { field: first.field } : {}),
        issues,
      })
    }
    if (input.promoterId !== undefined) refuseSecondPromoterCode(db, campaign.id, input.promoterId)
    const code = input.code ?? drawFreeCode(db, business.id, input.pattern ?? '')
    if (existingCode(db, business.id, code.toUpperCase())) {
      throw new DomainError(
        'conflict',
        `The code ${code.toUpperCase()} already exists in this business.`,
        { field: 'code' },
      )
    }
    const customerId = input.customer
      ? findOrCreateCustomer(db, business.id, input.customer, now)
      : null
    const row = db.sql.first(
      db.qb
        .insertInto('codes')
        .values({
          business_id: business.id,
          campaign_id: campaign.id,
          code: code.toUpperCase(),
          code_key: code.toUpperCase(),
          promoter_id: input.promoterId ?? null,
          customer_id: customerId,
          max_uses: input.maxUses,
          max_uses_per_customer: input.maxUsesPerCustomer,
          starts_at: window.startsAt,
          ends_at: window.endsAt,
          active: 1,
          uses_count: 0,
          batch_id: null,
          note: input.note || null,
          created_at: now,
        })
        .returning('id'),
    )
    return row?.id ?? 0
  })
  const created = findCodeRow(db, business.id, codeId, now)
  if (!created) throw new Error('The new code could not be read back')
  return created
}

function countRecentPromoterCodes(db: Workspace, promoterId: number, since: number): number {
  const row = db.sql.first(
    db.qb
      .selectFrom('codes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('promoter_id', '=', promoterId)
      .where('created_at', '>', since),
  )
  return Number(row?.n ?? 0)
}

function refuseSecondPromoterCode(db: Workspace, campaignId: number, promoterId: number): void {
  const row = db.sql.first(
    db.qb
      .selectFrom('codes')
      .select('code')
      .where('campaign_id', '=', campaignId)
      .where('promoter_id', '=', promoterId),
  )
  if (row) {
    throw new DomainError(
      'conflict',
      `This promoter already has the code ${row.code} in this campaign: one code per promoter per campaign.`,
      {
        field: 'promoterId',
      },
    )
  }
}

function existingCode(db: Workspace, businessId: number, codeKey: string): boolean {
  return (
    db.sql.first(
      db.qb
        .selectFrom('codes')
        .select('id')
        .where('code_key', '=', codeKey)
        .where('business_id', '=', businessId),
    ) !== undefined
  )
}

function drawFreeCode(db: Workspace, businessId: number, pattern: string): string {
  const draw = createCodeDrawer(pattern)
  for (let attempt = 0; attempt < DRAW_ATTEMPTS; attempt++) {
    const code = draw()
    if (!existingCode(db, businessId, code)) return code
  }
  throw new DomainError(
    'conflict',
    'Could not find an unused code for this pattern; add more # to it.',
    { field: 'pattern' },
  )
}
