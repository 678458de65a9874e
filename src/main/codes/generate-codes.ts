import type { MethodArgs } from '../../shared/contract'
import type { Workspace } from '../db/database'
import { checkCreationPolicy } from '../engine/creation-policy'
import { requireBusiness } from '../api/businesses.handlers'
import { requireCampaign } from '../api/campaigns.handlers'
import { DomainError } from '../api/domain-error'
import { throwIfCancelled, yieldToEventLoop, type JobControl } from '../jobs/job-runner'
import { createCodeDrawer, patternCapacity, slotCount } from './random-code'
import { resolveCodeWindow } from './code-window'

const CHUNK = 10_000
/** A pattern must offer this many times more codes than requested, so redraws stay rare. */
const CAPACITY_FACTOR = 100

export type GenerateArgs = MethodArgs<'codes.generate'>

/** Checks everything that can be checked before the job starts, so the form gets the errors. */
export function prepareGeneration(db: Workspace, input: GenerateArgs, now: number) {
  const business = requireBusiness(db, input.businessId)
  const campaign = requireCampaign(db, business.id, input.campaignId)
  const window = resolveCodeWindow(business, campaign, input)
  const issues = checkCreationPolicy(
    business.policy,
    {
      discount: campaign.discount,
      maxUses: input.maxUses,
      maxUsesPerCustomer: input.maxUsesPerCustomer,
      ...window,
      promoterCodesInPeriod: null,
    },
    now,
    business.timeZone,
  )
  if (issues.length > 0) {
    throw new DomainError('policy_violation', issues.map((issue) => issue.message).join(' '), {
      field: issues[0]?.field ?? 'pattern',
      issues,
    })
  }
  if (patternCapacity(input.pattern) < input.count * CAPACITY_FACTOR) {
    throw new DomainError(
      'invalid_input',
      `A pattern with ${slotCount(input.pattern)} # gives ${patternCapacity(input.pattern).toLocaleString('en')} possible codes, too few for ${input.count.toLocaleString('en')} codes that must stay hard to guess. Add more #.`,
      { field: 'pattern' },
    )
  }
  return { business, campaign, window }
}

/**
 * Generates codes in chunked transactions inside a batch that stays invisible until its last
 * chunk is written: readers never see half a batch, and a cancelled batch is removed.
 */
export async function generateCodes(
  db: Workspace,
  input: GenerateArgs,
  now: number,
  control: JobControl,
): Promise<string> {
  const { business, campaign, window } = prepareGeneration(db, input, now)
  const batch = db.sql.first(
    db.qb
      .insertInto('code_batches')
      .values({
        business_id: business.id,
        campaign_id: campaign.id,
        pattern: input.pattern,
        requested: input.count,
        status: 'running',
        created_at: now,
      })
      .returning('id'),
  )
  const batchId = batch?.id ?? 0
  const row = (code: string) => ({
    business_id: business.id,
    campaign_id: campaign.id,
    code,
    code_key: code,
    max_uses: input.maxUses,
    max_uses_per_customer: input.maxUsesPerCustomer,
    starts_at: window.startsAt,
    ends_at: window.endsAt,
    batch_id: batchId,
    created_at: now,
  })
  const draw = createCodeDrawer(input.pattern)
  const template = row(draw())
  const insert = db.sql.repeatable(
    db.qb
      .insertInto('codes')
      .values(template)
      .onConflict((oc) => oc.doNothing()),
  )
  assertParameterOrder(insert.parameters, Object.values(template))

  let written = 0
  try {
    control.progress(0, input.count)
    while (written < input.count) {
      throwIfCancelled(control.signal)
      const target = Math.min(input.count, written + CHUNK)
      db.sql.transaction(() => {
        while (written < target) written += insert.run(Object.values(row(draw())))
      })
      control.progress(written, input.count)
      await yieldToEventLoop()
    }
    db.sql.run(db.qb.updateTable('code_batches').set({ status: 'done' }).where('id', '=', batchId))
  } catch (error) {
    await discardBatch(db, batchId)
    throw error
  }
  return `${written.toLocaleString('en')} codes were added to ${campaign.name}.`
}

/** Removes the codes of an unfinished batch, in chunks so other requests keep flowing. */
export async function discardBatch(db: Workspace, batchId: number): Promise<void> {
  for (;;) {
    const { changes } = db.sql.run(
      db.qb
        .deleteFrom('codes')
        .where('id', 'in', (eb) =>
          eb.selectFrom('codes').select('id').where('batch_id', '=', batchId).limit(CHUNK),
        ),
    )
    if (changes === 0) break
    await yieldToEventLoop()
  }
  db.sql.run(
    db.qb.updateTable('code_batches').set({ status: 'cancelled' }).where('id', '=', batchId),
  )
}

/** Batches left running by a crash are discarded at start-up. */
export async function discardInterruptedBatches(db: Workspace): Promise<void> {
  const running = db.sql.all(
    db.qb.selectFrom('code_batches').select('id').where('status', '=', 'running'),
  )
  for (const { id } of running) await discardBatch(db, id)
}

function assertParameterOrder(actual: readonly unknown[], expected: readonly unknown[]): void {
  if (
    actual.length !== expected.length ||
    actual.some((value, index) => value !== expected[index])
  ) {
    throw new Error('Bulk insert parameters are not in column order')
  }
}
