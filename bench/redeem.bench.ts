import Database from 'better-sqlite3'
import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import { CACHE_SIZE } from '../src/main/db/database'
import { emailKey } from '../src/main/engine/identity'
import { localDayOf } from '../src/main/time/local-dates'
import { CUSTOMER_COUNT, seedSales } from './seed'
import {
  createShop,
  customerEmail,
  openBenchWorkspace,
  saleArgs,
  workspaceFile,
  type BenchShop,
} from './shop'
import { higherIsBetter, LatencyRecorder, lowerIsBetter, type Measurement } from './stats'

export interface RedeemSizes {
  /** Entries already in the ledger when the measured sales start. */
  ledgerEntries: number
  /** Measured sales per path. */
  sales: number
}

/** Codes the sales cycle through: enough that the code lookup is a real index probe. */
const CODE_COUNT = 1_000
/** Sales per path before measuring, so caches and statement caches are warm on every side. */
const WARM_UP = 500
/** The paths take turns in rounds, so a slow patch of the shared disk hits all of them alike. */
const ROUNDS = 6

/** One way of recording sale number `index`. */
interface SalePath {
  name: string
  sell(index: number): Promise<void> | void
  times: LatencyRecorder
}

/**
 * Durable redemptions into a ledger that already holds `ledgerEntries` sales, on three copies
 * of one seeded workspace opened with the app's pragmas (WAL, synchronous FULL, foreign keys,
 * busy timeout):
 * - app: the `checkout.commit` handler (commitSale: idempotency lookup, customer, code,
 *   evaluation of every rule, conditional counters, hash-chained entry and redemption row);
 * - raw minimal: better-sqlite3 doing the least a redemption needs (BEGIN IMMEDIATE; look up
 *   the code; conditionally bump its counter; insert the entry; COMMIT): the target's baseline;
 * - raw same writes: the minimal transaction plus every other row the app writes for these
 *   sales (the redemption, the per-customer counter, the order's fraud signals row, the day's
 *   totals, and the promoter's coupon engagement when the code has one). These rows go into
 *   about 14 B-trees (18 when the code has a promoter) where the minimal transaction writes 5,
 *   and every page written is a WAL frame to write, sync and later checkpoint; this baseline
 *   shows how much of the gap is that I/O rather than the app's own work.
 */
