import { sql, type Compilable, type CompiledQuery } from 'kysely'
import type { Workspace } from './database'

/**
 * `limit 1` written into the SQL. Kysely sends `.limit(1)` as a bound parameter, and SQLite
 * runs a point query ending in `limit ?` four to five times slower than one ending in
 * `limit 1` (about 7 µs instead of 1.5 µs here).
 */
export const LIMIT_ONE = sql.lit<number>(1)

type Params = Record<string, unknown>

/**
 * Stands for one named parameter while a query is compiled. It refuses to become a string or
 * number, so a builder that computes with a parameter (instead of passing it to Kysely as a
 * value) fails loudly instead of compiling the wrong SQL.
 */
class Placeholder {
  constructor(readonly key: string) {}

  [Symbol.toPrimitive](): never {
    throw new Error(
      `Prepared query parameter "${this.key}" was used in JavaScript; pass it to Kysely as a value.`,
    )
  }
}

interface Template<R> {
  compiled: CompiledQuery<R>
  /** For each SQL parameter: the name of the argument that fills it, or null for a constant. */
  sources: (string | null)[]
}

/**
 * A query built with Kysely once per workspace and parameter shape, then reused with new
 * values. Building and compiling a Kysely query costs 10–80 µs, several times what
 * better-sqlite3 needs to run it, so the hot paths (a redemption runs about ten queries) keep
 * Kysely's portable SQL without paying for it on every call.
 *
 * `build` receives placeholders for the parameters and must pass each one to Kysely as a value
 * (`where('id', '=', p.id)`, `values(p)`) and never branch on it: the SQL is compiled from the
 * first call and only the values change afterwards. Parameters that are `undefined` are left
 * out, as Kysely leaves them out of inserts; each set of present keys gets its own SQL.
 */
export function preparedQuery<P extends Params, R>(
  build: (db: Workspace, params: P) => Compilable<R>,
): (db: Workspace, params: P) => CompiledQuery<R> {
  const byWorkspace = new WeakMap<Workspace, Map<string, Template<R>>>()
  return (db, params) => {
    let templates = byWorkspace.get(db)
    if (!templates) {
      templates = new Map()
      byWorkspace.set(db, templates)
    }
    let shape = ''
    for (const key in params) if (params[key] !== undefined) shape += `${key},`
    let template = templates.get(shape)
    if (!template) {
      template = compileTemplate(db, build, params)
      templates.set(shape, template)
    }
    const { compiled, sources } = template
    const parameters = new Array<unknown>(sources.length)
    for (let index = 0; index < sources.length; index++) {
      const source = sources[index]
      parameters[index] =
        source === null || source === undefined ? compiled.parameters[index] : params[source]
    }
    return { ...compiled, parameters }
  }
}

function compileTemplate<P extends Params, R>(
  db: Workspace,
  build: (db: Workspace, params: P) => Compilable<R>,
  params: P,
): Template<R> {
  const placeholders: Params = {}
  for (const key in params) {
    if (params[key] !== undefined) placeholders[key] = new Placeholder(key)
  }
  const compiled = build(db, placeholders as P).compile()
  return {
    compiled,
    sources: compiled.parameters.map((value) => (value instanceof Placeholder ? value.key : null)),
  }
}
