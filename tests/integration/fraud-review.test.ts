import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { MethodInput } from '../../src/shared/contract'
import { verifyLedger } from '../../src/main/ledger/verify-ledger'
import { failureOf, refusalOf } from '../fixtures/api-failure'
import { DAY } from '../fixtures/clock'
import { fraudCalls, type FraudCalls } from '../fixtures/fraud'
import { MARCH, openProgramShop, type ProgramShop } from '../fixtures/program-shop'
import { createShop } from '../fixtures/shop'

/**
 * The review queue over the ledger: open cases hold their commissions, a dismissal releases
 * them, a confirmation claws back exactly what was held (never the sales), and blocked
 * identities are refused at checkout. Each business sees only its own.
 */

let t: ProgramShop
let f: FraudCalls

beforeEach(async () => {
  t = await openProgramShop()
  f = fraudCalls(t)
})
afterEach(() => t.ws.close())

const REVIEWER = 'Marie (manager)'

function decide(caseId: number, action: 'dismiss' | 'confirm', note = 'Reviewed the orders.') {
  return t.ws.call('fraud.decide', {
    businessId: t.businessId(),
    caseId,
    action,
    note,
    decidedBy: REVIEWER,
  })
}

/**
 * Jay buys twice with his own code (a self-referral case holding 2 × 4.50), the second time
 * partly refunded (20.00 of 45.00: 2.50 of its commission stays); three honest sales of JAY10
 * and one of Ana's ANA10 around them. Returns the case's id.
 */
async function selfReferralHistory(): Promise<number> {
  await f.sell('H-1', 'a@example.com')
  await f.sell('SR-1', 'jay@example.com')
  const second = await f.sell('SR-2', 'jay@example.com')
  await t.reverse(second.entryId, { kind: 'refund', amountMinor: 2000 })
  await f.sell('H-2', 'b@example.com')
  await f.sell('H-3', 'c@example.com')
  await f.sell('A-1', 'd@example.com', { code: 'ANA10' })
  const [found, ...others] = await f.cases()
  expect(others).toEqual([])
  expect(found).toMatchObject({ signal: 'self_referral', promoterId: t.jay(), orders: 2 })
  return found?.id ?? 0
}

const db = () => t.ws.db
const entries = () =>
  db().sql.all(
    db().qb.selectFrom('ledger_entries').selectAll().where('business_id', '=', t.businessId()),
  )
const commissions = () =>
  db().sql.all(
    db().qb.selectFrom('commissions').selectAll().where('business_id', '=', t.businessId()),
  )
const redemptions = () =>
  db().sql.all(
    db().qb.selectFrom('redemptions').selectAll().where('business_id', '=', t.businessId()),
  )

const sales = () =>
  entries()
    .filter((row) => row.kind === 'sale')
    .map(({ id, order_ref, total_minor, discount_minor, hash }) => ({
      id,
      order_ref,
      total_minor,
      discount_minor,
      hash,
    }))

/** The daily totals' sales figures, leaving out rows that hold only commission. */
const dailyRevenue = () =>
  db()
    .sql.all(
      db().qb.selectFrom('daily_totals').selectAll().where('business_id', '=', t.businessId()),
    )
    .map(({ day, channel, orders, sales_minor, reversed_minor, redemptions }) => ({
      day,
      channel,
      orders,
      sales_minor,
      reversed_minor,
      redemptions,
    }))
    .filter((row) => row.orders !== 0 || row.sales_minor !== 0 || row.reversed_minor !== 0)

const dashboard = () =>
  t.ws.call('analytics.dashboard', {
    businessId: t.businessId(),
    from: '2026-03-01',
    to: '2026-03-31',
  })

