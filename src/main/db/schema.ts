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
  tax_mode: Generated<'exclusive' | 'inclusive'>
  tax_rate_bp: Generated<number>
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
  /** JSON array of segment tags (loyalty, wholesale, a region…). */
  tags_json: Generated<string>
  /** When the customer's first sale was recorded; null = a new customer. */
  first_order_at: number | null
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
  /** 1: applies without a code (kind is then 'discount'). */
  automatic: Generated<number>
  /** 0: paused. The only column that changes after creation. */
  active: Generated<number>
  /** JSON of an Eligibility; null = every line. */
  eligible_json: string | null
  stacking_mode: Generated<'exclusive' | 'combinable'>
  priority: Generated<number>
  stack_group: string | null
  max_uses_per_day: number | null
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
/** A sale, or a later correction of one (never an edit of it). */
export type EntryKind = 'sale' | 'refund' | 'void'

export interface LedgerEntriesTable {
  id: Generated<number>
  business_id: number
  kind: EntryKind
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

/** The per-business product catalog that rule conditions (product, category, brand) read. */
export interface ProductsTable {
  id: Generated<number>
  business_id: number
  sku: string
  /** Trimmed, upper-cased sku: uniqueness and lookup ignore case. */
  sku_key: string
  name: string
  category: string | null
  brand: string | null
  price_minor: number
  on_sale: Generated<number>
  in_stock: Generated<number>
  created_at: number
  updated_at: number
}

/** Uses of a campaign per local day, for daily caps; the conditional upsert enforces the cap. */
export interface CampaignDailyUsesTable {
  campaign_id: number
  /** yyyy-MM-dd in the business's time zone. */
  day: string
  uses: number
}

/** An automatic promotion applied to a sale; append-only. */
export interface PromotionUsesTable {
  id: Generated<number>
  entry_id: number
  business_id: number
  campaign_id: number
  customer_id: number | null
  occurred_at: number
  discount_minor: number
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
  products: ProductsTable
  campaign_daily_uses: CampaignDailyUsesTable
  promotion_uses: PromotionUsesTable
}
