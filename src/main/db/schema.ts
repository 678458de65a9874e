import type { Generated } from 'kysely'

/** Row types of the workspace file. Columns are snake_case; times are epoch milliseconds (UTC). */
export interface BusinessesTable {
  id: Generated<number>
  name: string
  currency: string
  time_zone: string
  policy_max_percent_bp: number | null
  policy_max_uses_per_code: number | null
  policy_max_uses_per_customer: number | null
  policy_max_window_months: number | null
  policy_max_codes_per_promoter: number | null
  policy_promoter_period_days: number
  created_at: number
  updated_at: number
}

export interface PromotersTable {
  id: Generated<number>
  business_id: number
  name: string
  email: string | null
  phone: string | null
  notes: string | null
  created_at: number
  updated_at: number
}

export interface CustomersTable {
  id: Generated<number>
  business_id: number
  external_id: string | null
  email: string | null
  /** Normalized for matching: lower case, Gmail-style dots and +tags removed. */
  email_key: string | null
  phone: string | null
  phone_key: string | null
  created_at: number
}

export interface CampaignsTable {
  id: Generated<number>
  business_id: number
  name: string
  description: string | null
  kind: 'discount' | 'tracking'
  /** JSON of a DiscountSpec. */
  discount_json: string
  /** JSON array of ConditionSpec. */
  conditions_json: string
  starts_at: number | null
  ends_at: number | null
  created_at: number
}

export interface CodeBatchesTable {
  id: Generated<number>
  business_id: number
  campaign_id: number
  pattern: string
  requested: number
  /** Codes of a running or cancelled batch are invisible and unusable. */
  status: 'running' | 'done' | 'cancelled'
  created_at: number
}

export interface CodesTable {
  id: Generated<number>
  business_id: number
  campaign_id: number
  code: string
  /** Upper-cased code: uniqueness and lookup ignore case. */
  code_key: string
  promoter_id: number | null
  customer_id: number | null
  max_uses: number | null
  max_uses_per_customer: number | null
  starts_at: number | null
  ends_at: number | null
  active: Generated<number>
  uses_count: Generated<number>
  batch_id: number | null
  note: string | null
  created_at: number
}

export interface CodeCustomerUsesTable {
  code_id: number
  customer_id: number
  uses: number
}

/** Append-only: triggers refuse UPDATE and DELETE. */
export interface LedgerEntriesTable {
  id: Generated<number>
  business_id: number
  kind: 'sale'
  order_ref: string
  idempotency_key: string
  customer_id: number | null
  channel: string
  location: string | null
  occurred_at: number
  currency: string
  subtotal_minor: number
  discount_minor: number
  shipping_minor: number
  total_minor: number
  /** JSON: the evaluated lines and checks, as shown at checkout. */
  details_json: string
  prev_hash: string
  hash: string
}

/** One row per code used on a sale. Append-only. */
export interface RedemptionsTable {
  id: Generated<number>
  entry_id: number
  business_id: number
  code_id: number
  campaign_id: number
  promoter_id: number | null
  customer_id: number | null
  channel: string
  location: string | null
  occurred_at: number
  subtotal_minor: number
  discount_minor: number
  total_minor: number
}

export interface DatabaseSchema {
  businesses: BusinessesTable
  promoters: PromotersTable
  customers: CustomersTable
  campaigns: CampaignsTable
  code_batches: CodeBatchesTable
  codes: CodesTable
  code_customer_uses: CodeCustomerUsesTable
  ledger_entries: LedgerEntriesTable
  redemptions: RedemptionsTable
}
