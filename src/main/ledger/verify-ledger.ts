import type { Workspace } from '../db/database'
import type { Selectable } from 'kysely'
import type { LedgerEntriesTable } from '../db/schema'
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

/** Verify one business only (its chain and counters), or every business when left out. */
export interface Scope {
  businessId?: number
}

export interface VerifyOptions extends Scope {
  /** Called every few thousand entries. */
  onProgress?: (entries: number) => void
}

type EntryRow = Selectable<LedgerEntriesTable>

/**
 * Recomputes every business's hash chain from its entries and the rows attached to them, then
 * recounts the use counters from the entries, all in one snapshot of the file. Reports the first
 * break in each chain (an edited, removed or reordered entry breaks every hash after it) and
 * every counter that disagrees.
 */
export function verifyLedger(db: Workspace, options: VerifyOptions = {}): LedgerReport {
  const steps = verification(db, options)
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
    options.onProgress?.(step.value)
  }
}

/** Entries checked between two steps of a verification. */
const STEP = 10_000

/**
 * The verification in steps: yields the entries checked so far every STEP entries, so a job can
 * report progress and let other work run in between. All steps read one snapshot; run it on a
 * connection of its own when other requests may write meanwhile.
 */
export function* verification(db: Workspace, scope: Scope = {}): Generator<number, LedgerReport> {
  const endSnapshot = db.sql.beginSnapshot()
  try {
    const mismatches: LedgerMismatch[] = []
    const heads = new Map<number, string>()
    const broken = new Set<number>()
    // Rows are appended in entry order, so their rowids run in the same order as the entries:
    // one pass over each table, merged by entry id, with no sort and no index.
    const redemptions = peekable(
      db.sql.iterate(
        db.qb
          .selectFrom('redemptions')
          .$if(scope.businessId !== undefined, (q) =>
            q.where('business_id', '=', scope.businessId ?? 0),
          )
          .select(['entry_id', 'code_id', 'campaign_id', 'promoter_id', 'discount_minor', 'uses'])
          .orderBy('id'),
      ),
    )
    const promotionUses = peekable(
      db.sql.iterate(
        db.qb
          .selectFrom('promotion_uses')
          .$if(scope.businessId !== undefined, (q) =>
            q.where('business_id', '=', scope.businessId ?? 0),
          )
          .select(['entry_id', 'campaign_id', 'discount_minor', 'uses'])
          .orderBy('id'),
      ),
    )
    const commissions = peekable(
      db.sql.iterate(
        db.qb
          .selectFrom('commissions')
          .$if(scope.businessId !== undefined, (q) =>
            q.where('business_id', '=', scope.businessId ?? 0),
          )
          .select([
            'entry_id',
            'sale_entry_id',
            'promoter_id',
            'campaign_id',
            'kind',
            'period_key',
            'origin_period_key',
            'base_minor',
            'amount_minor',
            'payable_at',
            'note',
          ])
          .orderBy('id'),
      ),
    )
    let entries = 0
    for (const entry of db.sql.iterate<EntryRow>(
      db.qb
        .selectFrom('ledger_entries')
        .selectAll()
        .$if(scope.businessId !== undefined, (q) =>
          q.where('business_id', '=', scope.businessId ?? 0),
        )
        .orderBy('id'),
    )) {
      entries++
      if (entries % STEP === 0) yield entries
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
          uses: row.uses,
        })),
        promotionUses: promotionUses.takeWhile(entry.id).map((row) => ({
          campaignId: row.campaign_id,
          discountMinor: row.discount_minor,
          uses: row.uses,
        })),
        reversesEntryId: entry.reverses_entry_id,
        commissions: commissions.takeWhile(entry.id).map((row) => ({
          promoterId: row.promoter_id,
          campaignId: row.campaign_id,
          kind: row.kind,
          periodKey: row.period_key,
          originPeriodKey: row.origin_period_key,
          baseMinor: row.base_minor,
          amountMinor: row.amount_minor,
          payableAt: row.payable_at,
          note: row.note,
          ...(row.sale_entry_id === entry.id ? {} : { saleEntryId: row.sale_entry_id }),
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
    for (const orphan of [...redemptions.rest(), ...promotionUses.rest(), ...commissions.rest()]) {
      mismatches.push({
        businessId: 0,
        entryId: orphan.entry_id,
        message: `A use or commission points at entry ${orphan.entry_id}, which is not in the ledger.`,
      })
    }
    yield entries
    mismatches.push(...counterMismatches(db, scope))
    return {
      ok: mismatches.length === 0,
      entries,
      heads: [...heads].map(([businessId, hash]) => ({ businessId, hash })),
      mismatches,
    }
  } finally {
    endSnapshot()
  }
}

/**
 * The use counters the limits rely on, recounted from the ledger's rows: one grouped pass over
 * the redemptions each, never a count per counter (a million counters would mean a million
 * index probes).
 */
function counterMismatches(db: Workspace, scope: Scope): LedgerMismatch[] {
  const businessId = scope.businessId ?? 0
  const scoped = scope.businessId !== undefined
  const found: LedgerMismatch[] = []
  const perCode = new Map<number, number>()
  for (const row of db.sql.iterate(
    db.qb
      .selectFrom('redemptions')
      .$if(scoped, (q) => q.where('business_id', '=', businessId))
      .select((eb) => ['code_id', eb.fn.sum<number>('uses').as('n')])
      .groupBy('code_id'),
  )) {
    perCode.set(row.code_id, Number(row.n))
  }
  for (const code of db.sql.iterate(
    db.qb
      .selectFrom('codes')
      .select(['id', 'business_id', 'code', 'uses_count'])
      .$if(scoped, (q) => q.where('business_id', '=', businessId))
      .orderBy('id'),
  )) {
    const inLedger = perCode.get(code.id) ?? 0
    if (inLedger !== code.uses_count) {
      found.push({
        businessId: code.business_id,
        entryId: null,
        message: `Code ${code.code} counts ${code.uses_count} uses, but the ledger holds ${inLedger}.`,
      })
    }
  }

  const recorded = new Map<string, number>()
  for (const row of db.sql.iterate(
    db.qb
      .selectFrom('code_customer_uses')
      .select(['code_id', 'customer_id', 'uses'])
      .$if(scoped, (q) =>
        q.where('code_id', 'in', (eb) =>
          eb.selectFrom('codes').select('id').where('business_id', '=', businessId),
        ),
      ),
  )) {
    recorded.set(`${row.code_id}:${row.customer_id}`, row.uses)
  }
  const codeNames = new Map<number, { code: string; businessId: number }>()
  const nameOf = (codeId: number) => {
    let name = codeNames.get(codeId)
    if (!name) {
      const row = db.sql.first(
        db.qb.selectFrom('codes').select(['code', 'business_id']).where('id', '=', codeId),
      )
      name = { code: row?.code ?? String(codeId), businessId: row?.business_id ?? 0 }
      codeNames.set(codeId, name)
    }
    return name
  }
  const report = (codeId: number, customerId: string, stored: number, inLedger: number) => {
    const { code, businessId } = nameOf(codeId)
    found.push({
      businessId,
      entryId: null,
      message: `Code ${code} counts ${stored} uses by customer ${customerId}, but the ledger holds ${inLedger}.`,
    })
  }
  for (const row of db.sql.iterate(
    db.qb
      .selectFrom('redemptions')
      .$if(scoped, (q) => q.where('business_id', '=', businessId))
      .select((eb) => ['code_id', 'customer_id', eb.fn.sum<number>('uses').as('n')])
      .where('customer_id', 'is not', null)
      .groupBy(['code_id', 'customer_id']),
  )) {
    const key = `${row.code_id}:${row.customer_id}`
    const stored = recorded.get(key) ?? 0
    recorded.delete(key)
    if (stored !== Number(row.n))
      report(row.code_id, String(row.customer_id), stored, Number(row.n))
  }
  // Counters with no use behind them at all.
  for (const [key, stored] of recorded) {
    const [codeId = '0', customerId = '0'] = key.split(':')
    if (stored !== 0) report(Number(codeId), customerId, stored, 0)
  }
  found.push(...dailyCapMismatches(db, scope))
  return found
}

/** Daily counters of capped campaigns, recounted per day in the business's zone. */
function dailyCapMismatches(db: Workspace, scope: Scope): LedgerMismatch[] {
  const found: LedgerMismatch[] = []
  const capped = db.sql.all(
    db.qb
      .selectFrom('campaigns as cam')
      .innerJoin('businesses as b', 'b.id', 'cam.business_id')
      .select(['cam.id', 'cam.name', 'cam.business_id', 'b.time_zone'])
      .where('cam.max_uses_per_day', 'is not', null)
      .$if(scope.businessId !== undefined, (q) =>
        q.where('cam.business_id', '=', scope.businessId ?? 0),
      ),
  )
  for (const campaign of capped) {
    const counted = new Map<string, number>()
    const uses = [
      ...db.sql.iterate(
        db.qb
          .selectFrom('redemptions')
          .select('occurred_at')
          .where('campaign_id', '=', campaign.id)
          // Daily caps count the day's sales; a later reversal does not give a day's use back.
          .where('uses', '=', 1),
      ),
      ...db.sql.iterate(
        db.qb
          .selectFrom('promotion_uses')
          .select('occurred_at')
          .where('campaign_id', '=', campaign.id)
          .where('uses', '=', 1),
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
