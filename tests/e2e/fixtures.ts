import { test as base, type Page } from '@playwright/test'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface AppHost {
  url: string
  dataFile: string
}

/** Starts the browser-mode host on a free port over a fresh workspace file. */
async function startHost(dataFile: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['out/main/web.js', '--port', '0', '--data', dataFile], {
    env: { ...process.env, PROMOLEDGER_TOKEN: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const url = await new Promise<string>((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => reject(new Error(`The host did not start:\n${output}`)), 15_000)
    const read = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    }
    child.stdout?.on('data', read)
    child.stderr?.on('data', read)
    child.once('exit', (code) => reject(new Error(`The host exited with ${code}:\n${output}`)))
  })
  return { url, child }
}

/** Saves a screenshot to look at; with DOCS_SCREENSHOTS=1 also refreshes the README's. */
export async function snap(page: Page, name: string): Promise<void> {
  const dirs = [join('test-results', 'screenshots')]
  if (process.env.DOCS_SCREENSHOTS === '1') dirs.push(join('docs', 'screenshots'))
  for (const dir of dirs) {
    mkdirSync(dir, { recursive: true })
    // Finished transitions: a dialog caught mid fade-in shows the page through it.
    await page.screenshot({ path: join(dir, `${name}.png`), animations: 'disabled' })
  }
}

/** Every test gets its own workspace file and host, and a page already opened on it. */
export const test = base.extend<{ app: AppHost }>({
  app: async ({ page }, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'promoledger-e2e-'))
    const dataFile = join(dir, 'workspace.sqlite')
    const { url, child } = await startHost(dataFile)
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(url)
    await use({ url, dataFile })
    child.kill('SIGTERM')
    rmSync(dir, { recursive: true, force: true })
    if (errors.length > 0) throw new Error(`The page threw: ${errors.join('; ')}`)
  },
})

export { expect } from '@playwright/test'
