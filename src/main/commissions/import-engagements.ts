import { createHash } from 'node:crypto'
import { DateTime } from 'luxon'
import type { Business } from '../../shared/contract/businesses'
import type { CustomerRef } from '../../shared/contract/codes'
import type { EngagementImportReport } from '../../shared/contract/commissions'
import type { ImportRowError } from '../../shared/contract/upload'
import { DomainError } from '../api/domain-error'
import type { Workspace } from '../db/database'
import { findOrCreateCustomer } from '../db/repos/customers.repo'
import { findProgram } from '../db/repos/programs.repo'
import { throwIfCancelled, type JobControl } from '../jobs/job-runner'
import { readTable } from '../import/read-table'

/**
 * Engagement files: one referral visit or manual engagement per row, with the columns
 * promoter (email or name), customer (email or the shop's customer id), kind (visit or manual),
 * date (2026-11-23 or 2026-11-23T14:05) and optionally note. A row's key is its content, so
 * importing the same file again adds nothing.
 */
const REQUIRED = ['promoter', 'customer', 'kind', 'date'] as const
const MAX_ROWS = 200_000
const MAX_REPORTED_ERRORS = 200

interface PlannedEvent {
  row: number
  promoterId: number
  customer: CustomerRef
  kind: 'visit' | 'manual'
  occurredAt: number
  note: string | null
  key: string
}

interface Plan {
  events: PlannedEvent[]
  report: EngagementImportReport
}

function promoterFinder(db: Workspace, businessId: number) {
  const rows = db.sql.all(
    db.qb
      .selectFrom('promoters')
      .select(['id', 'name', 'email'])
      .where('business_id', '=', businessId),
  )
  const byEmail = new Map(
    rows.flatMap((row) => (row.email ? [[row.email.toLowerCase(), row.id]] : [])),
  )
  const byName = new Map<string, number[]>()
  for (const row of rows) {
    const key = row.name.trim().toLowerCase()
    byName.set(key, [...(byName.get(key) ?? []), row.id])
  }
  return (text: string): number | string => {
    const key = text.toLowerCase()
    const byMail = byEmail.get(key)
    if (byMail !== undefined) return byMail
    const named = byName.get(key) ?? []
    if (named.length === 1 && named[0] !== undefined) return named[0]
    if (named.length > 1) return `Several promoters are called ${text}; use their email.`
    return `No promoter of this business has the email or name ${text}.`
  }
}

function parseWhen(text: string, zone: string): number | null {
  const parsed = DateTime.fromISO(text.replace(' ', 'T'), { zone })
  return parsed.isValid ? parsed.toMillis() : null
}

/** Reads and checks every row; writes nothing. */
export async function planEngagementImport(
  db: Workspace,
  business: Business,
  content: Uint8Array,
  now: number,
): Promise<Plan> {
  const table = await readTable(content, { required: REQUIRED, field: 'file', maxRows: MAX_ROWS })
  const findPromoter = promoterFinder(db, business.id)
  const cell = (cells: string[], name: string) => cells[table.column(name) ?? -1] ?? ''
  const errors: ImportRowError[] = []
  const events: PlannedEvent[] = []
  const seen = new Set<string>()
  let repeated = 0
  for (const { row, cells } of table.rows) {
    const fail = (field: string, message: string) => errors.push({ row, field, message })
    const promoter = findPromoter(cell(cells, 'promoter'))
    const customerText = cell(cells, 'customer')
    const kind = cell(cells, 'kind').toLowerCase()
    const occurredAt = parseWhen(cell(cells, 'date'), business.timeZone)
    if (typeof promoter === 'string') fail('promoter', promoter)
    if (!customerText) fail('customer', 'Enter the customer’s email or customer id.')
    if (kind !== 'visit' && kind !== 'manual') fail('kind', 'Use visit or manual.')
    if (occurredAt === null) fail('date', 'Use a date like 2026-11-23 or 2026-11-23T14:05.')
    else if (occurredAt > now) fail('date', 'An engagement cannot be in the future.')
    if (
      typeof promoter === 'string' ||
      !customerText ||
      (kind !== 'visit' && kind !== 'manual') ||
      occurredAt === null ||
      occurredAt > now
    )
      continue
    const note = cell(cells, 'note') || null
    const customer: CustomerRef = customerText.includes('@')
      ? { email: customerText, externalId: undefined, phone: undefined }
      : { email: undefined, externalId: customerText, phone: undefined }
    const key = `file:${createHash('sha256')
      .update(JSON.stringify([promoter, customerText.toLowerCase(), kind, occurredAt, note]))
      .digest('hex')}`
    if (seen.has(key)) {
      repeated++
      continue
    }
    seen.add(key)
    events.push({ row, promoterId: promoter, customer, kind, occurredAt, note, key })
  }
  const known = knownKeys(
    db,
    business.id,
    events.map((event) => event.key),
  )
  return {
    events: events.filter((event) => !known.has(event.key)),
    report: {
      rows: table.rows.length,
      added: events.length - known.size,
      alreadyImported: known.size + repeated,
      errors: errors.slice(0, MAX_REPORTED_ERRORS),
      errorCount: errors.length,
    },
  }
}

function knownKeys(db: Workspace, businessId: number, keys: string[]): Set<string> {
  const known = new Set<string>()
  for (let start = 0; start < keys.length; start += 500) {
    for (const row of db.sql.all(
      db.qb
        .selectFrom('engagement_events')
        .select('event_key')
        .where('business_id', '=', businessId)
        .where('event_key', 'in', keys.slice(start, start + 500)),
    ))
      if (row.event_key) known.add(row.event_key)
  }
  return known
}

/** Imports a checked file in one transaction: a file with any bad row changes nothing. */
export async function importEngagements(
  db: Workspace,
  business: Business,
  content: Uint8Array,
  now: number,
  control: JobControl,
): Promise<string> {
  const plan = await planEngagementImport(db, business, content, now)
  const [first] = plan.report.errors
  if (first)
    throw new DomainError(
      'invalid_input',
      `Nothing was imported: row ${first.row}, ${first.field}: ${first.message}`,
      { field: 'file' },
    )
  throwIfCancelled(control.signal)
  const points = findProgram(db, business.id).points
  const added = db.sql.transaction(() => {
    // Checked again under the write lock: the same file may have been imported meanwhile.
    const known = knownKeys(
      db,
      business.id,
      plan.events.map((event) => event.key),
    )
    const fresh = plan.events.filter((event) => !known.has(event.key))
    for (const event of fresh) {
      db.sql.run(
        db.qb.insertInto('engagement_events').values({
          business_id: business.id,
          promoter_id: event.promoterId,
          customer_id: findOrCreateCustomer(db, business.id, event.customer, now),
          kind: event.kind,
          points: points[event.kind],
          occurred_at: event.occurredAt,
          entry_id: null,
          note: event.note,
          event_key: event.key,
          created_at: now,
        }),
      )
    }
    return fresh.length
  })
  return `${added.toLocaleString('en')} engagements imported.`
}
