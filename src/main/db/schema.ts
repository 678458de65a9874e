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
  /** 1: a full refund gives the code's use back to its limits. */
  refund_returns_use: Generated<number>
  /** 1: a code on a manually entered order needs a manager's PIN. */
  override_required: Generated<number>
  /** scrypt$<salt>$<hash>, hex; null = no PIN set. */
  manager_pin_hash: string | null
  /** JSON array of channels whose orders must carry a promo code. */
  require_code_channels: Generated<string>
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
  /** JSON of a CommissionRule overriding the business's; null = the business's rule. */
  commission_json: string | null
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
export type EntryKind = 'sale' | 'refund' | 'void' | 'clawback'

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
  /** For a refund or void: the sale it corrects. */
  reverses_entry_id: number | null
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
  /** Uses this row counts: 1 for a sale, −1 for a reversal that gives the use back, else 0. */
  uses: Generated<number>
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
  /** 1 for a sale, 0 or −1 for a reversal (see RedemptionsTable.uses). */
  uses: Generated<number>
}

/** The one row of workspace-wide settings (id 1), created by migration 0004. */
export interface WorkspaceSettingsTable {
  id: number
  /** How many backups the backups folder keeps; older ones are deleted after each new one. */
  backups_to_keep: Generated<number>
  updated_at: number | null
}

/** A named column mapping for order files (migration 0005). */
export interface OrderMappingsTable {
  id: Generated<number>
  business_id: number
  name: string
  /** Trimmed, lower-cased name: unique per business. */
  name_key: string
  /** JSON of an OrderMapping. */
  mapping_json: string
  created_at: number
  updated_at: number
}

export type OrderImportStatusColumn =
  'uploaded' | 'checking' | 'checked' | 'importing' | 'cancelled' | 'done'

/** One import of one order file. */
export interface OrderImportsTable {
  id: Generated<number>
  business_id: number
  file_name: string
  file_size: number
  file_sha256: string
  status: OrderImportStatusColumn
  /** JSON of a ResolvedImportFormat; null until checked. */
  format_json: string | null
  /** JSON string[]: the file's header. */
  header_json: Generated<string>
  rows_total: Generated<number>
  orders_total: Generated<number>
  accepted: Generated<number>
  rejected: Generated<number>
  flagged: Generated<number>
  accepted_subtotal_minor: Generated<number>
  accepted_discount_minor: Generated<number>
  accepted_total_minor: Generated<number>
  /** Orders handled by the import, in file order: where it resumes. */
  processed: Generated<number>
  imported: Generated<number>
  imported_total_minor: Generated<number>
  message: string | null
  created_at: number
  checked_at: number | null
  finished_at: number | null
}

/** An import's file, kept until the import is done. */
export interface OrderImportFilesTable {
  import_id: number
  content: Uint8Array
}

/** One order of an import's file: the check's reading, then the import's outcome. */
export interface OrderImportOrdersTable {
  import_id: number
  seq: number
  row: number
  last_row: number
  order_ref: string | null
  occurred_at: number | null
  customer_label: string | null
  lines: number
  /** JSON array of the code texts the order carries. */
  codes_json: string
  subtotal_minor: number | null
  discount_minor: number | null
  total_minor: number | null
  engine_discount_minor: number | null
  flagged: Generated<number>
  accepted: number
  /** 0: refused for its own cells (final); 1: read, and checked against the workspace. */
  readable: number
  reason: string | null
  field: string | null
  message: string | null
  /** JSON string[][]: the order's rows as read. */
  cells_json: string
}

/** A business's affiliate program (migration 0007); missing = the defaults. */
export interface CommissionProgramsTable {
  business_id: number
  attribution_model: 'newest' | 'first' | 'most_points'
  engagement_lifetime_days: number | null
  points_coupon: number
  points_visit: number
  points_manual: number
  holding_days: number
  period_length: 'monthly' | 'weekly'
  /** JSON of a CommissionRule. */
  rule_json: string
  updated_at: number
}

/** Something that links a promoter and a customer; engagements are their sums. Append-only. */
export interface EngagementEventsTable {
  id: Generated<number>
  business_id: number
  promoter_id: number
  customer_id: number
  kind: 'coupon' | 'visit' | 'manual'
  points: number
  occurred_at: number
  entry_id: number | null
  note: string | null
  event_key: string | null
  created_at: number
}

