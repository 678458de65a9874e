import Database from 'better-sqlite3'
import { join } from 'node:path'
import { openWorkspace } from '../src/main/db/database'
import { verifyLedger } from '../src/main/ledger/verify-ledger'
import { seedSales } from './seed'
import { createShop, openBenchWorkspace, saleArgs, workspaceFile } from './shop'
import { higherIsBetter, type Measurement } from './stats'

/**
 * `verifyLedger` over a seeded ledger (every entry hashed by the app's rule, one redemption
 * each), against raw better-sqlite3 reading the same rows in the same order and doing nothing
 * with them: the floor any verification pays to read the file.
 */
export async function verifyBench(dir: string, sizes: { entries: number }): Promise<Measurement[]> {
  const file = workspaceFile(dir, 'verify')
  const setup = await openBenchWorkspace(file, join(dir, 'exports'))
  const shop = await createShop(setup, 1_000)
  await setup.call('checkout.commit', saleArgs(shop, 'TEMPLATE-1', shop.codes[0] ?? '', 0))
  await setup.db.close()
  seedSales(file, shop, sizes.entries - 1)

  const raw = new Database(file, { readonly: true })
  let rawStarted = process.hrtime.bigint()
  let read = 0
  // Rows as arrays (better-sqlite3's raw mode), as verification reads them: the cheapest way
  // to get the values into JavaScript.
  const rows = (sql: string) => raw.prepare(sql).raw(true).iterate()
  for (const _row of rows('select * from ledger_entries order by id')) read++
  for (const _row of rows('select * from redemptions order by id')) read++
  const rawSeconds = Number(process.hrtime.bigint() - rawStarted) / 1e9
  raw.close()

  const db = await openWorkspace(file, { readonly: true })
  try {
    rawStarted = process.hrtime.bigint()
    const report = verifyLedger(db)
    const seconds = Number(process.hrtime.bigint() - rawStarted) / 1e9
    if (!report.ok || report.entries !== sizes.entries)
      throw new Error(`The seeded ledger does not verify: ${report.mismatches[0]?.message ?? ''}`)
    return [
      higherIsBetter(
        'verify.entries_per_second',
        report.entries / seconds,
        'entries/s',
        sizes.entries / rawSeconds,
        `ratio = verifyLedger ÷ raw reading of the same entries and redemptions as arrays, every column (${read.toLocaleString('en')} rows, nothing computed); ${report.entries.toLocaleString('en')} entries in ${seconds.toFixed(2)} s, chains and counters (target ≥ 200,000 entries/s)`,
      ),
    ]
  } finally {
    await db.close()
  }
}
