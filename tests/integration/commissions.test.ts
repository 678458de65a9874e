import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Promoter } from '../../src/shared/contract/promoters'
import { verifyLedger } from '../../src/main/ledger/verify-ledger'
import type { TestWorkspace } from '../fixtures/workspace'
import { createShop, saleInput, type Shop } from '../fixtures/shop'
import { csv003, fileOf, importOrders } from '../fixtures/order-files'
import { failureOf } from '../fixtures/api-failure'
import {
  APRIL,
  APRIL_2,
  MARCH,
  TEN_PERCENT,
  openProgramShop,
  type ProgramShop,
} from '../fixtures/program-shop'

let t: ProgramShop
let ws: TestWorkspace
let shop: Shop
let ana: Promoter

beforeEach(async () => {
  t = await openProgramShop()
  ;({ ws, shop, ana } = t)
})
afterEach(() => ws.close())

describe('accrual', () => {
  it('a percent rule earns on every sale with a promoter’s code', async () => {
    await t.sell('S-1', 'a@example.com')
    await t.sell('S-2', 'b@example.com')
    // A code for anonymous sales: no per-customer limit.
    await ws.call('businesses.updatePolicy', {
      businessId: t.businessId(),
      policy: { ...shop.business.policy, maxUsesPerCustomer: null },
    })
    const counter = await ws.call('campaigns.create', {
      businessId: t.businessId(),
      name: 'Counter codes',
      discount: { kind: 'percent', percentBp: 1000 },
      startsOn: '2026-03-01',
      endsOn: '2026-03-31',
    })
    await ws.call('codes.create', {
      businessId: t.businessId(),
      campaignId: counter.id,
      code: 'JAYSHOP',
      promoterId: t.jay(),
      maxUses: 20,
      maxUsesPerCustomer: null,
    })
    const third = await t.sell('S-3', null, 'JAYSHOP')
    expect(t.commissionRows().map((row) => [row.promoter_id, row.kind, row.period_key])).toEqual([
      [t.jay(), 'accrual', MARCH],
      [t.jay(), 'accrual', MARCH],
      [t.jay(), 'accrual', MARCH],
    ])
    expect(t.commissionRows().map((row) => [row.base_minor, row.amount_minor])).toEqual([
      [4500, 450],
      [4500, 450],
      [4500, 450],
    ])
    expect(
      await ws.call('promoters.summary', { businessId: t.businessId(), promoterId: t.jay() }),
    ).toEqual({
      promoterId: t.jay(),
      sales: 3,
      revenueMinor: 13_500,
      earnedMinor: 1350,
      paidMinor: 0,
      balanceMinor: 1350,
      pendingMinor: 0,
    })
    expect(await t.statements(MARCH)).toEqual([
      {
        periodKey: MARCH,
        promoterId: t.jay(),
        promoterName: 'Jay Martin',
        openingMinor: 0,
        accruedMinor: 1350,
        reversedMinor: 0,
        adjustmentsMinor: 0,
        pendingMinor: 0,
        payableMinor: 1350,
        paidMinor: 0,
        paid: null,
        closingMinor: 1350,
      },
    ])
    // Without a customer, the code's owner wins outright.
    expect(
      await ws.call('sales.attribution', { businessId: t.businessId(), entryId: third.entryId }),
    ).toMatchObject({
      promoterId: t.jay(),
      promoterName: 'Jay Martin',
      reason: 'code_owner',
      commissionMinor: 450,
    })
  })

  it('a sale nobody can claim earns nothing, and no rule means no commission', async () => {
    await t.sell('N-1', 'a@example.com', null)
    await t.sell('N-2', null, null)
    await t.setProgram({ rule: { kind: 'none' } })
    await t.sell('N-3', 'b@example.com')
    expect(t.commissionRows()).toEqual([])
    expect(await t.statements(MARCH)).toEqual([])
  })

  it('the base is merchandise after discount, net of included tax, with tax and shipping if asked', async () => {
    await ws.call('businesses.update', {
      businessId: t.businessId(),
      tax: { mode: 'inclusive', rateBp: 2000 },
    })
    // 45.00 after discount holds 7.50 of tax; shipping is 5.00.
    const cart = {
      lines: [{ sku: 'BRD-SOUR', quantity: 2, unitPriceMinor: 2500 }],
      shippingMinor: 500,
    }
    const bases = [
      [false, false],
      [true, false],
      [false, true],
      [true, true],
    ] as const
    for (const [index, [includeTax, includeShipping]] of bases.entries()) {
      await t.setProgram({ rule: { ...TEN_PERCENT, base: { includeTax, includeShipping } } })
      await ws.call(
        'checkout.commit',
        saleInput(shop, `X-${index}`, `x${index}@example.com`, { cart }),
      )
    }
    expect(t.commissionRows().map((row) => [row.base_minor, row.amount_minor])).toEqual([
      [3750, 375],
      [4500, 450],
      [4250, 425],
      [5000, 500],
    ])
  })

  it('tiers count the promoter’s earlier sales of the period', async () => {
    await t.setProgram({
      rule: {
        kind: 'tiered',
        measure: 'sales',
        mode: 'whole',
        tiers: [
          { from: 0, rateBp: 500 },
          { from: 2, rateBp: 1000 },
        ],
      },
    })
    for (const [index, email] of ['a', 'b', 'c', 'd'].entries())
      await t.sell(`T-${index}`, `${email}@example.com`)
    // 5% of 45.00 twice; the third sale lifts the period to 10% of 135.00; then 10%.
    expect(t.commissionRows().map((row) => row.amount_minor)).toEqual([225, 225, 900, 450])
    expect((await t.statementOf(MARCH, t.jay()))?.accruedMinor).toBe(1800)
  })

  it('a campaign’s own rule overrides the business’s, until it is taken away', async () => {
    await ws.call('campaigns.setCommission', {
      businessId: t.businessId(),
      campaignId: shop.campaign.id,
      rule: { kind: 'flat', amountMinor: 500 },
    })
    await t.sell('C-1', 'a@example.com')
    await ws.call('campaigns.setCommission', {
      businessId: t.businessId(),
      campaignId: shop.campaign.id,
      rule: null,
    })
    await t.sell('C-2', 'b@example.com')
    expect(t.commissionRows().map((row) => row.amount_minor)).toEqual([500, 450])
    const other = await createShop(ws.call, { name: 'Other shop', code: 'OTHER10' })
    const failure = await failureOf(
      ws.call('campaigns.setCommission', {
        businessId: other.business.id,
        campaignId: shop.campaign.id,
        rule: null,
      }),
    )
    expect(failure.code).toBe('not_found')
  })
})

