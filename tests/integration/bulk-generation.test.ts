import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestWorkspace, type TestWorkspace } from '../fixtures/workspace'
import { createShop, type Shop } from '../fixtures/shop'
import { failureOf } from '../fixtures/api-failure'
import type { Campaign } from '../../src/shared/contract/campaigns'
import { discardInterruptedBatches } from '../../src/main/codes/generate-codes'

let ws: TestWorkspace
let shop: Shop
let cards: Campaign

beforeEach(async () => {
  ws = await openTestWorkspace()
  shop = await createShop(ws.call)
  cards = await ws.call('campaigns.create', {
    businessId: shop.business.id,
    name: 'Welcome cards',
    discount: { kind: 'fixed', amountMinor: 300 },
    startsOn: '2026-03-01',
    endsOn: '2026-03-31',
  })
})
afterEach(() => ws.close())

const generate = (count: number, pattern = 'HELLO-######') =>
  ws.call('codes.generate', {
    businessId: shop.business.id,
    campaignId: cards.id,
    pattern,
    count,
    maxUses: 1,
    maxUsesPerCustomer: 1,
  })

function campaignCodes() {
  return ws.db.sql.first(
    ws.db.qb
      .selectFrom('codes')
      .select((eb) => [
        eb.fn.countAll<number>().as('rows'),
        eb.fn.count<number>('code_key').distinct().as('distinct'),
      ])
      .where('campaign_id', '=', cards.id),
  )
}

describe('codes.generate', () => {
  it('writes exactly the requested number of unique codes, all visible when done', async () => {
    const { jobId } = await generate(20_000)
    const job = await ws.settle(jobId)
    expect(job).toMatchObject({ status: 'done', done: 20_000, total: 20_000 })
    expect(campaignCodes()).toEqual({ rows: 20_000, distinct: 20_000 })

    const listed = await ws.call('codes.list', {
      businessId: shop.business.id,
      campaignId: cards.id,
    })
    expect(listed.total).toBe(20_000)
    for (const row of listed.rows) {
      expect(row.code).toMatch(/^HELLO-[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{6}$/)
      expect(row).toMatchObject({ maxUses: 1, maxUsesPerCustomer: 1, state: 'active' })
    }
  })

  it('makes generated codes redeemable', async () => {
    await ws.settle((await generate(50)).jobId)
    const [card] = (
      await ws.call('codes.list', {
        businessId: shop.business.id,
        campaignId: cards.id,
        pageSize: 1,
      })
    ).rows
    const receipt = await ws.call('checkout.commit', {
      businessId: shop.business.id,
      code: card?.code.toLowerCase(),
      customer: { email: 'new@example.com' },
      cart: { lines: [{ sku: 'A', quantity: 1, unitPriceMinor: 1000 }] },
      orderRef: 'CARD-1',
    })
    expect(receipt.evaluation.totals.discountMinor).toBe(300)
  })

  it('leaves no code behind when cancelled, and shows none while running', async () => {
    const { jobId } = await generate(200_000, 'BULK-##########')
    // Wait until at least one chunk is committed, so there is something to roll back.
    while (ws.jobs.get(jobId).done === 0) await new Promise((resolve) => setTimeout(resolve, 1))
    expect(Number(campaignCodes()?.rows)).toBeGreaterThan(0)
    const whileRunning = await ws.call('codes.list', {
      businessId: shop.business.id,
      campaignId: cards.id,
    })
    expect(whileRunning.total).toBe(0)

    await ws.call('jobs.cancel', { jobId })
    const job = await ws.settle(jobId)
    expect(job.status).toBe('cancelled')
    expect(campaignCodes()).toEqual({ rows: 0, distinct: 0 })
    const listed = await ws.call('codes.list', { businessId: shop.business.id })
    expect(listed.rows.map((row) => row.code)).toEqual(['JAY10'])
  })

  it('discards at start-up the codes of a batch a crash left running', async () => {
    const { db } = ws
    const batch = db.sql.first(
      db.qb
        .insertInto('code_batches')
        .values({
          business_id: shop.business.id,
          campaign_id: cards.id,
          pattern: 'CRASH-######',
          requested: 3,
          status: 'running',
          created_at: ws.clock.now(),
        })
        .returning('id'),
    )
    for (const code of ['CRASH-AAAAAA', 'CRASH-BBBBBB']) {
      db.sql.run(
        db.qb.insertInto('codes').values({
          business_id: shop.business.id,
          campaign_id: cards.id,
          code,
          code_key: code,
          batch_id: batch?.id ?? 0,
          created_at: ws.clock.now(),
        }),
      )
    }
    await discardInterruptedBatches(db)
    expect(campaignCodes()).toEqual({ rows: 0, distinct: 0 })
    const status = db.sql.first(
      db.qb
        .selectFrom('code_batches')
        .select('status')
        .where('id', '=', batch?.id ?? 0),
    )
    expect(status?.status).toBe('cancelled')
  })

  it('refuses a pattern too small for the count, and the policy, before starting', async () => {
    const small = await failureOf(generate(10_000, 'X-####'))
    expect(small.code).toBe('invalid_input')
    expect(small.field).toBe('pattern')
    const policy = await failureOf(
      ws.call('codes.generate', {
        businessId: shop.business.id,
        campaignId: cards.id,
        pattern: 'P-######',
        count: 10,
        maxUses: 50,
        maxUsesPerCustomer: 1,
      }),
    )
    expect(policy.code).toBe('policy_violation')
    expect(policy.field).toBe('maxUses')
  })
})
