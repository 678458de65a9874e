import type { Migration } from 'kysely'
import * as initial from './0001-initial'

/**
 * Every migration, in order. A bundled main process has no migrations folder at run time,
 * so they are imported statically. Names sort in the order they apply.
 */
export const migrations: Record<string, Migration> = {
  '0001-initial': initial,
}

export const SCHEMA_VERSION = Object.keys(migrations).length