describe('attribution through the API', () => {
  // Ana brought the customer in with a referral visit on March 2; Jay's code is used on March 10.
  async function saleAfterAnasVisit(orderRef: string, email: string) {
    await t.visit(ana.id, email, '2026-03-02')
    const receipt = await t.sell(orderRef, email)
    return ws.call('sales.attribution', { businessId: t.businessId(), entryId: receipt.entryId })
  }

  it('newest (the default): the coupon used at checkout wins', async () => {
    const attribution = await saleAfterAnasVisit('A-1', 'a@example.com')
    expect(attribution).toMatchObject({
      model: 'newest',
      promoterId: t.jay(),
      reason: 'newest',
      explanation: 'Jay Martin earned this sale: the newest of 2 live engagements.',
      commissionMinor: 450,
    })
    expect(attribution.engagements.map((e) => [e.promoterName, e.points, e.alive])).toEqual([
      ['Jay Martin', 10, true],
      ['Ana Lopez', 1, true],
    ])
  })

  it('first: the referral that brought the customer in wins, at the business’s rule', async () => {
    await t.setProgram({ attributionModel: 'first' })
    // A campaign rule applies to its own code's promoter only: Ana used no code.
    await ws.call('campaigns.setCommission', {
      businessId: t.businessId(),
      campaignId: shop.campaign.id,
      rule: { kind: 'flat', amountMinor: 999 },
    })
    const attribution = await saleAfterAnasVisit('A-2', 'a@example.com')
    expect(attribution).toMatchObject({ promoterId: ana.id, reason: 'first', commissionMinor: 450 })
    expect(t.commissionRows().map((row) => [row.promoter_id, row.amount_minor])).toEqual([
      [ana.id, 450],
    ])
  })

  it('most points: the coupon’s 10 points beat a visit’s 1', async () => {
    await t.setProgram({
      attributionModel: 'most_points',
      points: { coupon: 10, visit: 1, manual: 5 },
    })
    const attribution = await saleAfterAnasVisit('A-3', 'a@example.com')
    expect(attribution).toMatchObject({ promoterId: t.jay(), reason: 'most_points' })
  })

  it('an engagement older than the lifetime does not count', async () => {
    await t.setProgram({ attributionModel: 'first', engagementLifetimeDays: 5 })
    const attribution = await saleAfterAnasVisit('A-4', 'a@example.com')
    expect(attribution).toMatchObject({
      promoterId: t.jay(),
      reason: 'only',
      explanation:
        'Jay Martin earned this sale: theirs was the customer’s only live engagement (1 expired engagement did not count).',
    })
    expect(attribution.engagements.map((e) => [e.promoterId, e.alive])).toEqual([
      [t.jay(), true],
      [ana.id, false],
    ])
  })

  it('a referral visit alone earns the sale, and earlier coupons count as engagements', async () => {
    await t.visit(ana.id, 'a@example.com', '2026-03-02')
    const referred = await t.sell('A-5', 'a@example.com', null)
    expect(
      await ws.call('sales.attribution', { businessId: t.businessId(), entryId: referred.entryId }),
      // No code, so no discount: 10% of 50.00.
    ).toMatchObject({ promoterId: ana.id, reason: 'only', commissionMinor: 500 })

    // Under "first", Jay's coupon at an earlier sale keeps the customer for him.
    await t.setProgram({ attributionModel: 'first' })
    await t.sell('A-6', 'b@example.com')
    ws.clock.advance(86_400_000)
    await t.visit(ana.id, 'b@example.com', '2026-03-11')
    const later = await t.sell('A-7', 'b@example.com', 'ANA10')
    expect(
      await ws.call('sales.attribution', { businessId: t.businessId(), entryId: later.entryId }),
    ).toMatchObject({ promoterId: t.jay(), reason: 'first' })
  })

  it('records engagements once per request id, and never in the future', async () => {
    expect(await t.visit(ana.id, 'a@example.com', '2026-03-02')).toEqual({ duplicate: false })
    const event = {
      promoterId: ana.id,
      customer: { email: 'a@example.com' },
      kind: 'manual' as const,
      requestId: 'same',
    }
    await ws.call('engagements.record', { businessId: t.businessId(), event })
    expect(await ws.call('engagements.record', { businessId: t.businessId(), event })).toEqual({
      duplicate: true,
    })
    const list = await ws.call('engagements.list', { businessId: t.businessId() })
    expect(list.rows.map((row) => [row.promoterName, row.points, row.events])).toEqual([
      ['Ana Lopez', 6, 2],
    ])
    const future = await failureOf(t.visit(ana.id, 'a@example.com', '2026-03-12'))
    expect(future.field).toBe('occurredOn')
  })
})

