import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { openWorkspace, SchemaTooNewError } from '../../src/main/db/database'
import { SCHEMA_VERSION } from '../../src/main/db/migrations'
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
