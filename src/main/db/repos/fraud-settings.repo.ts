import {
  DEFAULT_FRAUD_SETTINGS,
  fraudSettings,
  type FraudSettings,
} from '../../../shared/fraud/settings'
import type { Workspace } from '../database'
import { preparedQuery } from '../prepared-query'

const settingsRow = preparedQuery((db, p: { businessId: number }) =>
  db.qb
    .selectFrom('fraud_settings')
    .select('settings_json')
    .where('business_id', '=', p.businessId),
)

/** The business's thresholds; the defaults until someone saves them. */
export function findFraudSettings(db: Workspace, businessId: number): FraudSettings {
  const row = db.sql.first(settingsRow(db, { businessId }))
  return row ? fraudSettings.parse(JSON.parse(row.settings_json)) : DEFAULT_FRAUD_SETTINGS
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