export async function redeemBench(dir: string, sizes: RedeemSizes): Promise<Measurement[]> {
  const appFile = workspaceFile(dir, 'redeem-app')
  const exportDir = join(dir, 'exports')

  const setup = await openBenchWorkspace(appFile, exportDir)
  const shop = await createShop(setup, CODE_COUNT)
  // One real sale gives the seeded entries the size and shape the app writes.
  await setup.call('checkout.commit', saleArgs(shop, 'TEMPLATE-1', shop.codes[0] ?? '', 0))
  await setup.db.close()
  seedSales(appFile, shop, sizes.ledgerEntries)
  const minimalFile = workspaceFile(dir, 'redeem-raw-minimal')
  const sameWritesFile = workspaceFile(dir, 'redeem-raw-same-writes')
  copyFileSync(appFile, minimalFile)
  copyFileSync(appFile, sameWritesFile)

  const app = await openBenchWorkspace(appFile, exportDir)
  const [mode] = app.db.pragma('synchronous') as { synchronous: number }[]
  if (mode?.synchronous !== 2) throw new Error('The workspace is not opened with synchronous=FULL.')
  const minimal = new RawRedeemer(minimalFile, shop, false)
  const sameWrites = new RawRedeemer(sameWritesFile, shop, true)
  try {
    const commit = app.handlers['checkout.commit']
    const codeOf = (index: number) => shop.codes[index % shop.codes.length] ?? ''
    const customerOf = (index: number) => (index * 7) % CUSTOMER_COUNT
    const paths: SalePath[] = [
      {
        name: 'app',
        times: new LatencyRecorder(),
        sell: async (index) => {
          const args = saleArgs(shop, `BENCH-${index}`, codeOf(index), customerOf(index))
          const receipt = await commit(args)
          if (receipt.duplicate)
            throw new Error('A fresh order reference was taken as a duplicate.')
        },
      },
      {
        name: 'raw minimal',
        times: new LatencyRecorder(),
        sell: (index) => minimal.redeem(`RAW-${index}`, codeOf(index), customerOf(index)),
      },
      {
        name: 'raw same writes',
        times: new LatencyRecorder(),
        sell: (index) => sameWrites.redeem(`RAW-${index}`, codeOf(index), customerOf(index)),
      },
    ]

    let next = 0
    for (; next < WARM_UP; next++) for (const path of paths) await path.sell(next)
    const perRound = Math.ceil(sizes.sales / ROUNDS)
    for (let round = 0; round < ROUNDS; round++) {
      // Rotate who goes first, so no path always inherits another's checkpoint debt.
      for (let turn = 0; turn < paths.length; turn++) {
        const path = paths[(round + turn) % paths.length]
        if (!path) continue
        for (let index = next; index < next + perRound; index++) {
          // Timed one by one: the latency percentiles need every sale.
          await path.times.timeAsync(async () => path.sell(index))
        }
      }
      next += perRound
    }

    const [appTimes, minimalTimes, sameWritesTimes] = paths.map((path) => path.times)
    if (!appTimes || !minimalTimes || !sameWritesTimes) throw new Error('A sale path is missing.')
    const held = `ledger held ${sizes.ledgerEntries.toLocaleString('en')} entries; ${appTimes.count.toLocaleString('en')} sales per path in ${ROUNDS} interleaved rounds; WAL, synchronous=FULL`
    return [
      higherIsBetter(
        'redeem.durable_per_second',
        appTimes.perSecond(),
        'sales/s',
        minimalTimes.perSecond(),
        `ratio = checkout.commit ÷ raw minimal transaction (higher is better; target ≥ 0.7); ${held}`,
      ),
      lowerIsBetter(
        'redeem.p50_latency',
        appTimes.percentileMs(50),
        'ms',
        minimalTimes.percentileMs(50),
        'ratio = raw minimal p50 ÷ checkout.commit p50 (higher is better)',
      ),
      lowerIsBetter(
        'redeem.p99_latency',
        appTimes.percentileMs(99),
        'ms',
        minimalTimes.percentileMs(99),
        'ratio = raw minimal p99 ÷ checkout.commit p99 (higher is better)',
      ),
      higherIsBetter(
        'redeem.durable_per_second_vs_same_writes',
        appTimes.perSecond(),
        'sales/s',
        sameWritesTimes.perSecond(),
        'ratio = checkout.commit ÷ raw transaction writing the same rows (entry, redemption, per-customer counter, order signals, daily totals, coupon engagement) (higher is better): the cost of the app’s own work, I/O aside',
      ),
    ]
  } finally {
    minimal.close()
    sameWrites.close()
    await app.db.close()
  }
}

/** Redemptions written by hand against the same schema and pragmas. */
class RawRedeemer {
  private readonly db: Database.Database
  private readonly begin: Database.Statement
  private readonly commit: Database.Statement
  private readonly rollback: Database.Statement
  private readonly findCode: Database.Statement
  private readonly bumpCounter: Database.Statement
  private readonly insertEntry: Database.Statement
  private readonly insertRedemption: Database.Statement
  private readonly bumpCustomerUses: Database.Statement
  private readonly insertSignals: Database.Statement
  private readonly addToDay: Database.Statement
  private readonly insertEngagement: Database.Statement
  private readonly detailsJson: string
  /** Customer ids by pool index, looked up once: the raw paths read only the code per sale. */
  private readonly customerIds: number[]

