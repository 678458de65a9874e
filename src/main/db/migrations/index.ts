import type { Migration } from 'kysely'
import * as initial from './0001-initial'
import * as promotions from './0003-promotions'
import * as workspaceSettings from './0004-workspace-settings'
import * as orderImport from './0005-order-import'
import * as reversals from './0006-reversals'
import * as catalog from './0002-catalog'
import * as commissions from './0007-commissions'
import * as dailyTotals from './0008-daily-totals'
import * as fraud from './0009-fraud'
import * as fraudIndexes from './0010-fraud-indexes'
import * as countersWithoutRowid from './0011-counters-without-rowid'
import * as fraudCaseSubjects from './0012-fraud-case-subjects'

/**
 * Every migration, in order. A bundled main process has no migrations folder at run time,
 * so they are imported statically. Names sort in the order they apply.
 */
export const migrations: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-catalog': catalog,
  '0003-promotions': promotions,
  '0004-workspace-settings': workspaceSettings,
  '0005-order-import': orderImport,
  '0006-reversals': reversals,
  '0007-commissions': commissions,
  '0008-daily-totals': dailyTotals,
  '0009-fraud': fraud,
  '0010-fraud-indexes': fraudIndexes,
  '0011-counters-without-rowid': countersWithoutRowid,
  '0012-fraud-case-subjects': fraudCaseSubjects,
}

export const SCHEMA_VERSION = Object.keys(migrations).length
