import type { Workspace } from '../db/database'
import { localDayOf } from '../time/local-dates'
import { GENESIS_HASH, saleHash, type HashedSale } from './entry-hash'

export interface LedgerMismatch {
  businessId: number
  /** The first entry whose chain breaks, or null for a counter that disagrees. */
  entryId: number | null
  message: string
}

export interface LedgerReport {
  ok: boolean
  entries: number
  /** Each business's last hash: compare with the one printed on an earlier export. */
  heads: { businessId: number; hash: string }[]
  /** The first problem found in the chain, then every counter that disagrees with the entries. */
  mismatches: LedgerMismatch[]
}

export interface VerifyOptions {
  /** Called every few thousand entries. */
  onProgress?: (entries: number) => void
}

interface EntryRow {
  id: number
  business_id: number
  kind: string
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
  details_json: string
  prev_hash: string
  hash: string
}

/**
 * Recomputes every business's hash chain from its entries and the rows attached to them, then
 * recounts the use counters from the entries, all in one snapshot of the file. Reports the first
 * break in each chain (an edited, removed or reordered entry breaks every hash after it) and
 * every counter that disagrees.
 */
export function verifyLedger(db: Workspace, options: VerifyOptions = {}): LedgerReport {
  return db.sql.snapshot(() => {
    const mismatches: LedgerMismatch[] = []
    const heads = new Map<number, string>()
    const broken = new Set<number>()
    // Rows are appended in entry order, so their rowids run in the same order as the entries:
    // one pass over each table, merged by entry id, with no sort and no index.
    const redemptions = peekable(
      db.sql.iterate(
        db.qb
          .selectFrom('redemptions')
          .select(['entry_id', 'code_id', 'campaign_id', 'promoter_id', 'discount_minor'])
          .orderBy('id'),
      ),
    )
    const promotionUses = peekable(
      db.sql.iterate(
        db.qb
          .selectFrom('promotion_uses')
          .select(['entry_id', 'campaign_id', 'discount_minor'])
          .orderBy('id'),
      ),
    )
    let entries = 0
    for (const entry of db.sql.iterate<EntryRow>(
      db.qb.selectFrom('ledger_entries').selectAll().orderBy('id'),
    )) {
      entries++
      if (entries % 10_000 === 0) options.onProgress?.(entries)
      const sale: HashedSale = {
        businessId: entry.business_id,
        kind: entry.kind,
        orderRef: entry.order_ref,
        idempotencyKey: entry.idempotency_key,
        customerId: entry.customer_id,
        channel: entry.channel,
        location: entry.location,
        occurredAt: entry.occurred_at,
        currency: entry.currency,
        subtotalMinor: entry.subtotal_minor,
        discountMinor: entry.discount_minor,
        shippingMinor: entry.shipping_minor,
        totalMinor: entry.total_minor,
        detailsJson: entry.details_json,
        redemptions: redemptions.takeWhile(entry.id).map((row) => ({
          codeId: row.code_id,
          campaignId: row.campaign_id,
          promoterId: row.promoter_id,
          discountMinor: row.discount_minor,
        })),
        promotionUses: promotionUses.takeWhile(entry.id).map((row) => ({
          campaignId: row.campaign_id,
          discountMinor: row.discount_minor,
        })),
      }
      const businessId = entry.business_id
      if (broken.has(businessId)) continue
      const previous = heads.get(businessId) ?? GENESIS_HASH
      const expected = saleHash(previous, sale)
      if (entry.prev_hash !== previous || entry.hash !== expected) {
        broken.add(businessId)
        mismatches.push({
          businessId,
          entryId: entry.id,
          message:
            entry.prev_hash !== previous
              ? `Entry ${entry.id} (order ${entry.order_ref}) does not follow the entry before it: an entry was removed, inserted or reordered.`
              : `Entry ${entry.id} (order ${entry.order_ref}) does not match its hash: it was changed after it was written.`,
        })
      }
      heads.set(businessId, entry.hash)
    }
    for (const orphan of [...redemptions.rest(), ...promotionUses.rest()]) {
      mismatches.push({
        businessId: 0,
        entryId: orphan.entry_id,
        message: `A use points at entry ${orphan.entry_id}, which is not in the ledger.`,
      })
    }
    options.onProgress?.(entries)
    mismatches.push(...counterMismatches(db))
    return {
      ok: mismatches.length === 0,
      entries,
      heads: [...heads].map(([businessId, hash]) => ({ businessId, hash })),
      mismatches,
    }
  })
}

