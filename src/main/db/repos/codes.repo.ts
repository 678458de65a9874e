import { sql } from 'kysely'
import type { CodeRow } from '../../../shared/contract/codes'
import { codeState, effectiveWindow } from '../../engine/code-state'
import type { EngineCode } from '../../engine/types'
import type { Workspace } from '../database'
import { LIMIT_ONE, preparedQuery } from '../prepared-query'
import { TERM_COLUMNS, toPromotionTerms, type PromotionTerms } from './campaigns.repo'

export interface CodeFilter {
  businessId: number
  campaignId?: number | undefined
  promoterId?: number | undefined
  /** Prefix of the code, any case. */
  search?: string | undefined
}

/** Codes with their campaign, promoter and customer, hiding codes of unfinished bulk batches. */
export function codeRowsQuery(db: Workspace, filter: CodeFilter) {
  let query = db.qb
    .selectFrom('codes as c')
    .innerJoin('campaigns as cam', 'cam.id', 'c.campaign_id')
    .leftJoin('promoters as p', 'p.id', 'c.promoter_id')
    .leftJoin('customers as cu', 'cu.id', 'c.customer_id')
    .leftJoin('code_batches as b', 'b.id', 'c.batch_id')
    .where('c.business_id', '=', filter.businessId)
    .where((eb) => eb.or([eb('c.batch_id', 'is', null), eb('b.status', '=', 'done')]))
  if (filter.campaignId !== undefined) query = query.where('c.campaign_id', '=', filter.campaignId)
  if (filter.promoterId !== undefined) query = query.where('c.promoter_id', '=', filter.promoterId)
  if (filter.search) {
    const prefix = `${escapeLike(filter.search.toUpperCase())}%`
    // SQLite honours the backslash escapes only with an explicit ESCAPE clause.
    query = query.where('c.code_key', 'like', sql<string>`${prefix} escape '\\'`)
  }
  return query
}

function escapeLike(text: string): string {
  return text.replace(/[%_\\]/g, (char) => `\\${char}`)
}

export function selectCodeRows(query: ReturnType<typeof codeRowsQuery>) {
  return query.select([
    'c.id',
    'c.campaign_id',
    'cam.name as campaign_name',
    'cam.kind as campaign_kind',
    'cam.discount_json',
    'cam.starts_at as campaign_starts_at',
    'cam.ends_at as campaign_ends_at',
    'c.code',
    'c.promoter_id',
    'p.name as promoter_name',
    'cu.email as customer_email',
    'cu.external_id as customer_external_id',
    'cu.phone as customer_phone',
    'c.max_uses',
    'c.max_uses_per_customer',
    'c.starts_at',
    'c.ends_at',
    'c.active',
    'c.uses_count',
    'c.note',
    'c.created_at',
  ])
}

export type CodeQueryRow = Awaited<
  ReturnType<ReturnType<typeof selectCodeRows>['executeTakeFirstOrThrow']>
>

export function toCodeRow(row: CodeQueryRow, now: number): CodeRow {
  const window = effectiveWindow(
    { startsAt: row.starts_at, endsAt: row.ends_at },
    { startsAt: row.campaign_starts_at, endsAt: row.campaign_ends_at },
  )
  const active = row.active === 1
  return {
    id: row.id,
    campaignId: row.campaign_id,
    campaignName: row.campaign_name,
    code: row.code,
    promoterId: row.promoter_id,
    promoterName: row.promoter_name,
    customerLabel: row.customer_email ?? row.customer_external_id ?? row.customer_phone ?? null,
    maxUses: row.max_uses,
    maxUsesPerCustomer: row.max_uses_per_customer,
    startsAt: window.startsAt,
    endsAt: window.endsAt,
    active,
    uses: row.uses_count,
    state: codeState({ active, ...window, maxUses: row.max_uses, uses: row.uses_count }, now),
    note: row.note,
    createdAt: row.created_at,
  }
}

export function findCodeRow(
  db: Workspace,
  businessId: number,
  codeId: number,
  now: number,
): CodeRow | undefined {
  const row = db.sql.first(
    selectCodeRows(codeRowsQuery(db, { businessId }).where('c.id', '=', codeId)),
  )
  return row && toCodeRow(row, now)
}

const engineCodeByKey = preparedQuery((db, p: { businessId: number; codeKey: string }) =>
  codeRowsQuery(db, { businessId: p.businessId })
    .where('c.code_key', '=', p.codeKey)
    .select([
      'c.id',
      'c.code',
      'c.active',
      'c.starts_at',
      'c.ends_at',
      'c.max_uses',
      'c.uses_count',
      'c.max_uses_per_customer',
      'c.customer_id',
      'c.promoter_id',
      'p.name as promoter_name',
      ...TERM_COLUMNS,
    ]),
)

/** A usable code of this business with its campaign's terms, or undefined when it has none. */
export function findEngineCode(
  db: Workspace,
  businessId: number,
  codeKey: string,
): { code: EngineCode; terms: PromotionTerms } | undefined {
  const row = db.sql.first(engineCodeByKey(db, { businessId, codeKey }))
  if (!row) return undefined
  const terms = toPromotionTerms(row)
  return {
    terms,
    code: {
      id: row.id,
      code: row.code,
      // A paused campaign pauses its codes.
      active: row.active === 1 && terms.active,
      startsAt: row.starts_at,
      endsAt: row.ends_at,
      maxUses: row.max_uses,
      uses: row.uses_count,
      maxUsesPerCustomer: row.max_uses_per_customer,
      customerUses: 0,
      customerId: row.customer_id,
      promoter:
        row.promoter_id !== null ? { id: row.promoter_id, name: row.promoter_name ?? '' } : null,
    },
  }
}

const codeKeyInOtherBusiness = preparedQuery((db, p: { businessId: number; codeKey: string }) =>
  db.qb
    .selectFrom('codes')
    .select('id')
    .where('code_key', '=', p.codeKey)
    .where('business_id', '!=', p.businessId)
    .limit(LIMIT_ONE),
)

/** Whether another business has this code: checkout then says so instead of "unknown". */
export function codeKeyExistsElsewhere(
  db: Workspace,
  businessId: number,
  codeKey: string,
): boolean {
  return db.sql.first(codeKeyInOtherBusiness(db, { businessId, codeKey })) !== undefined
}

const usesByCustomer = preparedQuery((db, p: { codeId: number; customerId: number }) =>
  db.qb
    .selectFrom('code_customer_uses')
    .select('uses')
    .where('code_id', '=', p.codeId)
    .where('customer_id', '=', p.customerId),
)

export function customerUsesOfCode(db: Workspace, codeId: number, customerId: number): number {
  return db.sql.first(usesByCustomer(db, { codeId, customerId }))?.uses ?? 0
}
