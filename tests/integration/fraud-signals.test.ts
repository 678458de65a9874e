import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  FRAUD_SIGNALS,
  type FraudSettings,
  type FraudSignal,
} from '../../src/shared/fraud/settings'
import { failureOf, refusalOf } from '../fixtures/api-failure'
import { fraudCalls, type FraudCalls } from '../fixtures/fraud'
import { openProgramShop, type ProgramShop } from '../fixtures/program-shop'
import { findBusiness } from '../../src/main/db/repos/businesses.repo'
import { findFraudSettings } from '../../src/main/db/repos/fraud-settings.repo'
import { detect } from '../../src/main/fraud/detectors'
import { signalsToCheck } from '../../src/main/fraud/screen-sale'

/**
 * Each signal on a crafted history that must open cases (at the sale, through checkout or an
 * order import, and again when a scan reads the whole history) and on an honest history of the
 * same number of sales that must open none, of any signal.
 */

let t: ProgramShop
let f: FraudCalls

beforeEach(async () => {
  t = await openProgramShop()
  f = fraudCalls(t)
})
afterEach(() => t.ws.close())

/** A code on the March campaign without use limits (the policy's per-customer cap lifted). */
async function unlimitedCode(code: string, promoterId?: number) {
  await t.ws.call('businesses.updatePolicy', {
    businessId: t.businessId(),
    policy: { ...t.shop.business.policy, maxUsesPerCode: null, maxUsesPerCustomer: null },
  })
  return t.ws.call('codes.create', {
    businessId: t.businessId(),
    campaignId: t.shop.campaign.id,
    code,
    promoterId,
    maxUses: null,
    maxUsesPerCustomer: null,
  })
}

function salesCount(): number {
  return t.ws.db.sql.all(
    t.ws.db.qb
      .selectFrom('ledger_entries')
      .select('id')
      .where('business_id', '=', t.businessId())
      .where('kind', '=', 'sale'),
  ).length
}

/**
 * Sales whose screen ruled out a signal the detectors find at that sale: the screen must only
 * ever save work, never hide a hit.
 */
function screenMisses(): { entryId: number; missed: FraudSignal[] }[] {
  const db = t.ws.db
  const business = findBusiness(db, t.businessId())
  if (!business) throw new Error('The shop business is gone.')
  const settings = findFraudSettings(db, business.id)
  const sales = db.sql.all(
    db.qb
      .selectFrom('order_signals as s')
      .innerJoin('ledger_entries as e', 'e.id', 's.entry_id')
      .select([
        's.entry_id as entryId',
        's.customer_id as customerId',
        's.occurred_at as occurredAt',
        'e.location',
        's.ip_key',
        's.device_key',
        's.address_key',
        's.phone_key',
      ])
      .where('s.business_id', '=', business.id),
  )
  return sales.flatMap((sale) => {
    const found = detect(db, business, settings, { entryId: sale.entryId, now: sale.occurredAt })
    const screened = signalsToCheck(db, business, settings, sale)
    const missed = [...new Set(found.map((hit) => hit.signal))].filter((s) => !screened.has(s))
    return missed.length > 0 ? [{ entryId: sale.entryId, missed }] : []
  })
}

type Expected = Record<string, string[]>

interface Scenario {
  signal: FraudSignal
  setting: keyof FraudSettings
  /** Sales in both histories. */
  sales: number
  /** Writes the crafted history; returns the cases it opens: subject → order references. */
  crafted(): Promise<Expected>
  honest(): Promise<void>
}

const IP = '203.0.113.7'

const sharedIdentity: Scenario = {
  signal: 'shared_identity',
  setting: 'sharedIdentity',
  sales: 6,
  async crafted() {
    await f.sell('SI-1', 'a@example.com', { ip: IP })
    await f.sell('SI-2', 'b@example.com', { ip: ` ${IP} ` })
    await f.sell('SI-3', 'c@example.com', { deviceId: 'Till-7' })
    await f.sell('SI-4', 'd@example.com', { deviceId: 'till-7' })
    await f.sell('SI-5', 'e@example.com', { address: '12, Rue du Lac' })
    await f.sell('SI-6', 'f@example.com', { address: '12 rue  du LAC' })
    return {
      [`ip:${IP}`]: ['SI-1', 'SI-2'],
      'device:till-7': ['SI-3', 'SI-4'],
      'address:12 rue du lac': ['SI-5', 'SI-6'],
    }
  },
  async honest() {
    // One customer twice from the same IP, device and address; everyone else their own.
    await f.sell('SI-1', 'a@example.com', { ip: IP, deviceId: 'till-7', address: '12 Rue du Lac' })
    await f.sell('SI-2', 'a@example.com', { ip: IP, deviceId: 'till-7', address: '12 Rue du Lac' })
    await f.sell('SI-3', 'c@example.com', { ip: '203.0.113.8', deviceId: 'till-8' })
    await f.sell('SI-4', 'd@example.com', { deviceId: 'till-9' })
    await f.sell('SI-5', 'e@example.com', { address: '14 rue du Lac' })
    await f.sell('SI-6', 'f@example.com', { address: '16 rue du Lac' })
  },
}

