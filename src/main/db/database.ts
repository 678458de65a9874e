import Database from 'better-sqlite3'
import { Kysely, Migrator, SqliteDialect, sql, type MigrationProvider } from 'kysely'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import type { DatabaseSchema } from './schema'
import { migrations, SCHEMA_VERSION } from './migrations'
import { SqlRunner } from './sql-runner'
import { copyDatabase, restoreDatabase, type CopyProgress } from './backup-api'

export interface OpenOptions {
  /** Path of a better-sqlite3 binary built for this runtime (the desktop app's Electron build). */
  nativeBinding?: string
  /** FULL by default: the ledger holds money. Benchmarks may compare NORMAL. */
  synchronous?: 'FULL' | 'NORMAL'
  readonly?: boolean
}

/** One open workspace file: a query builder, a synchronous runner and the raw pragmas. */
export interface Workspace {
  readonly file: string
  /** How it was opened: a second connection to a related file (a backup) opens the same way. */
  readonly options: OpenOptions
  /** Builds queries; run them with `sql`. */
  readonly qb: Kysely<DatabaseSchema>
  readonly sql: SqlRunner
  /** PRAGMA access for integrity checks and backups, without exposing the driver. */
  pragma(statement: string): unknown[]
  /** Writes a consistent copy of the workspace to `file` through SQLite's backup API. */
  backupTo(file: string, onProgress?: CopyProgress): Promise<void>
  /**
   * Replaces the workspace's content with the database in `file`, through the backup API and
   * under the workspace's write lock, then applies any migrations the backup predates. This
   * connection stays open and reads the restored data.
   */
  restoreFrom(file: string): Promise<void>
  close(): Promise<void>
}

export class SchemaTooNewError extends Error {
  constructor(found: string[]) {
    super(
      `This workspace was saved by a newer version of Promoledger (it has changes ${found.join(', ')} ` +
        `that this version, schema ${SCHEMA_VERSION}, does not know). Update Promoledger to open it.`,
    )
    this.name = 'SchemaTooNewError'
  }
}

const provider: MigrationProvider = { getMigrations: async () => migrations }

/** The page cache, in KiB (a negative cache_size is KiB, a positive one pages). */
export const CACHE_SIZE = -65_536

export async function openWorkspace(file: string, options: OpenOptions = {}): Promise<Workspace> {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
  const driver = new Database(file, {
    nativeBinding: options.nativeBinding,
    readonly: options.readonly ?? false,
  })
  const qb = new Kysely<DatabaseSchema>({ dialect: new SqliteDialect({ database: driver }) })
  try {
    // A read-only connection cannot change the journal mode: it reads a backup (one
    // self-contained file) as it was written.
    if (!options.readonly) driver.pragma('journal_mode = WAL')
    driver.pragma('foreign_keys = ON')
    driver.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`)
    driver.pragma('busy_timeout = 5000')
    // SQLite's default page cache is 2 MB. A ledger of a million entries has two dozen
    // indexes; with 2 MB every import chunk spills dirty pages and reads index pages back from
    // the file. 64 MB keeps the pages a sale or an import touches in memory.
    driver.pragma(`cache_size = ${CACHE_SIZE}`)
    if (!options.readonly) await migrate(qb)
  } catch (error) {
    driver.close()
    throw error
  }
  return {
    file,
    options,
    qb,
    sql: new SqlRunner(driver),
    pragma: (statement) => driver.pragma(statement) as unknown[],
    backupTo: (target, onProgress) =>
      copyDatabase(driver, target, onProgress, options.nativeBinding),
    restoreFrom: async (backupFile) => {
      await restoreDatabase(backupFile, file, options.nativeBinding)
      await migrate(qb)
    },
    close: async () => {
      await qb.destroy()
      if (driver.open) driver.close()
    },
  }
}

async function migrate(qb: Kysely<DatabaseSchema>): Promise<void> {
  const applied = await appliedMigrations(qb)
  const unknown = applied.filter((name) => !(name in migrations))
  if (unknown.length > 0) throw new SchemaTooNewError(unknown)
  // Kysely runs SQLite migrations outside any transaction (its adapter reports no
  // transactional DDL), yet SQLite's DDL is transactional: one transaction makes the upgrade all
  // or nothing, so a kill halfway through a table rebuild leaves the file as it was.
  await sql`begin immediate`.execute(qb)
  try {
    const { error } = await new Migrator({ db: qb, provider }).migrateToLatest()
    if (error) throw error
    await sql`commit`.execute(qb)
  } catch (error) {
    await sql`rollback`.execute(qb)
    throw error
  }
}

/**
 * How a workspace's schema compares with this version's, for files opened read-only; 'none'
 * for a SQLite file that Promoledger never migrated (not a workspace).
 */
export async function schemaAge(db: Workspace): Promise<'current' | 'older' | 'newer' | 'none'> {
  const applied = await appliedMigrations(db.qb)
  if (applied.length === 0) return 'none'
  if (applied.some((name) => !(name in migrations))) return 'newer'
  return applied.length < SCHEMA_VERSION ? 'older' : 'current'
}

async function appliedMigrations(qb: Kysely<DatabaseSchema>): Promise<string[]> {
  const table = await sql<{ name: string }>`
    select name from sqlite_master where type = 'table' and name = 'kysely_migration'`.execute(qb)
  if (table.rows.length === 0) return []
  const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(
    qb,
  )
  return rows.rows.map((row) => row.name)
}
