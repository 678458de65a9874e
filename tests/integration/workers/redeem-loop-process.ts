import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { RedeemLoopJob } from './redeem-loop-protocol'

const CHILD = fileURLToPath(new URL('./redeem-loop.child.ts', import.meta.url))

/** A redeeming child process, as the parent test sees it. */
export interface RedeemerProcess {
  /** Resolves when its modules are loaded. */
  ready: Promise<void>
  /** Lets it open the workspace and start selling. */
  go(): void
  kill(): void
  /** Order references whose commit returned, in order. */
  acknowledged: string[]
  refused: { orderRef: string; reason: string }[]
  /** Resolves when it has exited, with how. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>
}

/** Starts the child in its own Node process (tsx loads the TypeScript sources). */
export function startRedeemer(job: RedeemLoopJob): RedeemerProcess {
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', CHILD, JSON.stringify(job)], {
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  const acknowledged: string[] = []
  const refused: { orderRef: string; reason: string }[] = []
  let stderr = ''
  let pending = ''
  let markReady: () => void = () => undefined
  const ready = new Promise<void>((resolve) => (markReady = resolve))
  child.stdout.on('data', (chunk: Buffer) => {
    const lines = (pending + chunk.toString()).split('\n')
    pending = lines.pop() ?? ''
    for (const line of lines) {
      const [word, orderRef = '', reason = ''] = line.split(' ')
      if (word === 'READY') markReady()
      else if (word === 'ACK') acknowledged.push(orderRef)
      else if (word === 'REFUSED') refused.push({ orderRef, reason })
    }
  })
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  // Writing "go" to a child that was killed before it read it must not fail the test.
  child.stdin.on('error', () => undefined)
  const exited = new Promise<{
    code: number | null
    signal: NodeJS.Signals | null
    stderr: string
  }>((resolve) => child.once('close', (code, signal) => resolve({ code, signal, stderr })))
  return {
    // A child that dies while loading must not leave the test waiting for READY.
    ready: Promise.race([ready, exited.then(() => undefined)]),
    go: () => child.stdin.end('go\n'),
    kill: () => child.kill('SIGKILL'),
    acknowledged,
    refused,
    exited,
  }
}