/** A promoter's commission on a sale, or its reversal. Append-only; hashed with its entry. */
export interface CommissionsTable {
  id: Generated<number>
  business_id: number
  entry_id: number
  sale_entry_id: number
  promoter_id: number
  campaign_id: number | null
  kind: 'accrual' | 'reversal'
  period_key: string
  origin_period_key: string
  base_minor: number
  amount_minor: number
  payable_at: number
  occurred_at: number
  note: string
}

/** A closed payout period: no commission can be booked into it any more. */
export interface PayoutPeriodsTable {
  business_id: number
  period_key: string
  starts_at: number
  ends_at: number
  closed_at: number
  /** The business's ledger head hash when the period was closed. */
  ledger_head: string
}

/** A promoter's statement for a closed period, frozen at close. */
export interface StatementsTable {
  business_id: number
  period_key: string
  promoter_id: number
  opening_minor: number
  accrued_minor: number
  reversed_minor: number
  adjustments_minor: number
  pending_minor: number
  payable_minor: number
}

/** A statement paid: the database insists on its payable amount. */
export interface PayoutsTable {
  business_id: number
  period_key: string
  promoter_id: number
  amount_minor: number
  /** yyyy-MM-dd, as the bookkeeper enters it. */
  paid_on: string
  reference: string
  created_at: number
}

/** A business's totals for one local day and channel, kept with every entry (migration 0008). */
export interface DailyTotalsTable {
  business_id: number
  /** yyyy-MM-dd in the business's time zone. */
  day: string
  channel: string
  /** Sales recorded, and what their customers paid. */
  orders: Generated<number>
  sales_minor: Generated<number>
  /** Refunds and voids, and what they gave back (negative). */
  reversals: Generated<number>
  reversed_minor: Generated<number>
  /** Discount given, net of reversals. */
  discount_minor: Generated<number>
  /** Codes used on the day's sales. */
  redemptions: Generated<number>
  /** Commissions accrued, net of reversals. */
  commission_minor: Generated<number>
}

/** A business's fraud thresholds (migration 0009); missing = the defaults. */
export interface FraudSettingsTable {
  business_id: number
  settings_json: string
  updated_at: number
}

/** Who an order came from, normalized for matching. Append-only. */
export interface OrderSignalsTable {
  entry_id: number
  business_id: number
  customer_id: number | null
  ip_key: string | null
  device_key: string | null
  address_key: string | null
  /** The phone the order gave (migration 0010). */
  phone_key: Generated<string | null>
  occurred_at: number
}

export type FraudCaseStatus = 'open' | 'dismissed' | 'confirmed'

export interface FraudCasesTable {
  id: Generated<number>
  business_id: number
  signal: string
  subject: string
  summary: string
  promoter_id: number | null
  status: FraudCaseStatus
  opened_at: number
  updated_at: number
}

export interface FraudCaseEntriesTable {
  case_id: number
  entry_id: number
  evidence_json: string
  added_at: number
}

export interface FraudDecisionsTable {
  id: Generated<number>
  case_id: number
  action: 'dismiss' | 'confirm' | 'block'
  note: string
  decided_by: string
  decided_at: number
}

export type { BlockKind } from '../../shared/contract/fraud'
import type { BlockKind } from '../../shared/contract/fraud'

export interface BlocksTable {
  id: Generated<number>
  business_id: number
  kind: BlockKind
  value_key: string
  value: string
  case_id: number | null
  note: string
  created_by: string
  created_at: number
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
  workspace_settings: WorkspaceSettingsTable
  order_mappings: OrderMappingsTable
  order_imports: OrderImportsTable
  order_import_files: OrderImportFilesTable
  order_import_orders: OrderImportOrdersTable
  commission_programs: CommissionProgramsTable
  engagement_events: EngagementEventsTable
  commissions: CommissionsTable
  payout_periods: PayoutPeriodsTable
  statements: StatementsTable
  payouts: PayoutsTable
  daily_totals: DailyTotalsTable
  fraud_settings: FraudSettingsTable
  order_signals: OrderSignalsTable
  fraud_cases: FraudCasesTable
  fraud_case_entries: FraudCaseEntriesTable
  fraud_decisions: FraudDecisionsTable
  blocks: BlocksTable
}
