import { randomBytes } from 'node:crypto'
import { resolve } from 'node:path'
import { createWebHost, listen } from './hosts/web-host'
import { startWorkspace } from './start-workspace'
import { argValue, workspaceFile } from './workspace-path'

const DEFAULT_PORT = 4780

/** Browser mode: `npm run web [-- --port N --data FILE]`. */
async function main() {
  const argv = process.argv.slice(2)
  const port = Number(argValue(argv, 'port') ?? DEFAULT_PORT)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be a port number, not ${argValue(argv, 'port')}`)
  const file = workspaceFile(argv)
  const token = process.env.PROMOLEDGER_TOKEN || randomBytes(24).toString('base64url')

  const { db, handlers } = await startWorkspace(file, { kind: 'browser' })
  const server = createWebHost({
    handlers,
    jobs: handlers.context.jobs,
    rendererDir: resolve(__dirname, '../renderer'),
    token,
  })
  const bound = await listen(server, port).catch((error: NodeJS.ErrnoException) => {
    throw new Error(
      error.code === 'EADDRINUSE'
        ? `Port ${port} is in use; choose another with --port N.`
        : error.message,
    )
  })
  console.log(`Promoledger (browser mode) serves the workspace ${file}`)
  console.log(`Open http://127.0.0.1:${bound}/?token=${token}`)

  const stop = () => {
    server.close()
    void db.close().then(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error(
    `Promoledger could not start: ${error instanceof Error ? error.message : String(error)}`,
  )
  process.exit(1)
})