describe('reversals', () => {
  it('refunding half of a sale reverses half its commission in the same period', async () => {
    const sale = await t.sell('R-1', 'a@example.com')
    await t.reverse(sale.entryId, { kind: 'refund', amountMinor: 2250 })
    expect(t.commissionRows().map((row) => [row.kind, row.period_key, row.amount_minor])).toEqual([
      ['accrual', MARCH, 450],
      ['reversal', MARCH, -225],
    ])
    expect(await t.statementOf(MARCH, t.jay())).toMatchObject({
      accruedMinor: 450,
      reversedMinor: -225,
      adjustmentsMinor: 0,
      payableMinor: 225,
    })
    expect((await t.linesOf(MARCH, t.jay())).map((line) => [line.type, line.amountMinor])).toEqual([
      ['sale', 450],
      ['reversal', -225],
    ])
    expect(
      await ws.call('promoters.summary', { businessId: t.businessId(), promoterId: t.jay() }),
    ).toMatchObject({ sales: 1, revenueMinor: 2250, earnedMinor: 225 })
    const rows = await ws.call('promoters.commissions', {
      businessId: t.businessId(),
      promoterId: t.jay(),
    })
    expect(
      rows.rows.map((row) => [row.kind, row.orderRef, row.periodKey, row.amountMinor]),
    ).toEqual([
      ['reversal', 'R-1', MARCH, -225],
      ['accrual', 'R-1', MARCH, 450],
    ])
  })

  it('refunds in odd parts end with the commission reversed exactly', async () => {
    const sale = await t.sell('R-2', 'a@example.com')
    for (const amountMinor of [1, 1333, 1111])
      await t.reverse(sale.entryId, { kind: 'refund', amountMinor })
    await t.reverse(sale.entryId, { kind: 'refund' })
    const rows = t.commissionRows()
    expect(rows.reduce((total, row) => total + row.amount_minor, 0)).toBe(0)
    expect(rows.reduce((total, row) => total + row.base_minor, 0)).toBe(0)
    const voided = await t.sell('R-3', 'b@example.com')
    await t.reverse(voided.entryId, { kind: 'void' })
    expect((await t.statementOf(MARCH, t.jay()))?.payableMinor).toBe(0)
    expect(verifyLedger(ws.db).ok).toBe(true)
  })
})

