import type BetterSqlite3 from 'better-sqlite3'
import type { Compilable, CompiledQuery } from 'kysely'

type Query<R> = Compilable<R> | CompiledQuery<R>

/** The values of `columns` of a `Row`, in that order: a row as `iterateValues` yields it. */
export type ValuesOf<Row, Columns extends readonly (keyof Row)[]> = {
  -readonly [K in keyof Columns]: Columns[K] extends keyof Row ? Row[Columns[K]] : never
}

const STATEMENT_CACHE_SIZE = 500

/**
 * Runs queries built with Kysely synchronously through better-sqlite3's prepared statements.
 * The SQL stays portable (Kysely writes it) while the hot paths skip the async driver, and a
 * synchronous transaction cannot interleave with another request on the same connection.
 */
export class SqlRunner {
  private readonly statements = new Map<string, BetterSqlite3.Statement>()
  /**
   * One better-sqlite3 transaction function, made once: making one per call (db.transaction)
   * costs more than a point query. It runs the work it is given.
   */
  private readonly inTransactionOf: BetterSqlite3.Transaction<(work: () => unknown) => unknown>

  constructor(private readonly db: BetterSqlite3.Database) {
    this.inTransactionOf = db.transaction((work: () => unknown) => work())
  }

  all<R>(query: Query<R>): R[] {
    const { statement, parameters } = this.prepare(query)
    if (!statement.reader) {
      statement.run(...parameters)
      return []
    }
    return statement.all(...parameters) as R[]
  }

  first<R>(query: Query<R>): R | undefined {
    const { statement, parameters } = this.prepare(query)
    if (!statement.reader) {
      statement.run(...parameters)
      return undefined
    }
    return statement.get(...parameters) as R | undefined
  }

  /** Rows one at a time, for scans too large to hold in memory. */
  iterate<R>(query: Query<R>): IterableIterator<R> {
    const { statement, parameters } = this.prepare(query)
    return statement.iterate(...parameters) as IterableIterator<R>
  }

  /**
   * Rows one at a time as arrays of their values in select order (`V` names them): no object
   * per row, which is a large share of the cost of scanning millions of them.
   */
  iterateValues<V extends unknown[]>(query: Query<unknown>): IterableIterator<V> {
    const { statement, parameters } = this.prepare(query, { raw: true })
    return statement.iterate(...parameters) as IterableIterator<V>
  }

  /**
   * Runs `work` in a read transaction: every query in it sees the same snapshot of the file,
   * while other connections go on writing (WAL).
   */
  snapshot<T>(work: () => T): T {
    const end = this.beginSnapshot()
    try {
      return work()
    } finally {
      end()
    }
  }

  /** Starts a read transaction and returns what ends it, for work done in steps. */
  beginSnapshot(): () => void {
    this.db.prepare('begin').run()
    return () => {
      if (this.db.inTransaction) this.db.prepare('commit').run()
    }
  }

  run(query: Query<unknown>): { changes: number; lastInsertRowid: number } {
    const { statement, parameters } = this.prepare(query)
    const result = statement.run(...parameters)
    return { changes: result.changes, lastInsertRowid: Number(result.lastInsertRowid) }
  }

  /**
   * Prepares one statement to run many times with new parameters (bulk inserts of one row
   * shape). Returns a function that runs it and reports the rows changed.
   */
  repeatable(query: Query<unknown>): {
    parameters: readonly unknown[]
    run: (parameters: readonly unknown[]) => number
  } {
    const { statement, parameters } = this.prepare(query)
    return { parameters, run: (next) => statement.run(...next.map(toSqliteValue)).changes }
  }

  /**
   * Runs `work` in one write transaction taken up front (BEGIN IMMEDIATE), so that a check and
   * the write that depends on it see the same data. Nested calls become savepoints.
   */
  transaction<T>(work: () => T): T {
    return this.inTransactionOf.immediate(work) as T
  }

  get inTransaction(): boolean {
    return this.db.inTransaction
  }

  private prepare(query: Query<unknown>, { raw = false } = {}) {
    const compiled = 'compile' in query ? query.compile() : query
    // Raw mode is a setting of the statement: a raw one is cached apart from the plain one.
    const key = raw ? `raw:${compiled.sql}` : compiled.sql
    let statement = this.statements.get(key)
    if (!statement) {
      statement = this.db.prepare(compiled.sql)
      if (raw) statement.raw(true)
      if (this.statements.size >= STATEMENT_CACHE_SIZE) {
        const oldest = this.statements.keys().next().value
        if (oldest !== undefined) this.statements.delete(oldest)
      }
      this.statements.set(key, statement)
    }
    return { statement, parameters: compiled.parameters.map(toSqliteValue) }
  }
}

function toSqliteValue(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0
  if (value === undefined) return null
  return value
}