describe('held commissions', () => {
  it('are pending on the statement while the case is open, and payable once dismissed', async () => {
    const caseId = await selfReferralHistory()
    // Jay: 5 sales × 4.50, less 2.00 of SR-2's refunded commission; SR-1 and SR-2 held.
    expect(await t.statementOf(MARCH, t.jay())).toMatchObject({
      accruedMinor: 2250,
      reversedMinor: -200,
      pendingMinor: 700,
      payableMinor: 1350,
    })
    expect(await t.statementOf(MARCH, t.ana.id)).toMatchObject({
      pendingMinor: 0,
      payableMinor: 450,
    })
    const detail = await decide(caseId, 'dismiss', 'Jay bought for his own bakery, as agreed.')
    expect(detail.status).toBe('dismissed')
    expect(await t.statementOf(MARCH, t.jay())).toMatchObject({
      pendingMinor: 0,
      payableMinor: 2050,
    })
    expect(await f.cases()).toEqual([])
  })

  it('confirming claws back exactly what was held, and never the sales', async () => {
    const caseId = await selfReferralHistory()
    const held = (await t.statementOf(MARCH, t.jay()))?.pendingMinor ?? 0
    expect(held).toBe(700)
    const salesBefore = sales()
    const redemptionsBefore = redemptions()
    const daysBefore = dailyRevenue()
    const before = await dashboard()
    const entriesBefore = entries().length

    t.ws.clock.advance(DAY)
    const detail = await decide(caseId, 'confirm', 'Jay used his own code twice.')
    expect(detail).toMatchObject({ status: 'confirmed', commissionMinor: 0 })

    const clawbacks = entries().filter((row) => row.kind === 'clawback')
    expect(clawbacks).toHaveLength(2)
    expect(entries()).toHaveLength(entriesBefore + 2)
    const clawedRows = commissions().filter((row) =>
      clawbacks.some((entry) => entry.id === row.entry_id),
    )
    expect(clawedRows.every((row) => row.kind === 'reversal' && row.promoter_id === t.jay())).toBe(
      true,
    )
    expect(clawedRows.reduce((sum, row) => sum + row.amount_minor, 0)).toBe(-held)
    // Nothing of SR-1 and SR-2 is left to pay; every other sale keeps its commission.
    const bySale = new Map<string, number>()
    for (const row of commissions()) {
      const ref = salesBefore.find((sale) => sale.id === row.sale_entry_id)?.order_ref ?? '?'
      bySale.set(ref, (bySale.get(ref) ?? 0) + row.amount_minor)
    }
    expect(Object.fromEntries(bySale)).toEqual({
      'H-1': 450,
      'SR-1': 0,
      'SR-2': 0,
      'H-2': 450,
      'H-3': 450,
      'A-1': 450,
    })

    expect(sales()).toEqual(salesBefore)
    expect(redemptions()).toEqual(redemptionsBefore)
    expect(dailyRevenue()).toEqual(daysBefore)
    const after = await dashboard()
    expect(after.current.commissionMinor).toBe(before.current.commissionMinor - held)
    expect(after.current).toMatchObject({
      orders: before.current.orders,
      redemptions: before.current.redemptions,
      revenueMinor: before.current.revenueMinor,
      discountMinor: before.current.discountMinor,
      netRevenueMinor: before.current.netRevenueMinor + held,
    })
    expect(await t.statementOf(MARCH, t.jay())).toMatchObject({
      accruedMinor: 2250,
      reversedMinor: -900,
      pendingMinor: 0,
      payableMinor: 1350,
    })
    await t.expectLinesToAddUp([MARCH])
    expect(verifyLedger(t.ws.db)).toMatchObject({ ok: true, mismatches: [] })
  })

  it('a decided case stays decided: no second decision, and a scan does not reopen it', async () => {
    const caseId = await selfReferralHistory()
    await decide(caseId, 'confirm')
    for (const action of ['confirm', 'dismiss'] as const) {
      const failure = await failureOf(decide(caseId, action))
      expect(failure.code).toBe('conflict')
      expect(failure.message).toBe('This case was already confirmed.')
    }
    expect(entries().filter((row) => row.kind === 'clawback')).toHaveLength(2)
    // Two clawed-back sales of Jay's five are not two refunds: only SR-2 was refunded (20%).
    await f.scan()
    expect(await f.cases()).toEqual([])
    // A new self-referral opens a new case with only the new order.
    await f.sell('SR-3', 'Jay@Example.com', { code: 'ANA10' })
    await t.ws.call('promoters.update', {
      businessId: t.businessId(),
      promoterId: t.ana.id,
      name: 'Ana Lopez',
      email: 'jay@example.com',
    })
    await f.scan()
    const [reopened, ...none] = await f.cases()
    expect(none).toEqual([])
    expect(reopened).toMatchObject({ signal: 'self_referral', promoterId: t.ana.id })
    expect(await f.ordersOf(reopened?.id ?? 0)).toEqual(['SR-3'])
    const dismissed = await decide(reopened?.id ?? 0, 'dismiss')
    expect(dismissed.status).toBe('dismissed')
    await f.scan()
    expect(await f.cases()).toEqual([])
  })

  it('every decision records who, when and why', async () => {
    const caseId = await selfReferralHistory()
    const blockedAt = t.ws.clock.now()
    await t.ws.call('fraud.block', {
      businessId: t.businessId(),
      kind: 'email',
      value: 'jay@example.com',
      note: 'Buys with his own code.',
      decidedBy: 'Luc',
      caseId,
    })
    t.ws.clock.advance(DAY)
    const decidedAt = t.ws.clock.now()
    const detail = await decide(caseId, 'confirm', 'Jay used his own code twice.')
    expect(detail.decisions).toEqual([
      { action: 'block', note: 'Buys with his own code.', decidedBy: 'Luc', decidedAt: blockedAt },
      {
        action: 'confirm',
        note: 'Jay used his own code twice.',
        decidedBy: REVIEWER,
        decidedAt,
      },
    ])
    expect(detail.updatedAt).toBe(decidedAt)
    expect(await f.cases(undefined, 'confirmed')).toMatchObject([{ id: caseId }])
    const failure = await failureOf(
      t.ws.call('fraud.decide', {
        businessId: t.businessId(),
        caseId,
        action: 'dismiss',
        note: '   ',
        decidedBy: REVIEWER,
      }),
    )
    expect(failure.code).toBe('invalid_input')
  })
})

