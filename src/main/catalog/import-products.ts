import type { Business } from '../../shared/contract/businesses'
import type { ProductImportReport } from '../../shared/contract/products'
import { skuKey } from '../../shared/contract/products'
import type { ImportRowError } from '../../shared/contract/upload'
import { DomainError } from '../api/domain-error'
import type { Workspace } from '../db/database'
import {
  productsBySku,
  productUpserter,
  type CatalogProduct,
  type KeepableColumn,
} from '../db/repos/products.repo'
import { throwIfCancelled, yieldToEventLoop, type JobControl } from '../jobs/job-runner'
import { readTable, type Table } from '../import/read-table'
import { OPTIONAL_COLUMNS, parseProductRow, REQUIRED_COLUMNS } from './product-row'

const MAX_ROWS = 200_000
/** Rows checked between two yields to the event loop. */
const CHUNK = 5_000
const MAX_REPORTED_ERRORS = 200

interface ImportPlan {
  products: CatalogProduct[]
  /** Columns the file lacks: existing products keep their values for them. */
  keep: Set<KeepableColumn>
  report: ProductImportReport
}

/** How many of these products the catalog already has; a file holds each SKU once. */
function countInCatalog(db: Workspace, businessId: number, products: CatalogProduct[]): number {
  return productsBySku(
    db,
    businessId,
    products.map((product) => product.sku),
  ).size
}

/** Reads and checks every row of a catalog file, and counts what it would change; writes nothing. */
export async function planProductImport(
  db: Workspace,
  business: Business,
  content: Uint8Array,
  control: Pick<JobControl, 'signal' | 'progress'>,
): Promise<ImportPlan> {
  const table = await readTable(content, {
    required: REQUIRED_COLUMNS,
    field: 'file',
    maxRows: MAX_ROWS,
  })
  const { products, errors } = await checkRows(table, business.currency, control)
  const existing = countInCatalog(db, business.id, products)
  return {
    products,
    keep: new Set(OPTIONAL_COLUMNS.filter((column) => table.column(column) === undefined)),
    report: {
      rows: table.rows.length,
      added: products.length - existing,
      updated: existing,
      errors: errors.slice(0, MAX_REPORTED_ERRORS),
      errorCount: errors.length,
    },
  }
}

async function checkRows(
  table: Table,
  currency: string,
  control: Pick<JobControl, 'signal' | 'progress'>,
): Promise<{ products: CatalogProduct[]; errors: ImportRowError[] }> {
  const products: CatalogProduct[] = []
  const errors: ImportRowError[] = []
  const rowOfSku = new Map<string, number>()
  for (let start = 0; start < table.rows.length; start += CHUNK) {
    throwIfCancelled(control.signal)
    for (const { row, cells } of table.rows.slice(start, start + CHUNK)) {
      const parsed = parseProductRow((column) => {
        const index = table.column(column)
        return index === undefined ? undefined : cells[index]
      }, currency)
      if ('issues' in parsed) {
        errors.push(...parsed.issues.map((issue) => ({ row, ...issue })))
        continue
      }
      const key = skuKey(parsed.product.sku)
      const first = rowOfSku.get(key)
      if (first !== undefined) {
        errors.push({
          row,
          field: 'sku',
          message: `The SKU ${parsed.product.sku} is already on row ${first}.`,
        })
        continue
      }
      rowOfSku.set(key, row)
      products.push(parsed.product)
    }
    control.progress(Math.min(start + CHUNK, table.rows.length), table.rows.length)
    await yieldToEventLoop()
  }
  return { products, errors }
}

/** Refuses the whole file for its first bad row; the dry run lists them all. */
function rowErrors(report: ProductImportReport): DomainError {
  const [first] = report.errors
  const where =
    report.errorCount > 1
      ? `${report.errorCount.toLocaleString('en')} problems, the first on row ${first?.row}`
      : `row ${first?.row}`
  return new DomainError(
    'invalid_input',
    `Nothing was imported: ${where}, ${first?.field}: ${first?.message}`,
    {
      field: 'file',
      issues: report.errors.map((error) => ({
        field: 'file',
        message: `Row ${error.row}, ${error.field}: ${error.message}`,
      })),
    },
  )
}

/**
 * The import job: checks the whole file (cancellable between chunks), then writes every row
 * in one transaction, so a cancelled or refused import leaves the catalog as it was. The
 * write itself runs without yielding: an open transaction must not let other requests in.
 */
export async function importProducts(
  db: Workspace,
  business: Business,
  content: Uint8Array,
  now: number,
  control: JobControl,
): Promise<string> {
  const plan = await planProductImport(db, business, content, control)
  if (plan.report.errorCount > 0) throw rowErrors(plan.report)
  throwIfCancelled(control.signal)
  const { added, updated } = db.sql.transaction(() => {
    // Counted again under the write lock: the catalog may have changed while the file was read.
    const existing = countInCatalog(db, business.id, plan.products)
    const upsert = productUpserter(db, business.id, now, plan.keep)
    for (const product of plan.products) upsert(product)
    return { added: plan.products.length - existing, updated: existing }
  })
  const count = (value: number) => value.toLocaleString('en')
  return `${count(plan.products.length)} products imported: ${count(added)} added, ${count(updated)} updated.`
}