/** Six sales of JAY10 from one IP, then six of FAST by one customer, `gap` minutes apart. */
async function bursts(gap: number, sameIp: boolean): Promise<void> {
  await unlimitedCode('FAST')
  for (let index = 1; index <= 6; index++) {
    await f.sell(`V-${index}`, `v${index}@example.com`, {
      ip: sameIp ? IP : `198.51.100.${index}`,
      gap,
    })
  }
  for (let index = 7; index <= 12; index++)
    await f.sell(`V-${index}`, 'regular@example.com', { code: 'FAST', gap })
}

function codeId(code: string): number {
  const row = t.ws.db.sql.first(
    t.ws.db.qb.selectFrom('codes').select('id').where('code', '=', code),
  )
  if (!row) throw new Error(`No code ${code}`)
  return row.id
}

function customerId(email: string): number {
  const row = t.ws.db.sql.first(
    t.ws.db.qb.selectFrom('customers').select('id').where('email', '=', email),
  )
  if (!row) throw new Error(`No customer ${email}`)
  return row.id
}

const velocity: Scenario = {
  signal: 'velocity',
  setting: 'velocity',
  sales: 12,
  async crafted() {
    // The default: more than 5 within 60 minutes. Only the sales past the fifth are flagged.
    await bursts(5, true)
    return {
      [`code:${codeId('JAY10')}`]: ['V-6'],
      [`ip:${IP}`]: ['V-6'],
      [`code:${codeId('FAST')}`]: ['V-12'],
      [`customer:${customerId('regular@example.com')}`]: ['V-12'],
    }
  },
  // The same sales 20 minutes apart: at most 4 in any hour.
  honest: () => bursts(20, false),
}

const selfReferral: Scenario = {
  signal: 'self_referral',
  setting: 'selfReferral',
  sales: 3,
  async crafted() {
    const max = await maxWithCode()
    await f.sell('SR-1', 'Jay@Example.com')
    // Max's Gmail address with its dots dropped and a +tag, on the other Gmail domain.
    await f.sell('SR-2', 'MaxPromo+shop@googlemail.com', { code: 'MAX10' })
    await f.sell('SR-3', 'walk-in@example.com', { code: 'MAX10', phone: '+33612345678' })
    return {
      [`promoter:${t.jay()}`]: ['SR-1'],
      [`promoter:${max}`]: ['SR-2', 'SR-3'],
    }
  },
  async honest() {
    await maxWithCode()
    await f.sell('SR-1', 'jay.friend@example.com')
    await f.sell('SR-2', 'max.friend@gmail.com', { code: 'MAX10' })
    await f.sell('SR-3', 'walk-in@example.com', { code: 'MAX10', phone: '+33 6 99 99 99 99' })
  },
}

/** Max, a promoter with a Gmail address and a phone, and his code MAX10. */
async function maxWithCode(): Promise<number> {
  const max = await t.ws.call('promoters.create', {
    businessId: t.businessId(),
    name: 'Max Promo',
    email: 'max.promo@gmail.com',
    phone: '+33 6 12 34 56 78',
  })
  await unlimitedCode('MAX10', max.id)
  return max.id
}

/** A 15%-off campaign for new customers only, with the code WELCOME (once per customer). */
async function welcomeCode() {
  const campaign = await t.ws.call('campaigns.create', {
    businessId: t.businessId(),
    name: 'Welcome',
    discount: { kind: 'percent', percentBp: 1500 },
    conditions: [{ kind: 'new_customer' }],
    startsOn: '2026-03-01',
    endsOn: '2026-03-31',
  })
  return t.ws.call('codes.create', {
    businessId: t.businessId(),
    campaignId: campaign.id,
    code: 'WELCOME',
    maxUses: 20,
    maxUsesPerCustomer: 1,
  })
}

const OLD_CONTEXT = { ip: IP, deviceId: 'phone-of-old', address: '1 Main Street' }

