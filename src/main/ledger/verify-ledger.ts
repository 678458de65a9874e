import type { Workspace } from '../db/database'
import type { Selectable } from 'kysely'
import type { ValuesOf } from '../db/sql-runner'
import type {
  CommissionsTable,
  LedgerEntriesTable,
  PromotionUsesTable,
  RedemptionsTable,
} from '../db/schema'
import { GENESIS_HASH, saleHash, type HashedCommission, type HashedSale } from './entry-hash'
import { counterMismatches } from './verify-counters'

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

/** An entry's columns as the chain pass reads them: every hashed field, both hashes, the id. */
const ENTRY_COLUMNS = [
  'id',
  'business_id',
  'kind',
  'order_ref',
  'idempotency_key',
  'customer_id',
  'channel',
  'location',
  'occurred_at',
  'currency',
  'subtotal_minor',
  'discount_minor',
  'shipping_minor',
  'total_minor',
  'details_json',
  'prev_hash',
  'hash',
  'reverses_entry_id',
] as const
/** Rows attached to an entry start with its id, which the merge by entry id reads. */
const REDEMPTION_COLUMNS = [
  'entry_id',
  'code_id',
  'campaign_id',
  'promoter_id',
  'discount_minor',
  'uses',
] as const
const PROMOTION_USE_COLUMNS = ['entry_id', 'campaign_id', 'discount_minor', 'uses'] as const
const COMMISSION_COLUMNS = [
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
] as const

type EntryValues = ValuesOf<Selectable<LedgerEntriesTable>, typeof ENTRY_COLUMNS>
type RedemptionValues = ValuesOf<Selectable<RedemptionsTable>, typeof REDEMPTION_COLUMNS>
type PromotionUseValues = ValuesOf<Selectable<PromotionUsesTable>, typeof PROMOTION_USE_COLUMNS>
type CommissionValues = ValuesOf<Selectable<CommissionsTable>, typeof COMMISSION_COLUMNS>

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
    const chains = new ChainCheck()
    const usesPerCode = new Map<number, number>()
    const attached = attachedRows(db, scope)
    let entries = 0
    for (const values of db.sql.iterateValues<EntryValues>(
      db.qb
        .selectFrom('ledger_entries')
        .select(ENTRY_COLUMNS)
        .$if(scope.businessId !== undefined, (q) =>
          q.where('business_id', '=', scope.businessId ?? 0),
        )
        .orderBy('id'),
    )) {
      entries++
      if (entries % STEP === 0) yield entries
      const id = values[0]
      const rows: AttachedRows = {
        redemptions: attached.redemptions.takeWhile(id),
        promotionUses: attached.promotionUses.takeWhile(id),
        commissions: attached.commissions.takeWhile(id),
      }
      countUsesPerCode(usesPerCode, rows.redemptions)
      chains.check(storedEntry(values, rows))
    }
    const orphans = {
      redemptions: attached.redemptions.rest(),
      promotionUses: attached.promotionUses.rest(),
      commissions: attached.commissions.rest(),
    }
    // A use of no entry counts all the same, as a GROUP BY over the whole table would count it.
    countUsesPerCode(usesPerCode, orphans.redemptions)
    yield entries
    const mismatches = [
      ...chains.mismatches,
      ...orphanMismatches([
        ...orphans.redemptions,
        ...orphans.promotionUses,
        ...orphans.commissions,
      ]),
      ...counterMismatches(db, scope, usesPerCode),
    ]
    return { ok: mismatches.length === 0, entries, heads: chains.heads(), mismatches }
  } finally {
    endSnapshot()
  }
}

interface AttachedRows {
  redemptions: readonly RedemptionValues[]
  promotionUses: readonly PromotionUseValues[]
  commissions: readonly CommissionValues[]
}

/** An entry as stored: the fields its hash covers, and the hashes stored with it. */
interface StoredEntry {
  id: number
  orderRef: string
  prevHash: string
  hash: string
  sale: HashedSale
}

/**
 * Each business's chain: every entry must name the hash before it as its previous hash, and its
 * own hash must be the one its fields give. Only the first break of each chain is reported:
 * every hash after it follows from the broken one.
 */
class ChainCheck {
  readonly mismatches: LedgerMismatch[] = []
  private readonly lastHash = new Map<number, string>()
  private readonly broken = new Set<number>()

  check({ id, orderRef, prevHash, hash, sale }: StoredEntry): void {
    const { businessId } = sale
    if (this.broken.has(businessId)) return
    const previous = this.lastHash.get(businessId) ?? GENESIS_HASH
    if (prevHash !== previous || hash !== saleHash(previous, sale)) {
      this.broken.add(businessId)
      this.mismatches.push({
        businessId,
        entryId: id,
        message:
          prevHash !== previous
            ? `Entry ${id} (order ${orderRef}) does not follow the entry before it: an entry was removed, inserted or reordered.`
            : `Entry ${id} (order ${orderRef}) does not match its hash: it was changed after it was written.`,
      })
    }
    this.lastHash.set(businessId, hash)
  }

