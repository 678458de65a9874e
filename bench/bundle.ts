import { build } from 'esbuild'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

/**
 * Imports a bench module bundled the way electron-vite bundles the app. Run through tsx, every
 * closure is wrapped to keep its name (about 1.5× slower on the engine's hot loops), which the
 * app never pays; CPU-bound benchmarks measure the bundled code instead.
 */
export async function importBundled<T>(entry: string, dir: string): Promise<T> {
  const outfile = join(dir, `${entry.replace(/\W+/g, '-')}.mjs`)
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'warning',
  })
  return (await import(pathToFileURL(outfile).href)) as T
}
