import { homedir } from 'node:os'
import { join, resolve } from 'node:path'

export const APP_NAME = 'Promoledger'

/** The OS app-data folder Electron also uses for `userData`. */
export function appDataDir(): string {
  const home = homedir()
  switch (process.platform) {
    case 'win32':
      return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_NAME)
    case 'darwin':
      return join(home, 'Library', 'Application Support', APP_NAME)
    default:
      return join(process.env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_NAME)
  }
}

/** Reads `--name value` or `--name=value` from command-line arguments. */
export function argValue(argv: readonly string[], name: string): string | undefined {
  const flag = `--${name}`
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] ?? ''
    if (arg === flag) return argv[index + 1]
    if (arg.startsWith(`${flag}=`)) return arg.slice(flag.length + 1)
  }
  return undefined
}

/** `--data FILE` chooses the workspace; otherwise it lives in the app-data folder. */
export function workspaceFile(argv: readonly string[], dataDir = appDataDir()): string {
  const chosen = argValue(argv, 'data')
  return chosen ? resolve(chosen) : join(dataDir, 'workspace.sqlite')
}
