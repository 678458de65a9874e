import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DAY } from '../fixtures/clock'
import { openTestWorkspace, type TestWorkspace } from '../fixtures/workspace'
import { createShop, type Shop } from '../fixtures/shop'
import { failureOf } from '../fixtures/api-failure'

let ws: TestWorkspace
let shop: Shop

beforeEach(async () => {
  ws = await openTestWorkspace()
  shop = await createShop(ws.call)
})
afterEach(() => ws.close())

const limits = { maxUses: 20, maxUsesPerCustomer: 2 }

async function newCampaign(name: string) {
  return ws.call('campaigns.create', {
    businessId: shop.business.id,
    name,
    discount: { kind: 'percent', percentBp: 1500 },
    startsOn: '2026-03-01',
    endsOn: '2026-03-31',
  })
}

describe('codes.create', () => {
  it('refuses a second code for one promoter in one campaign as a conflict', async () => {
    const failure = await failureOf(
      ws.call('codes.create', {
        businessId: shop.business.id,
        campaignId: shop.campaign.id,
        code: 'JAY10B',
        promoterId: shop.promoter.id,
        ...limits,
      }),
    )
    expect(failure.code).toBe('conflict')
    expect(failure.field).toBe('promoterId')
    expect(failure.message).toContain('JAY10')
  })

  it('refuses a code that exists in the business, ignoring case', async () => {
    const campaign = await newCampaign('Other')
    const failure = await failureOf(
      ws.call('codes.create', {
        businessId: shop.business.id,
        campaignId: campaign.id,
        code: 'jay10',
        ...limits,
      }),
    )
    expect(failure.code).toBe('conflict')
    expect(failure.field).toBe('code')
  })

  it('draws a code from a pattern, upper-cased, in the unambiguous alphabet', async () => {
    const code = await ws.call('codes.create', {
      businessId: shop.business.id,
      campaignId: shop.campaign.id,
      pattern: 'spring-######',
      ...limits,
    })
    expect(code.code).toMatch(/^SPRING-[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{6}$/)
  })

  it('refuses what the policy forbids, each rule naming its field', async () => {
    const failure = await failureOf(
      ws.call('codes.create', {
        businessId: shop.business.id,
        campaignId: shop.campaign.id,
        code: 'BIG',
        maxUses: 21,
        maxUsesPerCustomer: 3,
      }),
    )
    expect(failure.code).toBe('policy_violation')
    expect(failure.field).toBe('maxUses')
    expect(failure.issues.map((issue) => issue.field)).toEqual(['maxUses', 'maxUsesPerCustomer'])
  })

  it('refuses a campaign above the policy percentage', async () => {
    const failure = await failureOf(
      ws.call('campaigns.create', {
        businessId: shop.business.id,
        name: 'Too generous',
        discount: { kind: 'percent', percentBp: 3500 },
      }),
    )
    expect(failure.code).toBe('policy_violation')
    expect(failure.field).toBe('discount')
  })

  it('refuses a window longer than a month through the API', async () => {
    const campaign = await ws.call('campaigns.create', {
      businessId: shop.business.id,
      name: 'Open campaign',
      discount: { kind: 'percent', percentBp: 1000 },
    })
    const create = (startsOn: string, endsOn: string) =>
      ws.call('codes.create', {
        businessId: shop.business.id,
        campaignId: campaign.id,
        pattern: 'W-######',
        startsOn,
        endsOn,
        ...limits,
      })
    await create('2026-03-31', '2026-04-30')
    const failure = await failureOf(create('2026-03-31', '2026-05-01'))
    expect(failure.code).toBe('policy_violation')
    expect(failure.field).toBe('endsOn')
  })

  it('refuses a code window outside its campaign', async () => {
    const failure = await failureOf(
      ws.call('codes.create', {
        businessId: shop.business.id,
        campaignId: shop.campaign.id,
        code: 'EARLY',
        startsOn: '2026-02-27',
        ...limits,
      }),
    )
    expect(failure.code).toBe('invalid_input')
    expect(failure.field).toBe('startsOn')
  })

  it('refuses a 21st code for one promoter within 30 days, and allows it once they pass', async () => {
    // The shop's code is the promoter's first; 19 more reach the policy's 20.
    for (let i = 2; i <= 20; i++) {
      const campaign = await newCampaign(`Campaign ${i}`)
      ws.clock.advance(DAY / 2)
      await ws.call('codes.create', {
        businessId: shop.business.id,
        campaignId: campaign.id,
        code: `JAY-${i}`,
        promoterId: shop.promoter.id,
        ...limits,
      })
    }
    const campaign = await newCampaign('Campaign 21')
    const create = () =>
      ws.call('codes.create', {
        businessId: shop.business.id,
        campaignId: campaign.id,
        code: 'JAY-21',
        promoterId: shop.promoter.id,
        ...limits,
      })
    const failure = await failureOf(create())
    expect(failure.code).toBe('policy_violation')
    expect(failure.field).toBe('promoterId')
    expect(failure.message).toContain('20 codes from the last 30 days')

    // 30 days after the first code, it leaves the rolling period.
    ws.clock.set(shop.code.createdAt + 30 * DAY)
    expect((await create()).code).toBe('JAY-21')
  })
})

describe('codes.list', () => {
  it('pages newest first and filters by campaign, promoter and code prefix', async () => {
    const campaign = await newCampaign('Flyers')
    for (let i = 1; i <= 5; i++) {
      ws.clock.advance(1000)
      await ws.call('codes.create', {
        businessId: shop.business.id,
        campaignId: campaign.id,
        code: `FLY-${i}`,
        ...limits,
      })
    }
    const business = shop.business.id
    const firstPage = await ws.call('codes.list', { businessId: business, pageSize: 4 })
    expect(firstPage.total).toBe(6)
    expect(firstPage.rows.map((row) => row.code)).toEqual(['FLY-5', 'FLY-4', 'FLY-3', 'FLY-2'])
    const secondPage = await ws.call('codes.list', { businessId: business, pageSize: 4, page: 1 })
    expect(secondPage.rows.map((row) => row.code)).toEqual(['FLY-1', 'JAY10'])

    const byCampaign = await ws.call('codes.list', {
      businessId: business,
      campaignId: campaign.id,
    })
    expect(byCampaign.total).toBe(5)
    const byPromoter = await ws.call('codes.list', {
      businessId: business,
      promoterId: shop.promoter.id,
    })
    expect(byPromoter.rows.map((row) => row.code)).toEqual(['JAY10'])
    const bySearch = await ws.call('codes.list', { businessId: business, search: 'fly-3' })
    expect(bySearch.rows.map((row) => row.code)).toEqual(['FLY-3'])
    const likeIsLiteral = await ws.call('codes.list', { businessId: business, search: '%' })
    expect(likeIsLiteral.total).toBe(0)
  })

  it('searches code prefixes containing _ literally', async () => {
    const campaign = await newCampaign('Underscores')
    for (const code of ['SUMMER_SALE', 'SUMMERXSALE']) {
      await ws.call('codes.create', {
        businessId: shop.business.id,
        campaignId: campaign.id,
        code,
        ...limits,
      })
    }
    const found = await ws.call('codes.list', { businessId: shop.business.id, search: 'summer_' })
    expect(found.rows.map((row) => row.code)).toEqual(['SUMMER_SALE'])
  })
})
