import Database from 'better-sqlite3'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Kysely, Migrator, SqliteDialect } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { backUpIfDue } from '../../src/main/backup/automatic-backup'
import { backupFolderOf } from '../../src/main/backup/backup-folder'
import { openWorkspace } from '../../src/main/db/database'
import { migrations } from '../../src/main/db/migrations'
import { verifyLedger } from '../../src/main/ledger/verify-ledger'
import { failureOf } from '../fixtures/api-failure'
import { DAY, HOUR } from '../fixtures/clock'
import { createShop, saleInput, type Shop } from '../fixtures/shop'
import { openTestWorkspace, type TestWorkspace } from '../fixtures/workspace'

let ws: TestWorkspace
let shop: Shop

beforeEach(async () => {
  ws = await openTestWorkspace()
  shop = await createShop(ws.call)
  for (const ref of ['B-1', 'B-2', 'B-3']) {
    await ws.call('checkout.commit', saleInput(shop, ref, `${ref}@example.com`))
  }
})
afterEach(() => ws.close())

const entryCount = () =>
  ws.db.sql.all(ws.db.qb.selectFrom('ledger_entries').select('order_ref')).length

async function backUpNow() {
  const job = await ws.settle((await ws.call('backups.create', {})).jobId)
  expect(job.status, job.message ?? '').toBe('done')
  const newest = (await ws.call('backups.list', {})).backups[0]
  if (!newest) throw new Error('No backup listed')
  return newest
}

async function restore(name: string) {
  return ws.settle((await ws.call('backups.restore', { name })).jobId)
}

/** Edits a backup file the way someone with a SQLite tool would. */
function tamperWith(name: string, statement: string) {
  const file = new Database(join(backupFolderOf(ws.file), name))
  for (const table of ['ledger_entries', 'redemptions', 'promotion_uses', 'codes']) {
    file.exec(
      `drop trigger if exists ${table}_no_update; drop trigger if exists ${table}_no_delete`,
    )
  }
  file.exec(statement)
  file.close()
}

describe('backing up', () => {
  it('"Back up now" writes one self-contained file in the backups folder, named with the time', async () => {
    const backup = await backUpNow()
    expect(backup).toMatchObject({ kind: 'manual' })
    expect(backup.name).toMatch(/^workspace_\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2}_manual\.sqlite$/)
    expect(backup.sizeBytes).toBeGreaterThan(0)
    const folder = backupFolderOf(ws.file)
    expect(folder).toBe(join(ws.dir, 'backups'))
    // No -wal, -shm or .partial beside it.
    expect(readdirSync(folder)).toEqual([backup.name])
    const copy = new Database(join(folder, backup.name), { readonly: true })
    expect(copy.prepare('select count(*) as n from ledger_entries').get()).toEqual({ n: 3 })
    copy.close()
  })

  it('a cancelled backup leaves no file behind', async () => {
    const { jobId } = await ws.call('backups.create', {})
    ws.jobs.cancel(jobId)
    expect((await ws.settle(jobId)).status).toBe('cancelled')
    expect(readdirSync(backupFolderOf(ws.file))).toEqual([])
  })

  it('keeps only the newest N backups, N being the workspace setting', async () => {
    expect(await ws.call('backups.settings', {})).toEqual({ backupsToKeep: 7 })
    await ws.call('backups.updateSettings', { backupsToKeep: 2 })
    const made = []
    for (let i = 0; i < 3; i++) {
      made.push(await backUpNow())
      ws.clock.advance(HOUR)
    }
    const names = (await ws.call('backups.list', {})).backups.map((backup) => backup.name)
    expect(names).toEqual([made[2]?.name, made[1]?.name])
  })

  it('refuses a number of backups to keep outside 1–100, naming the field', async () => {
    const failure = await failureOf(ws.call('backups.updateSettings', { backupsToKeep: 0 }))
    expect(failure).toMatchObject({ code: 'invalid_input', field: 'backupsToKeep' })
    expect(failure.message).toBe('Backups to keep: Keep at least 1 backup.')
  })

  it('makes the automatic backup at most once a (local) day', async () => {
    expect(await backUpIfDue(ws.db, ws.clock.now())).toMatchObject({ kind: 'automatic' })
    expect(await backUpIfDue(ws.db, ws.clock.now() + HOUR)).toBeNull()
    expect(await backUpIfDue(ws.db, ws.clock.now() + DAY)).toMatchObject({ kind: 'automatic' })
    expect((await ws.call('backups.list', {})).backups).toHaveLength(2)
  })
})