type CommitInput = MethodInput<'checkout.commit'>

describe('blocks', () => {
  const order = (orderRef: string, overrides: Partial<CommitInput> = {}): CommitInput => ({
    businessId: t.businessId(),
    orderRef,
    code: 'JAY10',
    customer: { email: 'someone@example.com' },
    cart: { lines: [{ sku: 'BRD-SOUR', quantity: 2, unitPriceMinor: 2500 }] },
    ...overrides,
  })

  function block(kind: 'email' | 'phone' | 'ip' | 'device' | 'code' | 'customer', value: string) {
    return t.ws.call('fraud.block', {
      businessId: t.businessId(),
      kind,
      value,
      note: '',
      decidedBy: REVIEWER,
    })
  }

  /** Checkout refuses the order with the 'blocked' refusal and writes nothing. */
  async function expectRefused(input: CommitInput, kind: string, field: string) {
    const written = entries().length
    const customers = db().sql.all(db().qb.selectFrom('customers').select('id')).length
    const failure = await failureOf(t.ws.call('checkout.commit', input))
    expect(failure.code).toBe('refused')
    expect(failure.field).toBe(field)
    expect(refusalOf(failure)).toMatchObject({ reason: 'blocked', params: { kind } })
    expect(entries()).toHaveLength(written)
    expect(db().sql.all(db().qb.selectFrom('customers').select('id'))).toHaveLength(customers)
    const { orderRef: _orderRef, managerPin: _pin, ...args } = input
    const evaluation = await t.ws.call('checkout.validate', args)
    expect(evaluation.refusal).toMatchObject({ reason: 'blocked', params: { kind } })
    return refusalOf(failure)
  }

  it('a blocked email is refused with its Gmail dot and +tag variants, until unblocked', async () => {
    const blocked = await block('email', 'jay.promo@gmail.com')
    expect(blocked).toMatchObject({ kind: 'email', value: 'jay.promo@gmail.com' })
    const refusal = await expectRefused(
      order('B-1', { customer: { email: 'JayPromo+1@googlemail.com' } }),
      'email',
      'customer.email',
    )
    expect(refusal.message).toBe(
      'This email address is blocked at this business after a fraud review.',
    )
    await expectRefused(
      order('B-2', { customer: { email: 'j.a.y.promo+shop@gmail.com' }, code: undefined }),
      'email',
      'customer.email',
    )
    // Outside Gmail, dots matter.
    await t.ws.call(
      'checkout.commit',
      order('B-3', { customer: { email: 'jay.promo@example.com' } }),
    )
    const again = await failureOf(block('email', 'JAYPROMO@gmail.com'))
    expect(again.code).toBe('conflict')

    await t.ws.call('fraud.unblock', { businessId: t.businessId(), blockId: blocked.id })
    expect(await t.ws.call('fraud.blocks', { businessId: t.businessId() })).toEqual([])
    const receipt = await t.ws.call(
      'checkout.commit',
      order('B-1', { customer: { email: 'JayPromo+1@googlemail.com' } }),
    )
    expect(receipt.duplicate).toBe(false)
  })

  it('a blocked code, IP, device, phone or customer is refused too', async () => {
    await block('code', 'jay10')
    await expectRefused(order('C-1'), 'code', 'code')
    await t.ws.call('checkout.commit', order('C-2', { code: 'ANA10' }))

    await block('ip', ' 203.0.113.7 ')
    await expectRefused(
      order('C-3', { code: 'ANA10', context: { ip: '203.0.113.7' } }),
      'ip',
      'context.ip',
    )
    await block('device', 'Till-7')
    await expectRefused(
      order('C-4', { code: 'ANA10', context: { deviceId: 'till-7' } }),
      'device',
      'context.deviceId',
    )
  })

  it('a blocked phone or customer is refused whatever email comes with it', async () => {
    await block('phone', '+33 6 12 34 56 78')
    await expectRefused(
      order('P-1', { code: 'ANA10', customer: { email: 'x@example.com', phone: '+33612345678' } }),
      'phone',
      'customer.phone',
    )
    const first = await t.ws.call('checkout.commit', order('P-2', { code: 'ANA10' }))
    const customer = entries().find((row) => row.id === first.entryId)?.customer_id
    await block('customer', String(customer))
    await expectRefused(
      order('P-3', { code: undefined, customer: { email: 'Someone@Example.com' } }),
      'customer',
      'customer',
    )
    expect(await t.ws.call('fraud.blocks', { businessId: t.businessId() })).toMatchObject([
      { kind: 'customer', value: String(customer), createdBy: REVIEWER },
      { kind: 'phone', value: '+33 6 12 34 56 78' },
    ])
  })
})