  constructor(
    file: string,
    private readonly shop: BenchShop,
    /** Also write every other row the app writes for a sale. */
    private readonly sameWritesAsApp: boolean,
  ) {
    this.db = new Database(file)
    // The pragmas openWorkspace sets.
    this.db.pragma('journal_mode = WAL')
    this.db.pragma('foreign_keys = ON')
    this.db.pragma('synchronous = FULL')
    this.db.pragma('busy_timeout = 5000')
    this.db.pragma(`cache_size = ${CACHE_SIZE}`)
    this.begin = this.db.prepare('begin immediate')
    this.commit = this.db.prepare('commit')
    this.rollback = this.db.prepare('rollback')
    this.findCode = this.db.prepare(
      `select id, campaign_id, promoter_id from codes where code_key = ? and business_id = ?`,
    )
    this.bumpCounter = this.db.prepare(
      `update codes set uses_count = uses_count + 1
       where id = ? and active = 1 and (max_uses is null or uses_count < max_uses)`,
    )
    this.insertEntry = this.db.prepare(
      `insert into ledger_entries (business_id, kind, order_ref, idempotency_key, customer_id,
         channel, location, occurred_at, currency, subtotal_minor, discount_minor, shipping_minor,
         total_minor, details_json, prev_hash, hash)
       values (?, 'sale', ?, ?, ?, 'in_store', 'Main street', ?, ?, 2750, 275, 0, 2475, ?, ?, ?)`,
    )
    this.insertRedemption = this.db.prepare(
      `insert into redemptions (entry_id, business_id, code_id, campaign_id, promoter_id,
         customer_id, channel, location, occurred_at, subtotal_minor, discount_minor, total_minor)
       values (?, ?, ?, ?, ?, ?, 'in_store', 'Main street', ?, 2750, 275, 2475)`,
    )
    this.bumpCustomerUses = this.db.prepare(
      `insert into code_customer_uses (code_id, customer_id, uses) values (?, ?, 1)
       on conflict (code_id, customer_id) do update set uses = uses + 1`,
    )
    this.insertSignals = this.db.prepare(
      `insert into order_signals (entry_id, business_id, customer_id, occurred_at)
       values (?, ?, ?, ?)`,
    )
    this.addToDay = this.db.prepare(
      `insert into daily_totals (business_id, day, channel, orders, sales_minor, discount_minor,
         redemptions)
       values (?, ?, 'in_store', 1, 2475, 275, 1)
       on conflict (business_id, day, channel) do update set orders = orders + 1,
         sales_minor = sales_minor + 2475, discount_minor = discount_minor + 275,
         redemptions = redemptions + 1`,
    )
    this.insertEngagement = this.db.prepare(
      `insert into engagement_events (business_id, promoter_id, customer_id, kind, points,
         occurred_at, entry_id, created_at)
       values (?, ?, ?, 'coupon', 10, ?, ?, ?)`,
    )
    // Entries as large as the app's, so all paths write rows of the same size.
    const template = this.db
      .prepare('select details_json from ledger_entries order by id limit 1')
      .get() as { details_json: string }
    this.detailsJson = template.details_json
    const findCustomer = this.db.prepare(
      'select id from customers where business_id = ? and email_key = ?',
    )
    this.customerIds = Array.from({ length: CUSTOMER_COUNT }, (_, index) => {
      const row = findCustomer.get(shop.business.id, emailKey(customerEmail(index))) as
        { id: number } | undefined
      if (!row) throw new Error(`Customer ${index} was not seeded.`)
      return row.id
    })
  }

  redeem(orderRef: string, code: string, customerIndex: number): void {
    const businessId = this.shop.business.id
    const customerId = this.customerIds[customerIndex] ?? null
    const now = Date.now()
    this.begin.run()
    try {
      const row = this.findCode.get(code, businessId) as
        { id: number; campaign_id: number; promoter_id: number | null } | undefined
      if (!row) throw new Error(`Unknown code ${code}`)
      if (this.bumpCounter.run(row.id).changes !== 1) throw new Error(`Code ${code} is used up`)
      const entry = this.insertEntry.run(
        businessId,
        orderRef,
        `sale:${orderRef}`,
        customerId,
        now,
        this.shop.business.currency,
        this.detailsJson,
        PLACEHOLDER_HASH,
        PLACEHOLDER_HASH,
      )
      if (this.sameWritesAsApp) {
        this.insertRedemption.run(
          entry.lastInsertRowid,
          businessId,
          row.id,
          row.campaign_id,
          row.promoter_id,
          customerId,
          now,
        )
        this.bumpCustomerUses.run(row.id, customerId)
        this.insertSignals.run(entry.lastInsertRowid, businessId, customerId, now)
        this.addToDay.run(businessId, localDayOf(now, this.shop.business.timeZone))
        if (row.promoter_id !== null)
          this.insertEngagement.run(
            businessId,
            row.promoter_id,
            customerId,
            now,
            entry.lastInsertRowid,
            now,
          )
      }
      this.commit.run()
    } catch (error) {
      if (this.db.inTransaction) this.rollback.run()
      throw error
    }
  }

  close(): void {
    this.db.close()
  }
}

/** The raw paths hash nothing: they are floors, not second implementations of the ledger. */
const PLACEHOLDER_HASH = 'f'.repeat(64)
