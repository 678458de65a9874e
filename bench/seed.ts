import Database from 'better-sqlite3'
import { saleHash } from '../src/main/ledger/entry-hash'
import { emailKey } from '../src/main/engine/identity'
import { localDayOf } from '../src/main/time/local-dates'
import { customerEmail, type BenchShop } from './shop'

/** Regular customers of the bench shop; sales cycle through them. */
export const CUSTOMER_COUNT = 1_000
const ROWS_PER_TRANSACTION = 20_000
const CHANNELS = ['in_store', 'online', 'phone'] as const
const DAY = 24 * 60 * 60 * 1000

/**
 * Fills a closed workspace file with `count` past sales (a ledger entry and a redemption each)
 * and the shop's regular customers, with raw batched inserts: going through the app would take
 * longer than the benchmarks themselves. The append-only triggers only refuse UPDATE and DELETE.
 *
 * The ledger must already hold one real sale: its details and amounts are copied into every
 * seeded entry, so rows have the size the app writes. Seeded entries are hashed by the app's own
 * rule, chained from that sale, so the seeded ledger verifies.
 */
export function seedSales(
  file: string,
  shop: BenchShop,
  count: number,
  options: {
    /**
     * Which regular customer buys sale `index` (default: each customer for `codes` sales in a
     * row, so every code and customer pair comes once per codes × customers sales).
     */
    customerOf?: (index: number, codes: number) => number
  } = {},
): void {
  const db = new Database(file)
  try {
    db.pragma('journal_mode = WAL')
    // Seeding is set-up, not measured: durability is pointless here and costs minutes.
    db.pragma('synchronous = OFF')
    db.pragma('cache_size = -262144')
    const businessId = shop.business.id
    const now = Date.now()

    const customerIds = insertCustomers(db, businessId, now)
    const codes = db
      .prepare('select id, campaign_id, promoter_id from codes where business_id = ? order by id')
      .all(businessId) as { id: number; campaign_id: number; promoter_id: number | null }[]
    const template = db
      .prepare(
        `select details_json, subtotal_minor, discount_minor, shipping_minor, total_minor, hash
         from ledger_entries where business_id = ? order by id desc limit 1`,
      )
      .get(businessId) as
      | {
          details_json: string
          subtotal_minor: number
          discount_minor: number
          shipping_minor: number
          total_minor: number
          hash: string
        }
      | undefined
    if (!template) throw new Error('Seeding needs one real sale in the ledger to copy.')

    const insertEntry = db.prepare(
      `insert into ledger_entries (business_id, kind, order_ref, idempotency_key, customer_id,
         channel, location, occurred_at, currency, subtotal_minor, discount_minor, shipping_minor,
         total_minor, details_json, prev_hash, hash)
       values (?, 'sale', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    const insertRedemption = db.prepare(
      `insert into redemptions (entry_id, business_id, code_id, campaign_id, promoter_id,
         customer_id, channel, location, occurred_at, subtotal_minor, discount_minor, total_minor)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    // Past sales spread evenly over the year before the template sale, oldest first.
    const firstAt = now - 365 * DAY
    const step = Math.max(1, Math.floor((365 * DAY) / count))
    let prevHash = template.hash
    const insertRange = db.transaction((from: number, to: number) => {
      for (let index = from; index < to; index++) {
        const code = codes[index % codes.length]
        if (!code) throw new Error('The shop has no codes.')
        const orderRef = `SEED-${index}`
        // Each (code, customer) pair once per codes × customers sales: per-customer counters
        // stay far below the shop's limits whatever the ledger size.
        const customerIndex = options.customerOf
          ? options.customerOf(index, codes.length)
          : Math.floor(index / codes.length)
        const customerId = customerIds[customerIndex % customerIds.length] ?? null
        const channel = CHANNELS[index % CHANNELS.length] ?? 'in_store'
        const location = channel === 'in_store' ? 'Main street' : null
        const occurredAt = firstAt + index * step
        const hash = saleHash(prevHash, {
          businessId,
          kind: 'sale',
          orderRef,
          idempotencyKey: `sale:${orderRef}`,
          customerId,
          channel,
          location,
          occurredAt,
          currency: shop.business.currency,
          subtotalMinor: template.subtotal_minor,
          discountMinor: template.discount_minor,
          shippingMinor: template.shipping_minor,
          totalMinor: template.total_minor,
          detailsJson: template.details_json,
          redemptions: [
            {
              codeId: code.id,
              campaignId: code.campaign_id,
              promoterId: code.promoter_id,
              discountMinor: template.discount_minor,
            },
          ],
          promotionUses: [],
        })
        const entry = insertEntry.run(
          businessId,
          orderRef,
          `sale:${orderRef}`,
          customerId,
          channel,
          location,
          occurredAt,
          shop.business.currency,
          template.subtotal_minor,
          template.discount_minor,
          template.shipping_minor,
          template.total_minor,
          template.details_json,
          prevHash,
          hash,
        )
        prevHash = hash
        insertRedemption.run(
          entry.lastInsertRowid,
          businessId,
          code.id,
          code.campaign_id,
          code.promoter_id,
          customerId,
          channel,
          location,
          occurredAt,
          template.subtotal_minor,
          template.discount_minor,
          template.total_minor,
        )
      }
    })
    for (let from = 0; from < count; from += ROWS_PER_TRANSACTION) {
      insertRange(from, Math.min(count, from + ROWS_PER_TRANSACTION))
    }

    // Daily totals as appendEntry keeps them, so dashboards over the seeded ledger add up.
    const days = new Map<string, { orders: number; sales: number; discount: number }>()
    const zone = shop.business.timeZone
    for (let index = 0; index < count; index++) {
      const key = `${localDayOf(firstAt + index * step, zone)}|${CHANNELS[index % CHANNELS.length]}`
      const day = days.get(key) ?? { orders: 0, sales: 0, discount: 0 }
      day.orders++
      day.sales += template.total_minor
      day.discount += template.discount_minor
      days.set(key, day)
    }
    const addDay = db.prepare(
      `insert into daily_totals (business_id, day, channel, orders, sales_minor, discount_minor,
         redemptions)
       values (?, ?, ?, ?, ?, ?, ?)
       on conflict (business_id, day, channel) do update set
         orders = orders + excluded.orders, sales_minor = sales_minor + excluded.sales_minor,
         discount_minor = discount_minor + excluded.discount_minor,
         redemptions = redemptions + excluded.redemptions`,
    )
    db.transaction(() => {
      for (const [key, day] of days) {
        const [localDay, channel] = key.split('|')
        addDay.run(businessId, localDay, channel, day.orders, day.sales, day.discount, day.orders)
      }
    })()

    // Counters and first orders as the app would have left them, so the rows the redeem path
    // updates have their real size and a seeded customer is not new at their next sale.
    db.exec(`
      update codes set uses_count = (select count(*) from redemptions r where r.code_id = codes.id);
      insert into code_customer_uses (code_id, customer_id, uses)
        select code_id, customer_id, count(*) from redemptions
        where customer_id is not null group by code_id, customer_id
        on conflict (code_id, customer_id) do update set uses = excluded.uses;
      update customers set first_order_at = first.at
        from (select customer_id, min(occurred_at) as at from redemptions
              where customer_id is not null group by customer_id) as first
        where first.customer_id = customers.id and customers.first_order_at is null;
    `)
    db.pragma('wal_checkpoint(TRUNCATE)')
  } finally {
    db.close()
  }
}

function insertCustomers(db: Database.Database, businessId: number, now: number): number[] {
  const find = db.prepare('select id from customers where business_id = ? and email_key = ?')
  const insert = db.prepare(
    'insert into customers (business_id, email, email_key, created_at) values (?, ?, ?, ?)',
  )
  const ids: number[] = []
  db.transaction(() => {
    for (let index = 0; index < CUSTOMER_COUNT; index++) {
      const email = customerEmail(index)
      const key = emailKey(email)
      const existing = find.get(businessId, key) as { id: number } | undefined
      ids.push(existing?.id ?? Number(insert.run(businessId, email, key, now).lastInsertRowid))
    }
  })()
  return ids
}
