import type { FraudSignal } from '../../shared/fraud/settings'

/** One matching value behind a hit: "phone +33612345678". */
export interface Evidence {
  field: string
  value: string
}

/** What a detector found: a signal about one subject, and the entries behind it. */
export interface Hit {
  signal: FraudSignal
  /** What the case is about, stable across hits: "phone:+33612345678", "code:17". */
  subject: string
  summary: string
  promoterId: number | null
  entries: { entryId: number; evidence: Evidence[] }[]
}
