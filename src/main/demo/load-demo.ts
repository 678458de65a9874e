import type { Business } from '../../shared/contract/businesses'
import { ApiFailure } from '../../shared/errors'
import { createHandlers } from '../api'
import type { HandlerContext } from '../api/context'
import { localClient, type CallApi } from '../api/local-client'
import { localDayOf } from '../time/local-dates'
import { seededRandom } from './demo-random'

const DAY = 24 * 60 * 60 * 1000
type Random = ReturnType<typeof seededRandom>

const BAKERY_ITEMS = [
  { sku: 'BRD-SOUR', name: 'Sourdough loaf', price: 650 },
  { sku: 'PST-CROI', name: 'Butter croissant', price: 180 },
  { sku: 'CKE-TART', name: 'Lemon tart', price: 2400 },
  { sku: 'CFE-BEAN', name: 'Coffee beans 500 g', price: 1450 },
]
const OUTFITTER_ITEMS = [
  { sku: 'JKT-RAIN', name: 'Rain jacket', price: 12900, category: 'Clothing', brand: 'Northline' },
  { sku: 'BTS-HIKE', name: 'Hiking boots', price: 15900, category: 'Footwear', brand: 'Ridge' },
  { sku: 'SCK-WOOL', name: 'Wool socks', price: 1800, category: 'Footwear', brand: 'Ridge' },
  { sku: 'PCK-DAY', name: 'Day pack 25 L', price: 8900, category: 'Packs', brand: 'Northline' },
  { sku: 'BTL-STEEL', name: 'Steel bottle', price: 2900, category: 'Gear', brand: 'Orbit' },
]

/**
 * Fills the workspace with two businesses and a few thousand sales spread over the last
 * two months, through the same API as the app (a clock walks back in time), so every
 * number in the demo was produced by the real rules.
 */
export async function loadDemo(context: HandlerContext): Promise<Business[]> {
  const realNow = context.clock.now()
  let demoNow = realNow - 60 * DAY
  const call = localClient(createHandlers({ ...context, clock: { now: () => demoNow } }))
  const setTime = (time: number) => (demoNow = time)
  const random = seededRandom(20261123)

  const bakery = await call('businesses.create', {
    name: 'Corner Bakery',
    currency: 'EUR',
    timeZone: 'Europe/Paris',
  })
  const outfitters = await call('businesses.create', {
    name: 'Northwind Outfitters',
    currency: 'USD',
    timeZone: 'America/New_York',
  })
  await call('businesses.updatePolicy', {
    businessId: outfitters.id,
    policy: {
      ...outfitters.policy,
      maxUsesPerCode: 500,
      maxUsesPerCustomer: 3,
      maxWindowMonths: 3,
    },
  })

  // Commission programs, so payouts and commission costs have something to show.
  await call('program.update', {
    businessId: bakery.id,
    program: { rule: { kind: 'percent', rateBp: 1000 }, holdingDays: 14 },
  })
  await call('program.update', {
    businessId: outfitters.id,
    program: {
      rule: {
        kind: 'tiered',
        measure: 'revenue',
        mode: 'marginal',
        tiers: [
          { from: 0, rateBp: 500 },
          { from: 100_000, rateBp: 800 },
        ],
      },
    },
  })

  await seedBakery(call, context, bakery, random, realNow, setTime)
  await seedOutfitters(call, outfitters, random, realNow, setTime)
  return call('businesses.list', {})
}

type SetTime = (time: number) => void

async function seedBakery(
  call: CallApi,
  context: HandlerContext,
  business: Business,
  random: Random,
  realNow: number,
  setTime: SetTime,
) {
  const names = [
    'Jay Martin',
    'Emma Laurent',
    'Chris Dubois',
    'Sofia Rossi',
    'Noah Bernard',
    'Lina Haddad',
  ]
  const promoters = []
  for (const name of names) {
    promoters.push(
      await call('promoters.create', {
        businessId: business.id,
        name,
        email: `${name.split(' ')[0]?.toLowerCase()}@example.com`,
      }),
    )
  }
  // Two monthly campaigns, each with one code per promoter, as source 000 describes.
  for (const [index, month] of [
    { start: realNow - 60 * DAY, label: 'Autumn', percent: 1000 },
    { start: realNow - 29 * DAY, label: 'Winter', percent: 1500 },
  ].entries()) {
    setTime(month.start)
    const startsOn = localDayOf(month.start, business.timeZone)
    const endsOn = localDayOf(month.start + 29 * DAY, business.timeZone)
    const campaign = await call('campaigns.create', {
      businessId: business.id,
      name: `${month.label} promoters`,
      discount: { kind: 'percent', percentBp: month.percent },
      conditions: [{ kind: 'min_spend', minMinor: 1000 }],
      startsOn,
      endsOn,
    })
    const codes = []
    for (const promoter of promoters) {
      const code = `${promoter.name.split(' ')[0]?.toUpperCase()}${month.percent / 100}${index === 0 ? '' : 'W'}`
      codes.push(
        await call('codes.create', {
          businessId: business.id,
          campaignId: campaign.id,
          code,
          promoterId: promoter.id,
          maxUses: 20,
          maxUsesPerCustomer: 2,
          startsOn,
          endsOn,
        }),
      )
    }
    const welcome = await call('campaigns.create', {
      businessId: business.id,
      name: `${month.label} welcome cards`,
      description: 'Single-use cards handed out at the market stall.',
      discount: { kind: 'fixed', amountMinor: 300 },
      startsOn,
      endsOn,
    })
    const { jobId } = await call('codes.generate', {
      businessId: business.id,
      campaignId: welcome.id,
      pattern: 'HELLO-#####',
      count: 400,
      maxUses: 1,
      maxUsesPerCustomer: 1,
      startsOn,
      endsOn,
    })
    await context.jobs.settled(jobId)
    const cards = await call('codes.list', {
      businessId: business.id,
      campaignId: welcome.id,
      pageSize: 100,
    })
    const sale = { from: month.start, to: Math.min(month.start + 29 * DAY, realNow) }
    await sellDuring(
      call,
      business,
      random,
      setTime,
      sale,
      700,
      { reusable: codes.map((code) => code.code), singleUse: cards.rows.map((row) => row.code) },
      BAKERY_ITEMS,
    )
  }
}

