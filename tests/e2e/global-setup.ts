import { existsSync } from 'node:fs'
import { join } from 'node:path'

/** The tests serve the built app; say so plainly instead of failing on a missing file. */
export default function globalSetup(): void {
  for (const file of ['out/main/web.js', 'out/renderer/index.html']) {
    if (!existsSync(join(process.cwd(), file)))
      throw new Error(`${file} is missing: run "npm run build" before "npm run test:e2e".`)
  }
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  if (!existsSync(chromium))
    throw new Error(`Chromium is missing at ${chromium}: install Debian's chromium (see .ci/run).`)
}
