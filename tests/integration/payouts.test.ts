import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Promoter } from '../../src/shared/contract/promoters'
import { verifyLedger } from '../../src/main/ledger/verify-ledger'
import type { TestWorkspace } from '../fixtures/workspace'
import { failureOf } from '../fixtures/api-failure'
import {
  APRIL,
  APRIL_2,
  MARCH,
  MAY_2,
  openProgramShop,
  type ProgramShop,
} from '../fixtures/program-shop'

let t: ProgramShop
let ws: TestWorkspace
let ana: Promoter

beforeEach(async () => {
  t = await openProgramShop()
  ;({ ws, ana } = t)
})
afterEach(() => ws.close())

describe('payout periods', () => {
  it('close, adjust, pay: the month’s full life', async () => {
    const first = await t.sell('P-1', 'a@example.com')
    await t.sell('P-2', 'b@example.com')
    await t.sell('P-3', 'c@example.com', 'ANA10')

    const early = await failureOf(t.close(MARCH))
    expect(early).toMatchObject({
      code: 'conflict',
      message: 'March 2026 has not ended yet; close it once it is over.',
    })
    expect((await failureOf(t.markPaid(MARCH, t.jay()))).message).toBe(
      'Close March 2026 before paying its statements.',
    )

    ws.clock.set(APRIL_2)
    const headAtClose = verifyLedger(ws.db).heads[0]?.hash
    const closed = await t.close(MARCH)
    expect(closed).toMatchObject({ periodKey: MARCH, status: 'closed', closedAt: APRIL_2 })
    const frozen = await t.statements(MARCH)
    expect(frozen.map((s) => [s.promoterName, s.accruedMinor, s.payableMinor])).toEqual([
      ['Ana Lopez', 450, 450],
      ['Jay Martin', 900, 900],
    ])
    expect((await failureOf(t.close(MARCH))).message).toBe('March 2026 is already closed.')

    // A refund after the close lands in April as an adjustment; March does not move.
    await t.reverse(first.entryId, { kind: 'refund', amountMinor: 2250 })
    expect(await t.statements(MARCH)).toEqual(frozen)
    expect(t.commissionRows().at(-1)).toMatchObject({
      kind: 'reversal',
      period_key: APRIL,
      origin_period_key: MARCH,
      amount_minor: -225,
    })
    expect(await t.statementOf(APRIL, t.jay())).toMatchObject({
      openingMinor: 900,
      accruedMinor: 0,
      reversedMinor: 0,
      adjustmentsMinor: -225,
      payableMinor: 675,
    })
    expect((await t.linesOf(APRIL, t.jay())).map((line) => [line.type, line.orderRef])).toEqual([
      ['adjustment', 'P-1'],
    ])
    const { ledgerHead } = await ws.call('payouts.statements', {
      businessId: t.businessId(),
      periodKey: MARCH,
    })
    expect(ledgerHead).toBe(headAtClose)

    // Paid for exactly the payable amount, once.
    const paid = await t.markPaid(MARCH, t.jay())
    expect(paid).toMatchObject({
      paidMinor: 900,
      paid: { paidOn: '2026-04-05', reference: 'SEPA-1' },
      closingMinor: 0,
    })
    const again = await failureOf(t.markPaid(MARCH, t.jay(), 'SEPA-2'))
    expect(again.message).toBe(
      "Jay Martin's statement for March 2026 was already paid on 2026-04-05 (SEPA-1).",
    )
    expect(await t.statementOf(APRIL, t.jay())).toMatchObject({ openingMinor: 0, payableMinor: 0 })
    expect(
      await ws.call('promoters.summary', { businessId: t.businessId(), promoterId: t.jay() }),
    ).toMatchObject({ earnedMinor: 675, paidMinor: 900, balanceMinor: -225 })

    // Ana's March statement is left unpaid: April carries it, and only April can pay it.
    ws.clock.set(MAY_2)
    await t.close(APRIL)
    const stale = await failureOf(t.markPaid(MARCH, ana.id))
    expect(stale.message).toBe(
      "March 2026's unpaid balances were carried into April 2026; pay that statement instead.",
    )
    expect(await t.statementOf(APRIL, ana.id)).toMatchObject({
      openingMinor: 450,
      payableMinor: 450,
    })
    expect(await t.statementOf(APRIL, t.jay())).toMatchObject({
      openingMinor: 0,
      adjustmentsMinor: -225,
      payableMinor: 0,
      closingMinor: -225,
    })
    expect((await failureOf(t.markPaid(APRIL, t.jay()))).message).toBe(
      'Jay Martin has nothing payable for April 2026.',
    )
    expect(await t.markPaid(APRIL, ana.id)).toMatchObject({ paidMinor: 450, closingMinor: 0 })

    const periods = await ws.call('payouts.periods', { businessId: t.businessId() })
    expect(
      periods.map((p) => [p.periodKey, p.status, p.closable, p.earnedMinor, p.paidMinor]),
    ).toEqual([
      ['2026-05', 'open', false, 0, 0],
      [APRIL, 'closed', false, -225, 450],
      [MARCH, 'closed', false, 1350, 900],
    ])
    await t.expectLinesToAddUp([MARCH, APRIL, '2026-05'])
    expect(verifyLedger(ws.db)).toMatchObject({ ok: true, mismatches: [] })
  })

  it('a paid statement cannot change, not even by SQL', async () => {
    await t.sell('Q-1', 'a@example.com')
    await t.sell('Q-2', 'b@example.com', 'ANA10')
    ws.clock.set(APRIL_2)
    await t.close(MARCH)
    await t.markPaid(MARCH, t.jay())
    const where = `business_id = ${t.businessId()} and period_key = '${MARCH}'`
    for (const statement of [
      `update payouts set amount_minor = 1 where ${where}`,
      `delete from payouts where ${where}`,
      `update statements set payable_minor = 1 where ${where}`,
      `delete from statements where ${where}`,
      `delete from payout_periods where ${where}`,
      `update commissions set amount_minor = 1 where business_id = ${t.businessId()}`,
    ])
      expect(() => t.runSql(statement), statement).toThrow(/is append-only/)
    // A payout for anything but the payable amount, and a commission into the closed period.
    expect(() =>
      t.runSql(
        `insert into payouts values (${t.businessId()}, '${MARCH}', ${ana.id}, 1, '2026-04-05', 'X', 0)`,
      ),
    ).toThrow(/a payout must equal its statement's payable amount/)
    expect(() =>
      t.runSql(
        `insert into commissions (business_id, entry_id, sale_entry_id, promoter_id, kind, period_key, origin_period_key, base_minor, amount_minor, payable_at, occurred_at, note)
         select business_id, entry_id, sale_entry_id, promoter_id, kind, period_key, origin_period_key, base_minor, amount_minor, payable_at, occurred_at, note from commissions limit 1`,
      ),
    ).toThrow(/the payout period is closed/)
    expect((await t.statementOf(MARCH, t.jay()))?.paidMinor).toBe(450)
  })

  it('periods close in order, and only once they have ended', async () => {
    await t.sell('O-1', 'a@example.com')
    // The campaign has ended; the customer's engagement with Jay still wins their next sale.
    ws.clock.set(Date.UTC(2026, 3, 5, 10, 0))
    await t.sell('O-2', 'a@example.com', null)
    expect(t.commissionRows().map((row) => [row.promoter_id, row.period_key])).toEqual([
      [t.jay(), MARCH],
      [t.jay(), APRIL],
    ])
    expect((await failureOf(t.close(APRIL))).message).toBe(
      'April 2026 has not ended yet; close it once it is over.',
    )
    ws.clock.set(MAY_2)
    let periods = await ws.call('payouts.periods', { businessId: t.businessId() })
    expect(periods.map((p) => [p.periodKey, p.closable])).toEqual([
      ['2026-05', false],
      [APRIL, false],
      [MARCH, true],
    ])
    expect(await failureOf(t.close(APRIL))).toMatchObject({
      code: 'conflict',
      message: 'Close March 2026 first: periods close in order.',
    })
    await t.close(MARCH)
    await t.close(APRIL)
    expect((await failureOf(t.close('2026-02'))).message).toBe(
      'February 2026 comes before April 2026, which is already closed.',
    )
    periods = await ws.call('payouts.periods', { businessId: t.businessId() })
    expect(periods.map((p) => [p.periodKey, p.status])).toEqual([
      ['2026-05', 'open'],
      [APRIL, 'closed'],
      [MARCH, 'closed'],
    ])
  })

  it('holding days keep new commissions pending at the period’s end', async () => {
    await t.setProgram({ holdingDays: 30 })
    await t.sell('H-1', 'a@example.com')
    expect(
      await ws.call('promoters.summary', { businessId: t.businessId(), promoterId: t.jay() }),
    ).toMatchObject({ earnedMinor: 450, balanceMinor: 450, pendingMinor: 450 })
    ws.clock.set(APRIL_2)
    await t.close(MARCH)
    expect(await t.statementOf(MARCH, t.jay())).toMatchObject({
      accruedMinor: 450,
      pendingMinor: 450,
      payableMinor: 0,
      closingMinor: 450,
    })
    expect((await failureOf(t.markPaid(MARCH, t.jay()))).message).toBe(
      'Jay Martin has nothing payable for March 2026 (€4.50 is still pending).',
    )
    // Payable on April 9: by April's end it is.
    ws.clock.set(MAY_2)
    await t.close(APRIL)
    expect(await t.statementOf(APRIL, t.jay())).toMatchObject({
      openingMinor: 450,
      pendingMinor: 0,
      payableMinor: 450,
    })
    expect(await t.markPaid(APRIL, t.jay())).toMatchObject({ paidMinor: 450 })
  })

  it('a period of the wrong length cannot be closed, and a closed period fixes the length', async () => {
    ws.clock.set(APRIL_2)
    for (const key of ['2026-W13', '2026-13', '2026-00'])
      expect(await failureOf(t.close(key))).toMatchObject({
        code: 'invalid_input',
        field: 'periodKey',
        message: 'This business’s payout periods are months, like 2026-11.',
      })
    // Closing a month with no activity at all is allowed; after it, weeks would not follow on.
    await t.close(MARCH)
    expect(await failureOf(t.setProgram({ periodLength: 'weekly' }))).toMatchObject({
      code: 'conflict',
      field: 'periodLength',
    })
    expect(await ws.call('program.get', { businessId: t.businessId() })).toMatchObject({
      periodLength: 'monthly',
      periodLengthLocked: true,
    })
  })

  it('weekly periods run Monday to Sunday and close the same way', async () => {
    await t.setProgram({ periodLength: 'weekly' })
    const sale = await t.sell('W-1', 'a@example.com') // Tuesday, March 10: week 11
    expect((await failureOf(t.close('2026-W11'))).message).toBe(
      'Week 11 of 2026 has not ended yet; close it once it is over.',
    )
    ws.clock.set(Date.UTC(2026, 2, 16, 10, 0))
    expect((await failureOf(t.close(MARCH))).message).toBe(
      'This business’s payout periods are weeks, like 2026-W48.',
    )
    await t.close('2026-W11')
    await t.reverse(sale.entryId, { kind: 'void' })
    expect(await t.statementOf('2026-W12', t.jay())).toMatchObject({
      openingMinor: 450,
      adjustmentsMinor: -450,
      payableMinor: 0,
    })
    expect(await t.markPaid('2026-W11', t.jay())).toMatchObject({ paidMinor: 450 })
  })
})