async function seedOutfitters(
  call: CallApi,
  business: Business,
  random: Random,
  realNow: number,
  setTime: SetTime,
) {
  setTime(realNow - 60 * DAY)
  const startsOn = localDayOf(realNow - 60 * DAY, business.timeZone)
  const endsOn = localDayOf(realNow + 20 * DAY, business.timeZone)
  const names = [
    'Ava Thompson',
    'Liam Carter',
    'Mia Nguyen',
    'Ethan Brooks',
    'Zoe Patel',
    'Lucas Green',
    'Chloe Rivera',
    'Owen Park',
  ]
  const launch = await call('campaigns.create', {
    businessId: business.id,
    name: 'Trail season partners',
    description: 'Ambassadors share their code on social media.',
    discount: { kind: 'percent', percentBp: 1500 },
    startsOn,
    endsOn,
  })
  const tenOff = await call('campaigns.create', {
    businessId: business.id,
    name: '$10 off $80',
    discount: { kind: 'fixed', amountMinor: 1000 },
    conditions: [{ kind: 'min_spend', minMinor: 8000 }],
    startsOn,
    endsOn,
  })
  // A catalog, and two promotions that need no code: they stack with the partners' codes.
  for (const item of OUTFITTER_ITEMS) {
    await call('products.save', {
      businessId: business.id,
      sku: item.sku,
      name: item.name,
      category: item.category,
      brand: item.brand,
      priceMinor: item.price,
    })
  }
  await call('campaigns.create', {
    businessId: business.id,
    name: 'Free shipping over $150',
    kind: 'automatic',
    discount: { kind: 'free_shipping' },
    conditions: [{ kind: 'min_spend', minMinor: 15_000 }],
    startsOn,
    endsOn,
  })
  await call('campaigns.create', {
    businessId: business.id,
    name: 'Footwear bundle',
    kind: 'automatic',
    discount: {
      kind: 'tiered',
      basis: 'quantity',
      reward: 'percent',
      tiers: [
        { from: 3, value: 500 },
        { from: 6, value: 1000 },
      ],
    },
    eligible: { include: { categories: ['Footwear'] } },
    stacking: { priority: 200 },
    startsOn,
    endsOn,
  })
  const codes: string[] = []
  const singleUse: string[] = []
  for (const name of names) {
    const promoter = await call('promoters.create', {
      businessId: business.id,
      name,
      email: `${name.replace(' ', '.').toLowerCase()}@example.org`,
    })
    const code = await call('codes.create', {
      businessId: business.id,
      campaignId: launch.id,
      code: `${name.split(' ')[0]?.toUpperCase()}15`,
      promoterId: promoter.id,
      maxUses: 500,
      maxUsesPerCustomer: 3,
      startsOn,
      endsOn,
    })
    codes.push(code.code)
  }
  for (let i = 0; i < 40; i++) {
    const code = await call('codes.create', {
      businessId: business.id,
      campaignId: tenOff.id,
      pattern: 'TEN-######',
      maxUses: 1,
      maxUsesPerCustomer: 1,
      startsOn,
      endsOn,
    })
    singleUse.push(code.code)
  }
  await sellDuring(
    call,
    business,
    random,
    setTime,
    { from: realNow - 60 * DAY, to: realNow },
    2200,
    { reusable: codes, singleUse },
    OUTFITTER_ITEMS,
  )
}

/**
 * Rings up `count` sales between two instants, most with a promoter's code and some with a
 * single-use card; refusals (limits reached) are part of real life and skipped.
 */
async function sellDuring(
  call: CallApi,
  business: Business,
  random: Random,
  setTime: SetTime,
  { from, to }: { from: number; to: number },
  count: number,
  codes: { reusable: string[]; singleUse: string[] },
  items: { sku: string; name: string; price: number }[],
) {
  const step = (to - from) / count
  const prefix = business.name.replace(/[^A-Z]/g, '')
  const cards = [...codes.singleUse]
  const pickCode = () => {
    if (random.chance(0.15)) return undefined
    if (random.chance(0.15) && cards.length > 0) return cards.pop()
    return random.pick(codes.reusable)
  }
  for (let i = 0; i < count; i++) {
    setTime(Math.floor(from + i * step + random.next() * step))
    const lines = Array.from({ length: random.int(1, 3) }, () => {
      const item = random.pick(items)
      return {
        sku: item.sku,
        name: item.name,
        quantity: random.int(1, 4),
        unitPriceMinor: item.price,
      }
    })
    try {
      await call('checkout.commit', {
        businessId: business.id,
        orderRef: `${prefix}-${String(Math.floor(from / 60_000) % 100_000).padStart(5, '0')}${String(i + 1).padStart(4, '0')}`,
        code: pickCode(),
        customer: { email: `customer${random.int(1, Math.ceil(count / 2))}@example.net` },
        cart: { lines, shippingMinor: random.chance(0.3) ? 495 : 0 },
        channel: random.pick(['in_store', 'online', 'online', 'phone'] as const),
        location: random.pick(['Main street', 'Station kiosk', null]) ?? undefined,
      })
    } catch (error) {
      if (!(error instanceof ApiFailure) || error.code !== 'refused') throw error
    }
  }
}
