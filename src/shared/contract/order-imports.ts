import { z } from 'zod'
import { id, page, type Page } from './common'
import { method } from './define'
import { DATE_FORMATS, DECIMAL_SEPARATORS, type OrderMapping } from './order-mappings'
import { uploadedFile } from './upload'

/** Why an order of a file is not imported, in the order the checks run. */
export const ORDER_REJECTIONS = [
  'missing_value',
  'bad_value',
  'bad_number',
  'bad_date',
  'discount_above_price',
  'duplicate_order',
  'unknown_code',
  'other_business_code',
  'wrong_code_kind',
  'inactive_code',
  'outside_window',
  'limit_reached',
  'code_required',
] as const
export type OrderRejection = (typeof ORDER_REJECTIONS)[number]

/** Each reason in a few words, for the preview, the history and the error report. */
export const ORDER_REJECTION_LABELS: Record<OrderRejection, string> = {
  missing_value: 'Missing value',
  bad_value: 'Bad value',
  bad_number: 'Bad number',
  bad_date: 'Bad date',
  discount_above_price: 'Discount above price',
  duplicate_order: 'Duplicate order',
  unknown_code: 'Unknown code',
  other_business_code: 'Code of another business',
  wrong_code_kind: 'Wrong kind of code',
  inactive_code: 'Code switched off',
  outside_window: 'Date outside the code’s window',
  limit_reached: 'Limit reached',
  code_required: 'Code required',
}

/**
 * How a file is read: source 003's layout (one row per order, numbered item groups
 * PRODUCTnn, PRICEnn, QUANTITYnn, DISCOUNTnn, COUPON_CODEnn), or a column mapping of a file
 * with one row per line item.
 */
export const importFormat = z.discriminatedUnion('layout', [
  z.object({
    layout: z.literal('numbered'),
    decimalSeparator: z.enum(DECIMAL_SEPARATORS).default('.'),
    dateFormat: z.enum(DATE_FORMATS).default('iso'),
  }),
  z.object({ layout: z.literal('mapped'), mappingId: id }),
])
export type ImportFormat = z.output<typeof importFormat>

/** The format as a run keeps it: a mapping is copied, so later edits do not change the run. */
export type ResolvedImportFormat =
  | Extract<ImportFormat, { layout: 'numbered' }>
  | { layout: 'mapped'; mappingName: string; mapping: OrderMapping }

export type OrderImportStatus =
  'uploaded' | 'checking' | 'checked' | 'importing' | 'cancelled' | 'done'

/** Counts over a whole file: what the check predicts, then what the import did. */
export interface OrderImportCounts {
  orders: number
  accepted: number
  rejected: number
  /** Accepted orders whose discount differs from what the engine would have given. */
  flagged: number
  acceptedSubtotalMinor: number
  acceptedDiscountMinor: number
  acceptedTotalMinor: number
}

/** One import of one file: its check, its progress, and its outcome. */
export interface OrderImportRun {
  id: number
  businessId: number
  fileName: string
  fileSize: number
  status: OrderImportStatus
  format: ResolvedImportFormat | null
  /** Data rows of the file (a multi-row order counts each row). */
  rows: number
  counts: OrderImportCounts
  /** Orders handled by the import so far; it resumes from here. */
  processed: number
  /** Orders written to the ledger by this import. */
  imported: number
  importedTotalMinor: number
  message: string | null
  createdAt: number
  checkedAt: number | null
  finishedAt: number | null
  /** Whether the import can start, or resume after a cancel or a crash. */
  canImport: boolean
}

/** One order of a file as the check read it, and what happened to it. */
export interface OrderImportRow {
  seq: number
  /** First and last row of the file, as a spreadsheet numbers them (the header is row 1). */
  row: number
  lastRow: number
  orderRef: string | null
  occurredAt: number | null
  customerLabel: string | null
  lines: number
  codes: string[]
  subtotalMinor: number | null
  discountMinor: number | null
  totalMinor: number | null
  /** What the engine would have given for the order's codes; null when not computed. */
  engineDiscountMinor: number | null
  /** The imported discount differs from the engine's. */
  flagged: boolean
  /** `will_import` before the import reaches it, `imported` once in the ledger. */
  status: 'will_import' | 'imported' | 'rejected'
  reason: OrderRejection | null
  /** The column the problem is in, as the file names it. */
  field: string | null
  message: string | null
}

/** What the mapping screen needs to know about a file before it is read in full. */
export interface UploadedOrderFile {
  run: OrderImportRun
  header: string[]
  /** The first data rows, for the mapping screen's preview. */
  sample: string[][]
  /** The layout the header looks like: `numbered` when it has PRODUCT01 and its group. */
  suggestedLayout: 'numbered' | 'mapped'
}

const importRef = z.object({ businessId: id, importId: id })

export const ORDER_ROW_FILTERS = ['all', 'accepted', 'rejected', 'flagged'] as const

export const orderImportsContract = {
  'orderImports.upload': method<UploadedOrderFile>()(
    z.object({
      businessId: id,
      /** A .csv (comma, semicolon or tab separated, any BOM) or .xlsx file, at most 20 MB. */
      file: uploadedFile,
    }),
    'Keeps an order file for checking and importing, and returns its header and first rows; reads nothing else yet.',
  ),
  'orderImports.check': method<{ jobId: string }>()(
    importRef.extend({ format: importFormat }),
    'The dry run, as a job: reads every row of the uploaded file with the chosen layout or mapping, and records what each order would become (or why it is rejected) without writing to the ledger.',
  ),
  'orderImports.get': method<OrderImportRun>()(
    importRef,
    'Returns one import: its check, progress and outcome.',
  ),
  'orderImports.list': method<Page<OrderImportRun>>()(
    z.object({ businessId: id, ...page.shape }),
    'Pages through the imports of a business, newest first.',
  ),
  'orderImports.rows': method<Page<OrderImportRow>>()(
    importRef.extend({ show: z.enum(ORDER_ROW_FILTERS).default('all'), ...page.shape }),
    'Pages through the orders of a checked file in file order: all, those accepted, rejected, or flagged.',
  ),
  'orderImports.commit': method<{ jobId: string }>()(
    importRef,
    'Imports the checked file as a job, in chunked transactions that each hold whole orders; cancelling keeps the orders written so far, and calling it again resumes. Every order is checked again under the lock and written once (idempotency key import:<order id>).',
  ),
  'orderImports.errorReport': method<{ jobId: string }>()(
    importRef,
    'Writes the rejected orders of an import to an .xlsx file (their rows as read, the reason and the message), as a job.',
  ),
}
