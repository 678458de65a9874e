import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { Kysely, Migrator, SqliteDialect, sql } from 'kysely'
import { openWorkspace, SchemaTooNewError } from '../../src/main/db/database'
import { migrations, SCHEMA_VERSION } from '../../src/main/db/migrations'
import { makeTempDir } from '../fixtures/temp-dir'

let temp: ReturnType<typeof makeTempDir>
beforeEach(() => {
  temp = makeTempDir()
})
afterEach(() => temp.remove())

describe('a workspace file', () => {
  it('is opened with WAL, foreign keys, FULL sync and a busy timeout', async () => {
    const db = await openWorkspace(join(temp.path, 'pragmas.sqlite'))
    try {
      expect(db.pragma('journal_mode')).toEqual([{ journal_mode: 'wal' }])
      expect(db.pragma('foreign_keys')).toEqual([{ foreign_keys: 1 }])
      expect(db.pragma('synchronous')).toEqual([{ synchronous: 2 }])
      expect(db.pragma('busy_timeout')).toEqual([{ timeout: 5000 }])
    } finally {
      await db.close()
    }
  })

  it('records its migrations and reopens without running them again', async () => {
    const file = join(temp.path, 'reopen.sqlite')
    await (await openWorkspace(file)).close()
    const db = await openWorkspace(file)
    try {
      const applied = await sql<{ name: string }>`select name from kysely_migration`.execute(db.qb)
      expect(applied.rows).toHaveLength(SCHEMA_VERSION)
    } finally {
      await db.close()
    }
  })

  it('keeps every counter when 0011 moves them into WITHOUT ROWID tables', async () => {
    const file = join(temp.path, 'counters.sqlite')
    const driver = new Database(file)
    const qb = new Kysely<unknown>({ dialect: new SqliteDialect({ database: driver }) })
    const migrator = new Migrator({ db: qb, provider: { getMigrations: async () => migrations } })
    expect((await migrator.migrateTo('0010-fraud-indexes')).error).toBeUndefined()
    driver.exec(`
      insert into businesses (id, name, currency, time_zone, created_at, updated_at)
        values (1, 'Shop', 'EUR', 'Europe/Paris', 0, 0);
      insert into campaigns (id, business_id, name, kind, discount_json, conditions_json,
        created_at) values (1, 1, 'Spring', 'discount', '{}', '[]', 0);
      insert into codes (id, business_id, campaign_id, code, code_key, created_at)
        values (1, 1, 1, 'SPRING', 'SPRING', 0);
      insert into customers (id, business_id, created_at) values (2, 1, 0), (5, 1, 0);
      insert into code_customer_uses (code_id, customer_id, uses) values (1, 2, 3), (1, 5, 1);
      insert into daily_totals (business_id, day, channel, orders, sales_minor, reversals,
        reversed_minor, discount_minor, redemptions, commission_minor)
      values (1, '2026-11-20', 'online', 4, 10000, 1, -2500, 800, 3, 450)`)
    await qb.destroy()

    const db = await openWorkspace(file)
    try {
      const rows = (table: string) =>
        sql<Record<string, unknown>>`select * from ${sql.table(table)} order by 1, 2`
          .execute(db.qb)
          .then((result) => result.rows)
      expect(await rows('code_customer_uses')).toEqual([
        { code_id: 1, customer_id: 2, uses: 3 },
        { code_id: 1, customer_id: 5, uses: 1 },
      ])
      expect(await rows('daily_totals')).toEqual([
        {
          business_id: 1,
          day: '2026-11-20',
          channel: 'online',
          orders: 4,
          sales_minor: 10000,
          reversals: 1,
          reversed_minor: -2500,
          discount_minor: 800,
          redemptions: 3,
          commission_minor: 450,
        },
      ])
      const definitions = await sql<{ sql: string }>`select sql from sqlite_master
        where name in ('code_customer_uses', 'daily_totals')`.execute(db.qb)
      for (const { sql: definition } of definitions.rows)
        expect(definition.toLowerCase()).toContain('without rowid')
    } finally {
      await db.close()
    }
  })

  it('upgrades all or nothing: a migration that fails leaves the file as it was', async () => {
    const file = join(temp.path, 'half-upgraded.sqlite')
    const driver = new Database(file)
    const qb = new Kysely<unknown>({ dialect: new SqliteDialect({ database: driver }) })
    const migrator = new Migrator({ db: qb, provider: { getMigrations: async () => migrations } })
    expect((await migrator.migrateTo('0010-fraud-indexes')).error).toBeUndefined()
    // A counter whose code is gone: 0011 creates its new table, then fails to copy this row.
    driver.pragma('foreign_keys = OFF')
    driver.exec('insert into code_customer_uses (code_id, customer_id, uses) values (7, 8, 1)')
    await qb.destroy()

    await expect(openWorkspace(file)).rejects.toThrow(/FOREIGN KEY constraint failed/)
    const after = new Database(file, { readonly: true })
    try {
      const tables = after
        .prepare(`select name from sqlite_master where name like 'code_customer_uses%'`)
        .pluck()
        .all()
      expect(tables).toEqual(['code_customer_uses'])
      expect(after.prepare('select count(*) from kysely_migration').pluck().get()).toBe(10)
      expect(after.prepare('select * from code_customer_uses').all()).toEqual([
        { code_id: 7, customer_id: 8, uses: 1 },
      ])
    } finally {
      after.close()
    }
  })

  it('refuses to open a file written by a newer schema', async () => {
    const file = join(temp.path, 'newer.sqlite')
    const db = await openWorkspace(file)
    await sql`insert into kysely_migration (name, timestamp) values ('9999-from-the-future', '2030-01-01')`.execute(
      db.qb,
    )
    await db.close()
    await expect(openWorkspace(file)).rejects.toBeInstanceOf(SchemaTooNewError)
  })
})
