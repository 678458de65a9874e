import Database from 'better-sqlite3'
import { join } from 'node:path'
import { createCodeDrawer } from '../src/main/codes/random-code'
import { createShop, openBenchWorkspace, workspaceFile } from './shop'
import { higherIsBetter, lowerIsBetter, type Measurement } from './stats'
import { CACHE_SIZE } from '../src/main/db/database'

export interface GenerateSizes {
  codes: number
}

/** 8 random characters: 31^8 ≈ 8.5 × 10^11 codes, far above the 100× headroom the job asks. */
const PATTERN = 'BENCH-########'
/** The job's chunk size, so both sides commit (and fsync) equally often. */
const ROWS_PER_TRANSACTION = 10_000

/**
 * Bulk generation of random single-use codes into one campaign: the app's `codes.generate`
 * job (policy checks, an invisible batch, chunked transactions, progress, yielding between
 * chunks) against raw better-sqlite3 inserting the same rows in the same chunks into the same
 * schema (every index of `codes`, including the unique one on the code). Both draw codes with
 * the app's drawer, so the comparison isolates the database path.
 */
export async function generateBench(dir: string, sizes: GenerateSizes): Promise<Measurement[]> {
  const rawSeconds = await rawGeneration(dir, sizes.codes)

  const bench = await openBenchWorkspace(workspaceFile(dir, 'generate-real'), join(dir, 'exports'))
  try {
    const shop = await createShop(bench, 0)
    const started = process.hrtime.bigint()
    const { jobId } = await bench.call('codes.generate', {
      businessId: shop.business.id,
      campaignId: shop.campaignId,
      pattern: PATTERN,
      count: sizes.codes,
      maxUses: 1,
      maxUsesPerCustomer: 1,
    })
    const job = await bench.handlers.context.jobs.settled(jobId)
    const realSeconds = Number(process.hrtime.bigint() - started) / 1e9
    if (job.status !== 'done')
      throw new Error(`The generation job ended ${job.status}: ${job.message}`)

    // The unique index already forbids duplicates; counting them proves the job kept its word.
    const { db } = bench
    const counted = db.sql.first(
      db.qb
        .selectFrom('codes')
        .select((eb) => [
          eb.fn.countAll<number>().as('rows'),
          eb.fn.count<number>('code_key').distinct().as('distinct'),
        ])
        .where('campaign_id', '=', shop.campaignId),
    )
    const rows = Number(counted?.rows ?? 0)
    const distinct = Number(counted?.distinct ?? 0)
    if (rows !== sizes.codes) throw new Error(`Asked for ${sizes.codes} codes, found ${rows}.`)

    const size = `${sizes.codes.toLocaleString('en')} codes of ${PATTERN}; ${ROWS_PER_TRANSACTION.toLocaleString('en')} rows per transaction`
    return [
      higherIsBetter(
        'generate_codes.rows_per_second',
        sizes.codes / realSeconds,
        'codes/s',
        sizes.codes / rawSeconds,
        `ratio = codes.generate job ÷ raw batched inserts (higher is better; target ≥ 0.5); ${size}`,
      ),
      lowerIsBetter(
        'generate_codes.seconds',
        realSeconds,
        's',
        rawSeconds,
        'ratio = raw ÷ job time (higher is better); target: job under 30 s',
      ),
      lowerIsBetter(
        'generate_codes.duplicates',
        rows - distinct,
        'codes',
        null,
        `count(*) − count(distinct code_key) over the campaign (target 0); ${distinct.toLocaleString('en')} distinct`,
      ),
    ]
  } finally {
    await bench.db.close()
  }
}

/** The same rows, inserted by hand: returns the seconds it took. */
async function rawGeneration(dir: string, count: number): Promise<number> {
  const file = workspaceFile(dir, 'generate-raw')
  // The same schema and shop, made by the app; only the bulk insert is done by hand.
  const setup = await openBenchWorkspace(file, join(dir, 'exports'))
  const shop = await createShop(setup, 0)
  await setup.db.close()

  const db = new Database(file)
  try {
    db.pragma('journal_mode = WAL')
    db.pragma('foreign_keys = ON')
    db.pragma('synchronous = FULL')
    db.pragma('busy_timeout = 5000')
    db.pragma(`cache_size = ${CACHE_SIZE}`)
    const now = Date.now()
    const started = process.hrtime.bigint()
    const batchId = db
      .prepare(
        `insert into code_batches (business_id, campaign_id, pattern, requested, status, created_at)
         values (?, ?, ?, ?, 'running', ?)`,
      )
      .run(shop.business.id, shop.campaignId, PATTERN, count, now).lastInsertRowid
    const insert = db.prepare(
      `insert into codes (business_id, campaign_id, code, code_key, max_uses,
         max_uses_per_customer, starts_at, ends_at, batch_id, created_at)
       values (?, ?, ?, ?, 1, 1, null, null, ?, ?)
       on conflict do nothing`,
    )
    const draw = createCodeDrawer(PATTERN)
    let written = 0
    const insertChunk = db.transaction((target: number) => {
      while (written < target) {
        const code = draw()
        written += insert.run(shop.business.id, shop.campaignId, code, code, batchId, now).changes
      }
    })
    while (written < count) insertChunk(Math.min(count, written + ROWS_PER_TRANSACTION))
    db.prepare(`update code_batches set status = 'done' where id = ?`).run(batchId)
    return Number(process.hrtime.bigint() - started) / 1e9
  } finally {
    db.close()
  }
}