const newCustomerAbuse: Scenario = {
  signal: 'new_customer_abuse',
  setting: 'newCustomerAbuse',
  sales: 4,
  async crafted() {
    const welcome = await welcomeCode()
    await f.sell('NC-1', 'old@example.com', OLD_CONTEXT)
    f.wait(60)
    await f.sell('NC-2', 'new1@example.com', { code: 'WELCOME', ip: IP })
    await f.sell('NC-3', 'new2@example.com', { code: 'WELCOME', deviceId: 'PHONE-OF-OLD' })
    await f.sell('NC-4', 'new3@example.com', { code: 'WELCOME', address: '1, main street' })
    return { [`code:${welcome.id}`]: ['NC-2', 'NC-3', 'NC-4'] }
  },
  async honest() {
    await welcomeCode()
    await f.sell('NC-1', 'old@example.com', OLD_CONTEXT)
    f.wait(60)
    await f.sell('NC-2', 'new1@example.com', { code: 'WELCOME', ip: '203.0.113.99' })
    await f.sell('NC-3', 'new2@example.com', { code: 'WELCOME', deviceId: 'phone-of-new' })
    await f.sell('NC-4', 'new3@example.com', { code: 'WELCOME', address: '2 Main Street' })
  },
}

/** Five sales of JAY10, `refunds` of them refunded in full (the first ones). */
async function refunds(count: number): Promise<void> {
  const sales = []
  for (let index = 1; index <= 5; index++)
    sales.push(await f.sell(`R-${index}`, `r${index}@example.com`))
  f.wait(60)
  for (const sale of sales.slice(0, count)) await t.reverse(sale.entryId, { kind: 'refund' })
}

const refundHeavy: Scenario = {
  signal: 'refund_heavy',
  setting: 'refundHeavy',
  sales: 5,
  async crafted() {
    // 2 of 5 = 40%, above the default 30% over at least 5 sales.
    await refunds(2)
    return { [`promoter:${t.jay()}`]: ['R-1', 'R-2'] }
  },
  honest: () => refunds(1),
}

const misuse: Scenario = {
  signal: 'misuse',
  setting: 'misuse',
  sales: 2,
  async crafted() {
    const personal = await annasCode()
    // Checkout refuses someone else's personal code: only an imported order can carry it.
    const refused = await failureOf(f.sell('MU-0', 'bob@example.com', { code: 'ANNA-VIP' }))
    expect(refusalOf(refused).reason).toBe('personal_code')
    const run = await f.importFile([
      { id: 'MU-1', date: '2026-03-10 09:00', email: 'bob@example.com', coupon: 'ANNA-VIP' },
    ])
    expect(run.imported).toBe(1)
    await f.sell('MU-2', 'c@example.com', { location: 'Marseille' })
    return { [`code:${personal.id}`]: ['MU-1'], 'location:marseille': ['MU-2'] }
  },
  async honest() {
    await annasCode()
    const run = await f.importFile([
      { id: 'MU-1', date: '2026-03-10 09:00', email: 'anna@example.com', coupon: 'ANNA-VIP' },
    ])
    expect(run.imported).toBe(1)
    await f.sell('MU-2', 'c@example.com', { location: 'paris' })
  },
}

/** Anna's personal code, and the business's regions (where misuse looks at locations). */
async function annasCode() {
  await f.updateSettings((settings) => ({
    ...settings,
    misuse: { ...settings.misuse, regions: ['Paris', 'Lyon'] },
  }))
  return t.ws.call('codes.create', {
    businessId: t.businessId(),
    campaignId: t.shop.campaign.id,
    code: 'ANNA-VIP',
    customer: { email: 'anna@example.com' },
    maxUses: 5,
    maxUsesPerCustomer: 2,
  })
}

const SCENARIOS = [sharedIdentity, velocity, selfReferral, newCustomerAbuse, refundHeavy, misuse]

for (const scenario of SCENARIOS) {
  describe(scenario.signal, () => {
    it('fires at the sale on a crafted history', async () => {
      const expected = await scenario.crafted()
      expect(salesCount()).toBe(scenario.sales)
      expect(await f.casesBySubject(scenario.signal)).toEqual(expected)
      // A scan finds the same, and adds nothing.
      await f.scan()
      expect(await f.casesBySubject(scenario.signal)).toEqual(expected)
    })

    it('fires in a scan of the history when it was off at the sale', async () => {
      await f.setEnabled(scenario.setting, false)
      const expected = await scenario.crafted()
      expect(await f.cases(scenario.signal)).toEqual([])
      await f.scan()
      expect(await f.cases(scenario.signal)).toEqual([])
      await f.setEnabled(scenario.setting, true)
      await f.scan()
      expect(await f.casesBySubject(scenario.signal)).toEqual(expected)
    })

    it('screens in, at each of its sales, every signal the detectors find there', async () => {
      await scenario.crafted()
      expect(screenMisses()).toEqual([])
    })

    it('stays quiet on an honest history of the same size', async () => {
      await scenario.honest()
      expect(salesCount()).toBe(scenario.sales)
      expect(await f.cases()).toEqual([])
      await f.scan()
      expect(await f.cases()).toEqual([])
    })
  })
}