describe('the ledger', () => {
  it('commission rows are hashed with their entry: editing one breaks the chain', async () => {
    await t.sell('L-1', 'a@example.com')
    const sale = await t.sell('L-2', 'b@example.com')
    await t.reverse(sale.entryId, { kind: 'refund', amountMinor: 1000 })
    await t.sell('L-3', 'c@example.com')
    expect(verifyLedger(ws.db)).toMatchObject({ ok: true, mismatches: [] })
    t.runSql('drop trigger commissions_no_update')
    t.runSql(
      `update commissions set amount_minor = 9999 where sale_entry_id = ${sale.entryId} and kind = 'accrual'`,
    )
    const report = verifyLedger(ws.db)
    expect(report.ok).toBe(false)
    expect(report.mismatches[0]?.message).toBe(
      `Entry ${sale.entryId} (order L-2) does not match its hash: it was changed after it was written.`,
    )
  })
})

describe('imported orders', () => {
  // 3 × 20.00 less 5.00 each: 45.00, which earns 4.50.
  const order = (id: string, date: string, email: string) => ({
    id,
    date,
    email,
    items: [
      { product: 'BRD-SOUR', price: '20.00', quantity: '3', discount: '5.00', coupon: 'JAY10' },
    ],
  })

  it('are attributed and earn commission; a late one lands as an adjustment', async () => {
    await importOrders(
      ws,
      t.businessId(),
      fileOf(csv003([order('W-1', '2026-03-05 10:00', 'a@example.com')])),
    )
    expect(
      t.commissionRows().map((row) => [row.period_key, row.base_minor, row.amount_minor]),
    ).toEqual([[MARCH, 4500, 450]])
    ws.clock.set(APRIL_2)
    await t.close(MARCH)
    await importOrders(
      ws,
      t.businessId(),
      fileOf(csv003([order('W-2', '2026-03-20 10:00', 'b@example.com')])),
    )
    expect(t.commissionRows().at(-1)).toMatchObject({
      period_key: APRIL,
      origin_period_key: MARCH,
      amount_minor: 450,
    })
    expect(await t.statementOf(APRIL, t.jay())).toMatchObject({
      openingMinor: 450,
      accruedMinor: 0,
      adjustmentsMinor: 450,
      payableMinor: 900,
    })
    const entry = t.commissionRows().at(-1)?.sale_entry_id ?? 0
    expect(
      await ws.call('sales.attribution', { businessId: t.businessId(), entryId: entry }),
    ).toMatchObject({ promoterId: t.jay(), reason: 'only', commissionMinor: 450 })
    await t.expectLinesToAddUp([MARCH, APRIL])
    expect(verifyLedger(ws.db).ok).toBe(true)
  })
})

describe('businesses', () => {
  it('one business’s commissions never appear in another’s statements', async () => {
    const other = await createShop(ws.call, { name: 'Other shop', code: 'OTHER10' })
    await t.setProgram({}, other.business.id)
    await t.sell('B-1', 'a@example.com')
    await ws.call('checkout.commit', saleInput(other, 'B-1', 'a@example.com'))
    await ws.call('checkout.commit', saleInput(other, 'B-2', 'b@example.com'))

    const mine = await t.statements(MARCH)
    const theirs = await t.statements(MARCH, other.business.id)
    expect(mine.map((s) => [s.promoterId, s.accruedMinor])).toEqual([[t.jay(), 450]])
    expect(theirs.map((s) => [s.promoterId, s.accruedMinor])).toEqual([[other.promoter.id, 900]])
    const foreign = await failureOf(
      ws.call('payouts.lines', {
        businessId: t.businessId(),
        periodKey: MARCH,
        promoterId: other.promoter.id,
      }),
    )
    expect(foreign.code).toBe('not_found')

    ws.clock.set(APRIL_2)
    await t.close(MARCH)
    const periods = await ws.call('payouts.periods', { businessId: other.business.id })
    expect(periods.find((p) => p.periodKey === MARCH)).toMatchObject({
      status: 'open',
      closable: true,
    })
    const failure = await failureOf(
      ws.call('payouts.markPaid', {
        businessId: other.business.id,
        periodKey: MARCH,
        promoterId: other.promoter.id,
        paidOn: '2026-04-05',
        reference: 'X',
      }),
    )
    expect(failure.message).toBe('Close March 2026 before paying its statements.')
  })
})
