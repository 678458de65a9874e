import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createHandlers } from '../src/main/api'
import { systemClock } from '../src/main/api/context'
import { localClient } from '../src/main/api/local-client'
import { openWorkspace } from '../src/main/db/database'
import { workspaceFile } from '../src/main/workspace-path'

/** `npm run demo -- --data FILE`: fills a workspace with the demo businesses. */
async function main() {
  const file = workspaceFile(process.argv.slice(2))
  const db = await openWorkspace(file)
  try {
    const call = localClient(
      createHandlers({
        db,
        clock: systemClock,
        host: { kind: 'browser' },
        exportDir: join(tmpdir(), 'promoledger-demo'),
      }),
    )
    const { businesses } = await call('demo.load', {})
    for (const business of businesses) {
      const history = await call('redemptions.list', { businessId: business.id, pageSize: 1 })
      console.log(`${business.name}: ${history.totals.uses.toLocaleString('en')} redemptions`)
    }
    console.log(`Demo data written to ${file}`)
  } finally {
    await db.close()
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error))
  process.exit(1)
})
