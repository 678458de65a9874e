import type { BlockKind } from '../../shared/contract/fraud'
import type { Workspace } from '../db/database'
import { preparedQuery } from '../db/prepared-query'
import { emailKey, phoneKey } from '../engine/identity'

/** How each kind of blocked value is normalized, exactly as the matching it guards. */
export function blockKey(kind: BlockKind, value: string): string {
  switch (kind) {
    case 'email':
      return emailKey(value)
    case 'phone':
      return phoneKey(value)
    case 'code':
      return value.trim().toUpperCase()
    default:
      return value.trim().toLowerCase()
  }
}

const blockRow = preparedQuery((db, p: { businessId: number; kind: BlockKind; valueKey: string }) =>
  db.qb
    .selectFrom('blocks')
    .select(['value', 'kind'])
    .where('business_id', '=', p.businessId)
    .where('kind', '=', p.kind)
    .where('value_key', '=', p.valueKey),
)

export interface OrderIdentity {
  email?: string | undefined
  phone?: string | undefined
  code?: string | undefined
  ip?: string | undefined
  deviceId?: string | undefined
  customerId?: number | null
}

export interface BlockHit {
  kind: BlockKind
  value: string
  /** The input field that carries it. */
  field: string
}

/** The first blocked value an order carries, or null. One indexed probe per value present. */
export function findBlock(
  db: Workspace,
  businessId: number,
  order: OrderIdentity,
): BlockHit | null {
  const probes: [BlockKind, string | undefined, string][] = [
    ['email', order.email, 'customer.email'],
    ['phone', order.phone, 'customer.phone'],
    ['code', order.code, 'code'],
    ['ip', order.ip, 'context.ip'],
    ['device', order.deviceId, 'context.deviceId'],
    ['customer', order.customerId == null ? undefined : String(order.customerId), 'customer'],
  ]
  for (const [kind, value, field] of probes) {
    if (!value) continue
    const row = db.sql.first(blockRow(db, { businessId, kind, valueKey: blockKey(kind, value) }))
    if (row) return { kind, value, field }
  }
  return null
}

/** The block a checkout order runs into, if any. */
export function blockOf(
  db: Workspace,
  businessId: number,
  args: {
    code?: string | undefined
    customer?: { email?: string | undefined; phone?: string | undefined } | null | undefined
    context?: { ip?: string | undefined; deviceId?: string | undefined } | undefined
  },
  customerId: number | null,
): BlockHit | null {
  return findBlock(db, businessId, {
    email: args.customer?.email,
    phone: args.customer?.phone,
    code: args.code,
    ip: args.context?.ip,
    deviceId: args.context?.deviceId,
    customerId,
  })
}
