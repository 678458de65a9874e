import type { Workspace } from '../db/database'
import { localDayOf } from '../time/local-dates'
import type { LedgerMismatch, Scope } from './verify-ledger'

/*
 * The second half of a verification: the counters the limits rely on, recounted from the
 * ledger's rows and compared with the stored ones. The chain pass counts each code's uses as it
 * reads the redemptions, and hands that count in.
 */

/** The use counters the limits rely on, compared with the uses the ledger holds. */
export function counterMismatches(
  db: Workspace,
  scope: Scope,
  usesPerCode: Map<number, number>,
): LedgerMismatch[] {
  return [
    ...codeCounterMismatches(db, scope, usesPerCode),
    ...customerCounterMismatches(db, scope),
    ...dailyCapMismatches(db, scope),
  ]
}

function codeCounterMismatches(
  db: Workspace,
  scope: Scope,
  usesPerCode: Map<number, number>,
): LedgerMismatch[] {
  const found: LedgerMismatch[] = []
  for (const code of db.sql.iterate(
    db.qb
      .selectFrom('codes')
      .select(['id', 'business_id', 'code', 'uses_count'])
      .$if(scope.businessId !== undefined, (q) =>
        q.where('business_id', '=', scope.businessId ?? 0),
      )
      .orderBy('id'),
  )) {
    const inLedger = usesPerCode.get(code.id) ?? 0
    if (inLedger !== code.uses_count) {
      found.push({
        businessId: code.business_id,
        entryId: null,
        message: `Code ${code.code} counts ${code.uses_count} uses, but the ledger holds ${inLedger}.`,
      })
    }
  }
  return found
}

/**
 * The per-customer counters that disagree with the ledger's uses, compared in SQL: there can be
 * as many as redemptions, too many to bring over one by one. A full join of the uses grouped by
 * code and customer with the stored counters finds both a counter that differs and a use no
 * counter records (or a counter with no use behind it).
 */
function customerCounterMismatches(db: Workspace, scope: Scope): LedgerMismatch[] {
  const scoped = scope.businessId !== undefined
  const codesOfBusiness = db.qb
    .selectFrom('codes')
    .select('id')
    .where('business_id', '=', scope.businessId ?? 0)
  const differing = db.sql.all(
    db.qb
      .selectFrom((eb) =>
        eb
          .selectFrom('redemptions')
          .select((inner) => ['code_id', 'customer_id', inner.fn.sum<number>('uses').as('n')])
          .where('customer_id', 'is not', null)
          .$if(scoped, (q) => q.where('business_id', '=', scope.businessId ?? 0))
          .groupBy(['code_id', 'customer_id'])
          .as('counted'),
      )
      // Only this business's counters: a use of another business's code meets no counter.
      .fullJoin('code_customer_uses as stored', (join) => {
        const samePair = join
          .onRef('stored.code_id', '=', 'counted.code_id')
          .onRef('stored.customer_id', '=', 'counted.customer_id')
        return scoped ? samePair.on('stored.code_id', 'in', codesOfBusiness) : samePair
      })
      .$if(scoped, (q) =>
        q.where((eb) =>
          eb.or([eb('stored.code_id', 'is', null), eb('stored.code_id', 'in', codesOfBusiness)]),
        ),
      )
      .where((eb) =>
        eb(eb.fn.coalesce('stored.uses', eb.lit(0)), '<>', eb.fn.coalesce('counted.n', eb.lit(0))),
      )
      .select((eb) => [
        eb.fn.coalesce('counted.code_id', 'stored.code_id').as('code_id'),
        eb.fn.coalesce('counted.customer_id', 'stored.customer_id').as('customer_id'),
        eb.fn.coalesce('stored.uses', eb.lit(0)).as('stored'),
        eb.fn.coalesce('counted.n', eb.lit(0)).as('in_ledger'),
      ])
      .orderBy('code_id')
      .orderBy('customer_id'),
  )
  const codes = codeNames(db)
  return differing.map((row) => {
    const { code, businessId } = codes(Number(row.code_id))
    return {
      businessId,
      entryId: null,
      message: `Code ${code} counts ${row.stored} uses by customer ${row.customer_id}, but the ledger holds ${Number(row.in_ledger)}.`,
    }
  })
}

/** Looks codes up by id, once each: only for the few counters that disagree. */
function codeNames(db: Workspace): (codeId: number) => { code: string; businessId: number } {
  const names = new Map<number, { code: string; businessId: number }>()
  return (codeId) => {
    let name = names.get(codeId)
    if (!name) {
      const row = db.sql.first(
        db.qb.selectFrom('codes').select(['code', 'business_id']).where('id', '=', codeId),
      )
      name = { code: row?.code ?? String(codeId), businessId: row?.business_id ?? 0 }
      names.set(codeId, name)
    }
    return name
  }
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