describe('businesses', () => {
  it('never see each other’s cases or blocks', async () => {
    const caseId = await selfReferralHistory()
    const other = await createShop(t.ws.call, { name: 'Other shop', code: 'OTHER10' })
    const otherId = other.business.id
    await t.ws.call('fraud.block', {
      businessId: t.businessId(),
      kind: 'email',
      value: 'jay@example.com',
      note: '',
      decidedBy: REVIEWER,
    })

    await f.scan(otherId)
    expect(await f.cases(undefined, 'open', otherId)).toEqual([])
    expect(await t.ws.call('fraud.blocks', { businessId: otherId })).toEqual([])
    for (const call of [
      t.ws.call('fraud.case', { businessId: otherId, caseId }),
      t.ws.call('fraud.decide', {
        businessId: otherId,
        caseId,
        action: 'confirm',
        note: 'Not mine.',
        decidedBy: REVIEWER,
      }),
      t.ws.call('fraud.block', {
        businessId: otherId,
        kind: 'ip',
        value: '203.0.113.7',
        note: '',
        decidedBy: REVIEWER,
        caseId,
      }),
    ])
      expect((await failureOf(call)).code).toBe('not_found')
    const [mine] = await t.ws.call('fraud.blocks', { businessId: t.businessId() })
    expect(
      (await failureOf(t.ws.call('fraud.unblock', { businessId: otherId, blockId: mine?.id ?? 0 })))
        .code,
    ).toBe('not_found')

    // Jay's email is blocked at the bakery, not at the other shop (where he is its promoter
    // too, and buying with his own code there opens a case in its queue only).
    await t.ws.call('checkout.commit', {
      businessId: otherId,
      orderRef: 'O-1',
      code: 'OTHER10',
      customer: { email: 'jay@example.com' },
      cart: { lines: [{ sku: 'BRD-SOUR', quantity: 2, unitPriceMinor: 2500 }] },
    })
    const [theirs, ...none] = await f.cases(undefined, 'open', otherId)
    expect(none).toEqual([])
    expect(theirs).toMatchObject({
      signal: 'self_referral',
      promoterId: other.promoter.id,
      orders: 1,
    })
    expect(await f.cases()).toMatchObject([{ id: caseId, orders: 2 }])
  })
})
