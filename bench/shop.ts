import { join } from 'node:path'
import { createHandlers } from '../src/main/api'
import { localClient, type CallApi } from '../src/main/api/local-client'
import { openWorkspace, type Workspace } from '../src/main/db/database'
import type { Business } from '../src/shared/contract/businesses'
import type { MethodArgs } from '../src/shared/contract'
import { localDayOf } from '../src/main/time/local-dates'

/** Every limit of the creation policy lifted: benchmark codes must never run out mid-run. */
const UNLIMITED_POLICY = {
  maxPercentBp: null,
  maxUsesPerCode: null,
  maxUsesPerCustomer: null,
  maxWindowMonths: null,
  maxCodesPerPromoter: null,
  promoterPeriodDays: 30,
}

/** How many of the shop's codes belong to a promoter (one code per promoter per campaign). */
const PROMOTER_CODES = 20
/** Limits that every check evaluates but no benchmark reaches. */
const CODE_LIMITS = { maxUses: 1_000_000, maxUsesPerCustomer: 1_000 }
const DAY = 24 * 60 * 60 * 1000

/** A workspace opened the way the app opens it, with the handlers every host uses. */
export interface BenchWorkspace {
  db: Workspace
  handlers: ReturnType<typeof createHandlers>
  call: CallApi
}

export async function openBenchWorkspace(file: string, exportDir: string): Promise<BenchWorkspace> {
  const db = await openWorkspace(file)
  const handlers = createHandlers({
    db,
    clock: { now: () => Date.now() },
    host: { kind: 'browser' },
    exportDir,
  })
  return { db, handlers, call: localClient(handlers) }
}

/** What the benchmarks need to know about the shop they sell in. */
export interface BenchShop {
  business: Business
  campaignId: number
  /** Code texts, some with a promoter, all unlimited. */
  codes: string[]
}

/**
 * Sets up a shop through the public API (so its rows are the app's own): a business with an
 * unlimited policy, promoters, and a campaign shaped like a real one (10% off orders of €10.00
 * or more, for four weeks around today) with `codeCount` codes carrying use limits, so a
 * redemption evaluates every rule a real one does.
 */
export async function createShop(
  { call, handlers }: BenchWorkspace,
  codeCount: number,
): Promise<BenchShop> {
  const created = await call('businesses.create', {
    name: 'Bench Bakery',
    currency: 'EUR',
    timeZone: 'Europe/Paris',
  })
  const business = await call('businesses.updatePolicy', {
    businessId: created.id,
    policy: UNLIMITED_POLICY,
  })
  const now = Date.now()
  const campaign = await call('campaigns.create', {
    businessId: business.id,
    name: 'Bench promoters',
    discount: { kind: 'percent', percentBp: 1000 },
    conditions: [{ kind: 'min_spend', minMinor: 1000 }],
    startsOn: localDayOf(now - DAY, business.timeZone),
    endsOn: localDayOf(now + 27 * DAY, business.timeZone),
  })
  const codes: string[] = []
  for (let index = 0; index < Math.min(PROMOTER_CODES, codeCount); index++) {
    const promoter = await call('promoters.create', {
      businessId: business.id,
      name: `Promoter ${index + 1}`,
      email: `promoter${index + 1}@example.com`,
    })
    const code = await call('codes.create', {
      businessId: business.id,
      campaignId: campaign.id,
      code: `PROMO${index + 1}`,
      promoterId: promoter.id,
      ...CODE_LIMITS,
    })
    codes.push(code.code)
  }
  const generated = codeCount - codes.length
  if (generated > 0) {
    const { jobId } = await call('codes.generate', {
      businessId: business.id,
      campaignId: campaign.id,
      pattern: 'SHOP-######',
      count: generated,
      ...CODE_LIMITS,
    })
    const job = await handlers.context.jobs.settled(jobId)
    if (job.status !== 'done') throw new Error(`Generating shop codes failed: ${job.message}`)
    const rows = handlers.context.db.sql.all(
      handlers.context.db.qb
        .selectFrom('codes')
        .select('code')
        .where('campaign_id', '=', campaign.id)
        .where('promoter_id', 'is', null)
        .orderBy('id'),
    )
    codes.push(...rows.map((row) => row.code))
  }
  return { business, campaignId: campaign.id, codes }
}

/** The email of the n-th of the shop's regular customers. */
export function customerEmail(index: number): string {
  return `shopper${index}@example.com`
}

/** A typical in-store sale: two lines, a code and a returning customer. */
export function saleArgs(
  shop: BenchShop,
  orderRef: string,
  code: string,
  customerIndex: number,
): MethodArgs<'checkout.commit'> {
  return {
    businessId: shop.business.id,
    orderRef,
    code,
    managerPin: undefined,
    customer: { email: customerEmail(customerIndex), externalId: undefined, phone: undefined },
    cart: {
      lines: [
        { sku: 'BRD-SOUR', name: 'Sourdough loaf', quantity: 2, unitPriceMinor: 650 },
        { sku: 'CFE-BEAN', name: 'Coffee beans 500 g', quantity: 1, unitPriceMinor: 1450 },
      ],
      shippingMinor: 0,
    },
    channel: 'in_store',
    location: 'Main street',
  }
}

export function workspaceFile(dir: string, name: string): string {
  return join(dir, `${name}.sqlite`)
}
