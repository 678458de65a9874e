import type { BlockKind, FraudCaseDetail, FraudCaseStatus } from '../../../../shared/contract/fraud'

export { FRAUD_SIGNAL_LABELS } from '../../../../shared/fraud/settings'

export const STATUS_LABELS: Record<FraudCaseStatus, string> = {
  open: 'Open',
  dismissed: 'Dismissed',
  confirmed: 'Confirmed',
}

export const BLOCK_KIND_LABELS: Record<BlockKind, string> = {
  email: 'Email',
  phone: 'Phone',
  ip: 'IP address',
  device: 'Device id',
  code: 'Code',
  customer: 'Customer id',
}

export const DECISION_LABELS = { dismiss: 'Dismissed', confirm: 'Confirmed', block: 'Blocked' }

const EVIDENCE_LABELS: Partial<Record<string, string>> = {
  ip: 'IP',
  device: 'Device',
  email: 'Email',
  phone: 'Phone',
  address: 'Address',
  code: 'Code',
  customer: 'Customer',
  location: 'Location',
}

/** "IP", "Refund rate": an evidence field as a chip names it. */
export function evidenceLabel(field: string): string {
  return EVIDENCE_LABELS[field] ?? `${field.charAt(0).toUpperCase()}${field.slice(1)}`
}

/** Evidence fields that name a value a block can refuse. */
const EVIDENCE_KINDS: Partial<Record<string, BlockKind>> = {
  email: 'email',
  phone: 'phone',
  ip: 'ip',
  device: 'device',
  code: 'code',
}

export interface BlockSuggestion {
  kind: BlockKind
  value: string
}

/**
 * What a case gives to block, the matching values first (an email, a device…), then the codes
 * and customers of its orders; each value once.
 */
export function blockSuggestions(detail: FraudCaseDetail): BlockSuggestion[] {
  const found: BlockSuggestion[] = []
  const add = (kind: BlockKind | undefined, value: string | null) => {
    if (!kind || !value) return
    if (found.some((item) => item.kind === kind && item.value === value)) return
    found.push({ kind, value })
  }
  for (const order of detail.entries)
    for (const item of order.evidence) add(EVIDENCE_KINDS[item.field], item.value)
  for (const order of detail.entries) for (const code of order.codes) add('code', code)
  for (const order of detail.entries)
    if (order.customerLabel?.includes('@')) add('email', order.customerLabel)
  return found
}
