import type { Business } from '../../shared/contract/businesses'
import { addressKey } from '../../shared/fraud/settings'
import type { Workspace } from '../db/database'
import { phoneKey } from '../engine/identity'
import { preparedQuery } from '../db/prepared-query'
import { findFraudSettings } from '../db/repos/fraud-settings.repo'
import { recordHits } from './cases'
import { detect, refundHeavy } from './detectors'
import { signalsToCheck, type SaleSignals } from './screen-sale'

export interface OrderContext {
  ip?: string | undefined
  deviceId?: string | undefined
  address?: string | undefined
  /** The customer's phone as the order gave it. */
  phone?: string | undefined
}

const insertSignals = preparedQuery(
  (
    db,
    p: {
      entry_id: number
      business_id: number
      customer_id: number | null
      ip_key: string | null
      device_key: string | null
      address_key: string | null
      phone_key: string | null
      occurred_at: number
    },
  ) => db.qb.insertInto('order_signals').values(p),
)

/**
 * Inside a sale's write transaction, once its entry exists: records who the order came from and
 * runs the signals this sale could set off, opening or extending cases. A case holds the
 * commissions of its sales from that moment, in the same transaction as the sale.
 */
export function checkSale(
  db: Workspace,
  business: Business,
  sale: {
    entryId: number
    customerId: number | null
    occurredAt: number
    location: string | null
    context?: OrderContext
  },
  now: number,
  /** False for an imported order: the import scans the history once it is done. */
  detectNow = true,
): void {
  const context = sale.context ?? {}
  const signals: SaleSignals = {
    entryId: sale.entryId,
    customerId: sale.customerId,
    occurredAt: sale.occurredAt,
    location: sale.location,
    ip_key: context.ip ? context.ip.trim().toLowerCase() : null,
    device_key: context.deviceId ? context.deviceId.trim().toLowerCase() : null,
    address_key: context.address ? addressKey(context.address) || null : null,
    phone_key: context.phone ? phoneKey(context.phone) || null : null,
  }
  db.sql.run(
    insertSignals(db, {
      entry_id: signals.entryId,
      business_id: business.id,
      customer_id: signals.customerId,
      ip_key: signals.ip_key,
      device_key: signals.device_key,
      address_key: signals.address_key,
      phone_key: signals.phone_key,
      occurred_at: signals.occurredAt,
    }),
  )
  if (!detectNow) return
  const settings = findFraudSettings(db, business.id)
  const possible = signalsToCheck(db, business, settings, signals)
  if (possible.size === 0) return
  const scope = { entryId: sale.entryId, now: sale.occurredAt }
  const hits = detect(db, business, settings, scope, possible)
  if (hits.length > 0) recordHits(db, business.id, hits, now)
}

/** After a refund or void: whether the sale's promoters now refund too much. */
export function checkReversal(
  db: Workspace,
  business: Business,
  promoterIds: number[],
  now: number,
): void {
  const settings = findFraudSettings(db, business.id)
  if (!settings.refundHeavy.enabled) return
  for (const promoterId of new Set(promoterIds)) {
    const hits = refundHeavy(db, business, settings.refundHeavy, { now, promoterId })
    if (hits.length > 0) recordHits(db, business.id, hits, now)
  }
}