  /** Each business's last hash: the one of its first broken entry when its chain breaks. */
  heads(): { businessId: number; hash: string }[] {
    return [...this.lastHash].map(([businessId, hash]) => ({ businessId, hash }))
  }
}

/** Names an entry's values and the rows attached to it, as the hash rule reads them. */
function storedEntry(values: EntryValues, attached: AttachedRows): StoredEntry {
  const [
    id,
    businessId,
    kind,
    orderRef,
    idempotencyKey,
    customerId,
    channel,
    location,
    occurredAt,
    currency,
    subtotalMinor,
    discountMinor,
    shippingMinor,
    totalMinor,
    detailsJson,
    prevHash,
    hash,
    reversesEntryId,
  ] = values
  const sale: HashedSale = {
    businessId,
    kind,
    orderRef,
    idempotencyKey,
    customerId,
    channel,
    location,
    occurredAt,
    currency,
    subtotalMinor,
    discountMinor,
    shippingMinor,
    totalMinor,
    detailsJson,
    redemptions: attached.redemptions.map(
      ([, codeId, campaignId, promoterId, discountMinor, uses]) => ({
        codeId,
        campaignId,
        promoterId,
        discountMinor,
        uses,
      }),
    ),
    promotionUses: attached.promotionUses.map(([, campaignId, discountMinor, uses]) => ({
      campaignId,
      discountMinor,
      uses,
    })),
    reversesEntryId,
    commissions: attached.commissions.map((row) => hashedCommission(id, row)),
  }
  return { id, orderRef, prevHash, hash, sale }
}

function hashedCommission(entryId: number, row: CommissionValues): HashedCommission {
  const [
    ,
    saleEntryId,
    promoterId,
    campaignId,
    kind,
    periodKey,
    originPeriodKey,
    baseMinor,
    amountMinor,
    payableAt,
    note,
  ] = row
  return {
    promoterId,
    campaignId,
    kind,
    periodKey,
    originPeriodKey,
    baseMinor,
    amountMinor,
    payableAt,
    note,
    // Left out when the row belongs to the entry that wrote it, as the writer leaves it out.
    ...(saleEntryId === entryId ? {} : { saleEntryId }),
  }
}

/**
 * The rows attached to entries, each table read once in rowid order. Rows are appended in entry
 * order, so their rowids run in the same order as the entries: one pass over each table, merged
 * by entry id, with no sort and no index.
 */
function attachedRows(db: Workspace, scope: Scope) {
  const scoped = scope.businessId !== undefined
  const businessId = scope.businessId ?? 0
  return {
    redemptions: mergeable(
      db.sql.iterateValues<RedemptionValues>(
        db.qb
          .selectFrom('redemptions')
          .select(REDEMPTION_COLUMNS)
          .$if(scoped, (q) => q.where('business_id', '=', businessId))
          .orderBy('id'),
      ),
    ),
    promotionUses: mergeable(
      db.sql.iterateValues<PromotionUseValues>(
        db.qb
          .selectFrom('promotion_uses')
          .select(PROMOTION_USE_COLUMNS)
          .$if(scoped, (q) => q.where('business_id', '=', businessId))
          .orderBy('id'),
      ),
    ),
    commissions: mergeable(
      db.sql.iterateValues<CommissionValues>(
        db.qb
          .selectFrom('commissions')
          .select(COMMISSION_COLUMNS)
          .$if(scoped, (q) => q.where('business_id', '=', businessId))
          .orderBy('id'),
      ),
    ),
  }
}

function orphanMismatches(orphans: [entryId: number, ...unknown[]][]): LedgerMismatch[] {
  return orphans.map(([entryId]) => ({
    businessId: 0,
    entryId,
    message: `A use or commission points at entry ${entryId}, which is not in the ledger.`,
  }))
}

/**
 * Adds each redemption's uses to its code's count: the sums a GROUP BY code_id would give,
 * taken from the rows the chain pass reads anyway instead of a second pass over the table.
 */
function countUsesPerCode(
  perCode: Map<number, number>,
  redemptions: readonly RedemptionValues[],
): void {
  for (const [, codeId, , , , uses] of redemptions) {
    perCode.set(codeId, (perCode.get(codeId) ?? 0) + uses)
  }
}

interface Mergeable<T extends [entryId: number, ...unknown[]]> {
  /** The rows of entry `entryId`, consumed; rows of smaller ids left behind are orphans. */
  takeWhile(entryId: number): readonly T[]
  /** Rows of no entry: those skipped over and those left after the last entry. */
  rest(): T[]
}

/** Rows of most entries: shared, since it is only read. */
const NONE: readonly never[] = []

function mergeable<T extends [entryId: number, ...unknown[]]>(
  rows: IterableIterator<T>,
): Mergeable<T> {
  let next = rows.next()
  const orphans: T[] = []
  return {
    takeWhile(entryId) {
      let taken: T[] | undefined
      while (!next.done && next.value[0] <= entryId) {
        if (next.value[0] !== entryId) orphans.push(next.value)
        else if (taken === undefined) taken = [next.value]
        else taken.push(next.value)
        next = rows.next()
      }
      return taken ?? NONE
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