/** The use counters the limits rely on, recounted from the ledger's rows. */
function counterMismatches(db: Workspace): LedgerMismatch[] {
  const found: LedgerMismatch[] = []
  const codes = db.sql.all(
    db.qb
      .selectFrom('codes as c')
      .select((eb) => [
        'c.id',
        'c.business_id',
        'c.code',
        'c.uses_count',
        eb
          .selectFrom('redemptions as r')
          .whereRef('r.code_id', '=', 'c.id')
          .select((sub) => sub.fn.countAll<number>().as('n'))
          .as('counted'),
      ])
      .where('c.uses_count', '>', 0)
      .orderBy('c.id'),
  )
  for (const code of codes) {
    if (Number(code.counted) !== code.uses_count) {
      found.push({
        businessId: code.business_id,
        entryId: null,
        message: `Code ${code.code} counts ${code.uses_count} uses, but the ledger holds ${Number(code.counted)}.`,
      })
    }
  }
  const perCustomer = db.sql.all(
    db.qb
      .selectFrom('code_customer_uses as u')
      .innerJoin('codes as c', 'c.id', 'u.code_id')
      .select((eb) => [
        'c.business_id',
        'c.code',
        'u.customer_id',
        'u.uses',
        eb
          .selectFrom('redemptions as r')
          .whereRef('r.code_id', '=', 'u.code_id')
          .whereRef('r.customer_id', '=', 'u.customer_id')
          .select((sub) => sub.fn.countAll<number>().as('n'))
          .as('counted'),
      ]),
  )
  for (const row of perCustomer) {
    if (Number(row.counted) !== row.uses) {
      found.push({
        businessId: row.business_id,
        entryId: null,
        message: `Code ${row.code} counts ${row.uses} uses by customer ${row.customer_id}, but the ledger holds ${Number(row.counted)}.`,
      })
    }
  }
  found.push(...dailyCapMismatches(db))
  return found
}

/** Daily counters of capped campaigns, recounted per day in the business's zone. */
function dailyCapMismatches(db: Workspace): LedgerMismatch[] {
  const found: LedgerMismatch[] = []
  const capped = db.sql.all(
    db.qb
      .selectFrom('campaigns as cam')
      .innerJoin('businesses as b', 'b.id', 'cam.business_id')
      .select(['cam.id', 'cam.name', 'cam.business_id', 'b.time_zone'])
      .where('cam.max_uses_per_day', 'is not', null),
  )
  for (const campaign of capped) {
    const counted = new Map<string, number>()
    const uses = [
      ...db.sql.iterate(
        db.qb
          .selectFrom('redemptions')
          .select('occurred_at')
          .where('campaign_id', '=', campaign.id),
      ),
      ...db.sql.iterate(
        db.qb
          .selectFrom('promotion_uses')
          .select('occurred_at')
          .where('campaign_id', '=', campaign.id),
      ),
    ]
    for (const use of uses) {
      const day = localDayOf(use.occurred_at, campaign.time_zone)
      counted.set(day, (counted.get(day) ?? 0) + 1)
    }
    const stored = db.sql.all(
      db.qb
        .selectFrom('campaign_daily_uses')
        .select(['day', 'uses'])
        .where('campaign_id', '=', campaign.id),
    )
    const days = new Set([...counted.keys(), ...stored.map((row) => row.day)])
    for (const day of [...days].sort()) {
      const recorded = stored.find((row) => row.day === day)?.uses ?? 0
      const inLedger = counted.get(day) ?? 0
      if (recorded !== inLedger) {
        found.push({
          businessId: campaign.business_id,
          entryId: null,
          message: `Campaign ${campaign.name} counts ${recorded} uses on ${day}, but the ledger holds ${inLedger}.`,
        })
      }
    }
  }
  return found
}

interface Peekable<T extends { entry_id: number }> {
  /** The rows of entry `entryId`, consumed. */
  takeWhile(entryId: number): T[]
  /** Rows left after the last entry. */
  rest(): T[]
}

function peekable<T extends { entry_id: number }>(rows: IterableIterator<T>): Peekable<T> {
  let next = rows.next()
  /** Rows of an entry that does not exist, reported by rest(). */
  const orphans: T[] = []
  return {
    takeWhile(entryId) {
      const taken: T[] = []
      while (!next.done && next.value.entry_id <= entryId) {
        ;(next.value.entry_id === entryId ? taken : orphans).push(next.value)
        next = rows.next()
      }
      return taken
    },
    rest() {
      while (!next.done) {
        orphans.push(next.value)
        next = rows.next()
      }
      return orphans
    },
  }
}