describe('restoring', () => {
  it('verifies, backs up the current state, then the open workspace reads the restored data', async () => {
    const backup = await backUpNow()
    ws.clock.advance(HOUR)
    await ws.call('checkout.commit', saleInput(shop, 'B-4', 'b4@example.com'))
    expect(entryCount()).toBe(4)

    // Another connection (a second app instance) has the file open too.
    const other = await openWorkspace(ws.file)
    const job = await restore(backup.name)
    expect(job.status, job.message ?? '').toBe('done')
    expect(other.sql.all(other.qb.selectFrom('ledger_entries').select('id'))).toHaveLength(3)
    await other.close()
    expect(job.message).toMatch(
      /its 3 ledger entries verified\. The data it replaced was saved as workspace_.*_before-restore\.sqlite\./,
    )
    // The same connection, never reopened, reads the restored content.
    expect(entryCount()).toBe(3)
    expect(verifyLedger(ws.db).ok).toBe(true)
    const codes = await ws.call('codes.list', { businessId: shop.business.id })
    expect(codes.rows.find((row) => row.id === shop.code.id)?.uses).toBe(3)

    // The state it replaced is itself a backup, and restoring that undoes the restore.
    const replaced = (await ws.call('backups.list', {})).backups.find(
      (entry) => entry.kind === 'before-restore',
    )
    expect(replaced).toBeDefined()
    expect((await restore(replaced!.name)).status).toBe('done')
    expect(entryCount()).toBe(4)
    // And the workspace goes on taking sales.
    await ws.call('checkout.commit', saleInput(shop, 'B-5', 'b5@example.com'))
    expect(verifyLedger(ws.db)).toMatchObject({ ok: true, entries: 5 })
  })

  it('refuses a backup whose ledger does not verify, and leaves the workspace as it was', async () => {
    const backup = await backUpNow()
    tamperWith(backup.name, `update ledger_entries set total_minor = 1 where order_ref = 'B-2'`)
    const job = await restore(backup.name)
    expect(job.status).toBe('failed')
    expect(job.error).toMatchObject({ code: 'refused', field: 'name' })
    expect(job.message).toMatch(
      new RegExp(
        `^The backup ${backup.name} was not restored because its ledger does not verify: Entry \\d+ \\(order B-2\\) does not match its hash: it was changed after it was written\\. The workspace was left as it was\\.$`,
      ),
    )
    expect(entryCount()).toBe(3)
    // Nothing was replaced, so no "before-restore" backup was needed.
    const kinds = (await ws.call('backups.list', {})).backups.map((entry) => entry.kind)
    expect(kinds).toEqual(['manual'])
  })

  it('refuses a backup whose counters disagree with its entries', async () => {
    const backup = await backUpNow()
    tamperWith(backup.name, `update codes set uses_count = 0`)
    const job = await restore(backup.name)
    expect(job.message).toMatch(
      /its ledger does not verify: Code JAY10 counts 0 uses, but the ledger holds 3\./,
    )
  })

  it('refuses a damaged file with a sentence saying why', async () => {
    const backup = await backUpNow()
    const path = join(backupFolderOf(ws.file), backup.name)
    const bytes = Buffer.from(readFileSync(path))
    // Wreck the root page of one index: the file opens, the integrity check finds it.
    const reader = new Database(path, { readonly: true })
    const { rootpage } = reader
      .prepare(`select rootpage from sqlite_master where type = 'index' and tbl_name = 'codes'`)
      .get() as { rootpage: number }
    reader.close()
    const page = 4096
    bytes.fill(0x5a, (rootpage - 1) * page + 8, rootpage * page)
    writeFileSync(path, bytes)
    const job = await restore(backup.name)
    expect(job.status).toBe('failed')
    expect(job.message).toMatch(
      /^The backup .* was not restored because SQLite’s integrity check found damage: .+\. The workspace was left as it was\.$/,
    )
    writeFileSync(path, 'not a database at all, just text '.repeat(200))
    expect((await restore(backup.name)).message).toMatch(
      /was not restored because SQLite cannot open it \(file is not a database\)/,
    )
    expect(entryCount()).toBe(3)
  })

  it('restores a backup made before the latest migrations, then migrates it', async () => {
    const name = 'workspace_2026-03-01_09-00-00_automatic.sqlite'
    mkdirSync(backupFolderOf(ws.file))
    const driver = new Database(join(backupFolderOf(ws.file), name))
    const qb = new Kysely<unknown>({ dialect: new SqliteDialect({ database: driver }) })
    const migrator = new Migrator({ db: qb, provider: { getMigrations: async () => migrations } })
    const { error } = await migrator.migrateTo('0003-promotions')
    expect(error).toBeUndefined()
    await qb.destroy()

    const job = await restore(name)
    expect(job.status, job.message ?? '').toBe('done')
    expect(entryCount()).toBe(0)
    expect(await ws.call('backups.settings', {})).toEqual({ backupsToKeep: 7 })
  })

  it('waits for running jobs, which would write into the restored data', async () => {
    const backup = await backUpNow()
    const running = await ws.call('backups.create', {})
    const failure = await failureOf(ws.call('backups.restore', { name: backup.name }))
    expect(failure).toMatchObject({ code: 'conflict', field: 'name' })
    expect(failure.message).toBe(
      '“Backing up the workspace” is still running; restore when it has finished, so that it does not write into the restored data.',
    )
    await ws.settle(running.jobId)
  })

  it('names only files in the backups folder', async () => {
    const outside = await failureOf(ws.call('backups.restore', { name: '../workspace.sqlite' }))
    expect(outside).toMatchObject({ code: 'invalid_input', field: 'name' })
    expect(outside.message).toBe('Name: Choose a backup from the list.')
    const missing = await failureOf(ws.call('backups.restore', { name: 'nothing.sqlite' }))
    expect(missing).toMatchObject({ code: 'not_found', field: 'name' })
    expect(existsSync(backupFolderOf(ws.file))).toBe(false)
  })
})
