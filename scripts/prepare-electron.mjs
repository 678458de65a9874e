// Runs before `npm start`. The desktop app needs two things the tests do not:
//   1. Electron's own binary (its install script is denied in package.json so that installs
//      work offline; here we run it on demand), and
//   2. a better-sqlite3 build for Electron's ABI, kept beside the Node build in
//      .electron-native/electron-<version>/ and loaded through better-sqlite3's nativeBinding
//      option. node_modules keeps the Node build, so `npm test` and `npm start` never fight.
// Where Electron's downloads are unreachable, it says so and stops without touching anything.
import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, rmSync, copyFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)
const root = process.cwd()
const electronDir = dirname(require.resolve('electron/package.json'))
const electronVersion = require('electron/package.json').version
const target = join(root, '.electron-native', `electron-${electronVersion}`, 'better_sqlite3.node')

function fail(message) {
  console.error(`\nPromoledger desktop app cannot start here: ${message}`)
  console.error('Browser mode needs neither: run `npm run web` and open the address it prints.\n')
  process.exit(1)
}

function ensureElectronBinary() {
  if (existsSync(join(electronDir, 'path.txt'))) return
  console.log(`Downloading Electron ${electronVersion} (once)…`)
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    stdio: 'inherit',
  })
  if (result.status !== 0)
    fail(`Electron ${electronVersion} could not be downloaded (no internet access?).`)
}

function ensureElectronSqlite() {
  if (existsSync(target)) return
  console.log(`Building better-sqlite3 for Electron ${electronVersion} (once, about a minute)…`)
  const source = dirname(require.resolve('better-sqlite3/package.json'))
  const work = join(root, '.electron-native', 'build-better-sqlite3')
  rmSync(work, { recursive: true, force: true })
  cpSync(source, work, { recursive: true, filter: (path) => !path.includes(`${source}/build`) })
  // npm sets nodedir to Node's headers on some machines; Electron needs its own headers.
  const env = { ...process.env }
  for (const key of Object.keys(env))
    if (key.toLowerCase() === 'npm_config_nodedir') delete env[key]
  const args = [
    'rebuild',
    '--release',
    '--runtime=electron',
    `--target=${electronVersion}`,
    '--dist-url=https://electronjs.org/headers',
  ]
  try {
    execFileSync('node-gyp', args, { cwd: work, env, stdio: 'inherit' })
  } catch {
    fail(
      `better-sqlite3 could not be built for Electron ${electronVersion}: its headers come from electronjs.org, which is unreachable here.`,
    )
  }
  mkdirSync(dirname(target), { recursive: true })
  copyFileSync(join(work, 'build', 'Release', 'better_sqlite3.node'), target)
  rmSync(work, { recursive: true, force: true })
  console.log(`Built ${target}`)
}

ensureElectronBinary()
ensureElectronSqlite()
