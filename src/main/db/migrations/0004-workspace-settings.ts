import { sql, type Kysely } from 'kysely'

// Frozen once released: later changes go in new migration files.
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Settings of the workspace as a whole (not of one business): one row with a typed column per
 * setting. Typed columns let the database check each value and give the code real types; a
 * key/value table would hold text that every reader parses and nothing checks. A new setting
 * is a new column in a later migration, as every other schema change is.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('workspace_settings')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('backups_to_keep', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(7)
        .check(sql`backups_to_keep between 1 and 100`),
    )
    .addColumn('updated_at', 'integer')
    .execute()
  await db.insertInto('workspace_settings').values({ id: 1 }).execute()
}
