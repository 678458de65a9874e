import {
  DEFAULT_FRAUD_SETTINGS,
  fraudSettings,
  type FraudSettings,
} from '../../../shared/fraud/settings'
import { boundedMemo } from '../../../shared/bounded-memo'
import type { Workspace } from '../database'
import { preparedQuery } from '../prepared-query'

const settingsRow = preparedQuery((db, p: { businessId: number }) =>
  db.qb
    .selectFrom('fraud_settings')
    .select('settings_json')
    .where('business_id', '=', p.businessId),
)

const parsed = boundedMemo<FraudSettings>(1_000)

/**
 * The business's thresholds; the defaults until someone saves them. Every sale reads them, so
 * each stored text is parsed once.
 */
export function findFraudSettings(db: Workspace, businessId: number): FraudSettings {
  const json = db.sql.first(settingsRow(db, { businessId }))?.settings_json
  if (json === undefined) return DEFAULT_FRAUD_SETTINGS
  return parsed(json, () => fraudSettings.parse(JSON.parse(json)))
}

export function saveFraudSettings(
  db: Workspace,
  businessId: number,
  settings: FraudSettings,
  now: number,
): void {
  const values = { settings_json: JSON.stringify(settings), updated_at: now }
  db.sql.run(
    db.qb
      .insertInto('fraud_settings')
      .values({ business_id: businessId, ...values })
      .onConflict((oc) => oc.column('business_id').doUpdateSet(values)),
  )
}
