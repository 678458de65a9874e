import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { importBundled } from './bundle'
import { exportBench } from './export.bench'
import { importBench } from './import.bench'
import { generateBench } from './generate.bench'
import { redeemBench } from './redeem.bench'
import { statementsBench } from './statements.bench'
import { verifyBench } from './verify.bench'
import { analyticsBench } from './analytics.bench'
import { fraudBench } from './fraud.bench'
import type { Measurement } from './stats'

/**
 * `npm run bench` prints one JSON line per measurement on stdout (progress goes to stderr);
 * `-- --quick` runs the same benchmarks on smaller data (50,000 ledger entries instead of
 * 1,000,000; under a minute);
 * `-- --only redeem,engine,verify,generate,export,import,statements,analytics,fraud` runs a subset.
 */
const args = process.argv.slice(2)
const quick = args.includes('--quick')
const only = valueOf('--only')?.split(',')

// The quick run checks every benchmark end to end in under a minute; the issues state their
// targets for the full sizes, so only the full run's figures are compared with them.
const sizes = quick
  ? {
      ledgerEntries: 50_000,
      sales: 2_000,
      codes: 100_000,
      exportRows: 50_000,
      importOrders: 20_000,
      evaluations: 2_000,
      statements: { sales: 20_000, promoters: 200, runs: 10 },
    }
  : {
      ledgerEntries: 1_000_000,
      sales: 12_000,
      codes: 1_000_000,
      exportRows: 1_000_000,
      importOrders: 100_000,
      evaluations: 20_000,
      statements: { sales: 100_000, promoters: 1_000, runs: 20 },
    }

const benches: { name: string; run: (dir: string) => Promise<Measurement[]> }[] = [
  {
    name: 'redeem',
    run: (dir) => redeemBench(dir, { ledgerEntries: sizes.ledgerEntries, sales: sizes.sales }),
  },
  {
    name: 'engine',
    run: async (dir) => {
      const { engineBench } = await importBundled<typeof import('./engine.bench')>(
        'bench/engine.bench.ts',
        dir,
      )
      return engineBench({ lines: 50, promotions: 100, evaluations: sizes.evaluations })
    },
  },
  { name: 'verify', run: (dir) => verifyBench(dir, { entries: sizes.ledgerEntries }) },
  { name: 'generate', run: (dir) => generateBench(dir, { codes: sizes.codes }) },
  { name: 'export', run: (dir) => exportBench(dir, { rows: sizes.exportRows }) },
  { name: 'import', run: (dir) => importBench(dir, { orders: sizes.importOrders }) },
  { name: 'analytics', run: (dir) => analyticsBench(dir, { entries: sizes.ledgerEntries }) },
  { name: 'fraud', run: (dir) => fraudBench(dir, { entries: sizes.ledgerEntries }) },
  { name: 'statements', run: (dir) => statementsBench(dir, sizes.statements) },
]

async function main() {
  for (const bench of benches) {
    if (only && !only.includes(bench.name)) continue
    // Each benchmark gets its own folder, removed as soon as it is done: the full run's
    // workspaces take gigabytes.
    const dir = mkdtempSync(join(tmpdir(), `promoledger-bench-${bench.name}-`))
    const started = Date.now()
    try {
      for (const measurement of await bench.run(dir)) console.log(JSON.stringify(measurement))
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
    console.error(`${bench.name}: ${((Date.now() - started) / 1000).toFixed(1)} s`)
  }
}

function valueOf(flag: string): string | undefined {
  const index = args.indexOf(flag)
  return index >= 0 ? args[index + 1] : undefined
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