describe('settings', () => {
  it('velocity honours its count and its window, at the sale and in a scan', async () => {
    await f.updateSettings((s) => ({ ...s, velocity: { ...s.velocity, maxRedemptions: 6 } }))
    await bursts(5, true)
    expect(await f.cases('velocity')).toEqual([])
    await f.scan()
    expect(await f.cases('velocity')).toEqual([])
    // Six sales 5 minutes apart span 25 minutes: never more than 5 within 20 minutes.
    await f.updateSettings((s) => ({
      ...s,
      velocity: { ...s.velocity, maxRedemptions: 5, windowMinutes: 20 },
    }))
    await f.scan()
    expect(await f.cases('velocity')).toEqual([])
    await f.updateSettings((s) => ({ ...s, velocity: { ...s.velocity, windowMinutes: 25 } }))
    await f.scan()
    expect(Object.keys(await f.casesBySubject('velocity'))).toHaveLength(4)
  })

  it('refund-heavy honours its rate, its minimum of sales and its period', async () => {
    await f.updateSettings((s) => ({
      ...s,
      refundHeavy: { ...s.refundHeavy, maxRefundRateBp: 4000 },
    }))
    await refunds(2)
    expect(await f.cases('refund_heavy')).toEqual([])
    await f.updateSettings((s) => ({
      ...s,
      refundHeavy: { ...s.refundHeavy, maxRefundRateBp: 3000, minSales: 6 },
    }))
    await f.scan()
    expect(await f.cases('refund_heavy')).toEqual([])
    // 40 days later, the sales are out of a 30-day period; within a 60-day one, they count.
    f.wait(40 * 24 * 60)
    await f.updateSettings((s) => ({ ...s, refundHeavy: { ...s.refundHeavy, minSales: 5 } }))
    await f.scan()
    expect(await f.cases('refund_heavy')).toEqual([])
    await f.updateSettings((s) => ({ ...s, refundHeavy: { ...s.refundHeavy, periodDays: 60 } }))
    await f.scan()
    expect(await f.casesBySubject('refund_heavy')).toEqual({
      [`promoter:${t.jay()}`]: ['R-1', 'R-2'],
    })
  })

  it('every switch off: a history with all six signals opens nothing until they are on', async () => {
    const defaults = await f.settings()
    await f.updateSettings((settings) => {
      const off = { ...settings }
      for (const key of Object.keys(off) as (keyof FraudSettings)[])
        off[key] = { ...off[key], enabled: false } as never
      return off
    })
    await annasCode()
    await welcomeCode()
    const sales = [
      await f.sell('X-1', 'jay@example.com', { deviceId: 'till-1', location: 'Marseille', gap: 1 }),
    ]
    for (let index = 2; index <= 7; index++)
      sales.push(
        await f.sell(`X-${index}`, `x${index}@example.com`, { deviceId: 'till-1', gap: 1 }),
      )
    await f.sell('X-8', 'new@example.com', { code: 'WELCOME', deviceId: 'till-1' })
    await f.importFile([
      { id: 'X-9', date: '2026-03-10 09:00', email: 'bob@example.com', coupon: 'ANNA-VIP' },
    ])
    for (const sale of sales.slice(1, 4)) await t.reverse(sale.entryId, { kind: 'refund' })
    await f.scan()
    expect(await f.cases()).toEqual([])

    await f.updateSettings((settings) => ({
      ...defaults,
      misuse: { ...defaults.misuse, regions: settings.misuse.regions },
    }))
    await f.scan()
    const signals = new Set((await f.cases()).map((row) => row.signal))
    expect([...signals].sort()).toEqual([...FRAUD_SIGNALS].sort())
  })

  it('are kept per business and refuse nonsense', async () => {
    const saved = await f.updateSettings((s) => ({
      ...s,
      velocity: { enabled: true, maxRedemptions: 3, windowMinutes: 10 },
    }))
    expect(saved.velocity).toEqual({ enabled: true, maxRedemptions: 3, windowMinutes: 10 })
    expect((await f.settings()).velocity.maxRedemptions).toBe(3)
    const failure = await failureOf(
      t.ws.call('fraud.updateSettings', {
        businessId: t.businessId(),
        settings: { ...saved, velocity: { ...saved.velocity, maxRedemptions: 0 } },
      }),
    )
    expect(failure.code).toBe('invalid_input')
  })
})

describe('what counts', () => {
  it('refunds and voids are not redemptions, nor sales of their own', async () => {
    const sales = []
    for (let index = 1; index <= 4; index++)
      sales.push(await f.sell(`V-${index}`, `v${index}@example.com`, { gap: 5 }))
    // Three voids within the hour: their code rows give the uses back, they take none. With
    // the fifth sale below, 5 redemptions in the hour, not more.
    for (const sale of sales.slice(0, 3)) {
      await t.reverse(sale.entryId, { kind: 'void' })
      f.wait(1)
    }
    const own = await f.sell('SR-1', 'jay@example.com', { gap: 5 })
    expect(await f.cases('velocity')).toEqual([])
    const [selfReferral] = await f.cases('self_referral')
    await t.reverse(own.entryId, { kind: 'refund' })
    await f.scan()
    expect(await f.cases('velocity')).toEqual([])
    expect(await f.casesBySubject('self_referral')).toEqual({ [`promoter:${t.jay()}`]: ['SR-1'] })
    expect((await f.cases('self_referral'))[0]?.id).toBe(selfReferral?.id)
  })

  it('a phone seen before finds its customer: one record, whatever the email', async () => {
    await f.sell('PH-1', 'a@example.com', { phone: '+33 6 11 22 33 44' })
    await f.sell('PH-2', 'b@example.com', { phone: '+33611223344' })
    // JAY10 allows two uses per customer: the third order with that phone is the same customer.
    const failure = await failureOf(f.sell('PH-3', 'c@example.com', { phone: '+33 611 223 344' }))
    expect(refusalOf(failure).reason).toBe('customer_limit')
    const records = t.ws.db.sql.all(
      t.ws.db.qb.selectFrom('customers').select('email').where('phone_key', '=', '+33611223344'),
    )
    expect(records).toEqual([{ email: 'a@example.com' }])
    expect(await f.cases()).toEqual([])
  })
})

describe('in-store codes online', () => {
  it('a code of an in-store campaign opens a case when it is used online, not in the shop', async () => {
    await f.updateSettings((current) => ({
      ...current,
      misuse: { ...current.misuse, inStoreCampaignIds: [t.shop.campaign.id] },
    }))
    await f.sell('IS-1', 'ana@example.com', { channel: 'in_store' })
    await f.sell('IS-2', 'ben@example.com', { channel: 'phone' })
    expect(await f.cases()).toEqual([])
    await f.sell('IS-3', 'cleo@example.com', { channel: 'online' })
    const code = t.ws.db.sql.first(
      t.ws.db.qb.selectFrom('codes').select('id').where('code_key', '=', 'JAY10'),
    )
    expect(await f.casesBySubject('misuse')).toEqual({ [`online:code:${code?.id}`]: ['IS-3'] })
  })
})

describe('a phone behind two customers', () => {
  it('a known customer, found by email, giving another customer’s phone opens a case', async () => {
    await f.sell('PX-1', 'ana@example.com', { code: null })
    await f.sell('PX-2', 'bob@example.com', { phone: '+33 6 55 44 33 22' })
    expect(await f.cases()).toEqual([])
    // Ana is found by her email; the phone she gives is Bob's.
    await f.sell('PX-3', 'ana@example.com', { phone: '+33655443322' })
    expect(await f.casesBySubject('shared_identity')).toEqual({
      'phone:+33655443322': ['PX-2', 'PX-3'],
    })
  })
})

describe('scanning again', () => {
  it('extends the open case instead of opening another', async () => {
    const expected = await sharedIdentity.crafted()
    await f.scan()
    await f.scan()
    const before = await f.cases('shared_identity')
    expect(before).toHaveLength(3)
    // A third customer on the same device while the signal is off; the next scan adds the order.
    await f.setEnabled('sharedIdentity', false)
    await f.sell('SI-7', 'g@example.com', { deviceId: 'TILL-7' })
    await f.setEnabled('sharedIdentity', true)
    await f.scan()
    const after = await f.cases('shared_identity')
    expect(after.map((row) => row.id).sort()).toEqual(before.map((row) => row.id).sort())
    expect(await f.casesBySubject('shared_identity')).toEqual({
      ...expected,
      'device:till-7': ['SI-3', 'SI-4', 'SI-7'],
    })
  })
})
