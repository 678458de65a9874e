import type { Workspace } from '../db/database'
import { preparedQuery } from '../db/prepared-query'
import type { Hit } from './hits'

const openCase = preparedQuery((db, p: { businessId: number; signal: string; subject: string }) =>
  db.qb
    .selectFrom('fraud_cases')
    .select('id')
    .where('business_id', '=', p.businessId)
    .where('signal', '=', p.signal)
    .where('subject', '=', p.subject)
    .where('status', '=', 'open'),
)

/** Entries a reviewer already decided on, in dismissed or confirmed cases about the same thing. */
const decidedEntries = preparedQuery(
  (db, p: { businessId: number; signal: string; subject: string }) =>
    db.qb
      .selectFrom('fraud_case_entries as fe')
      .innerJoin('fraud_cases as fc', 'fc.id', 'fe.case_id')
      .select('fe.entry_id')
      .where('fc.business_id', '=', p.businessId)
      .where('fc.signal', '=', p.signal)
      .where('fc.subject', '=', p.subject)
      .where('fc.status', '!=', 'open'),
)

const addEntry = preparedQuery(
  (db, p: { case_id: number; entry_id: number; evidence_json: string; added_at: number }) =>
    db.qb
      .insertInto('fraud_case_entries')
      .values(p)
      .onConflict((oc) => oc.columns(['case_id', 'entry_id']).doNothing()),
)

/**
 * Opens a case for each hit, or extends the open case about the same signal and subject with
 * the hit's entries (an entry already in it is left as it was). Entries already decided in a
 * dismissed or confirmed case about the same signal and subject are left out, so a decision
 * sticks: a later scan or sale does not put them back in the queue (nor hold their
 * commissions again); a hit with nothing new opens nothing. Call inside a write transaction.
 * Returns the ids of the cases touched.
 */
export function recordHits(db: Workspace, businessId: number, hits: Hit[], now: number): number[] {
  const touched: number[] = []
  for (const hit of hits) {
    const key = { businessId, signal: hit.signal, subject: hit.subject }
    const decided = new Set(db.sql.all(decidedEntries(db, key)).map((row) => row.entry_id))
    const entries = hit.entries.filter((entry) => !decided.has(entry.entryId))
    if (entries.length === 0) continue
    let caseId = db.sql.first(openCase(db, key))?.id
    if (caseId === undefined) {
      caseId = db.sql.first(
        db.qb
          .insertInto('fraud_cases')
          .values({
            business_id: businessId,
            signal: hit.signal,
            subject: hit.subject,
            summary: hit.summary,
            promoter_id: hit.promoterId,
            status: 'open',
            opened_at: now,
            updated_at: now,
          })
          .returning('id'),
      )?.id
      if (caseId === undefined) throw new Error('Opening a fraud case returned no id.')
    }
    let added = 0
    for (const entry of entries) {
      added += db.sql.run(
        addEntry(db, {
          case_id: caseId,
          entry_id: entry.entryId,
          evidence_json: JSON.stringify(entry.evidence),
          added_at: now,
        }),
      ).changes
    }
    if (added > 0)
      db.sql.run(
        db.qb
          .updateTable('fraud_cases')
          .set({ updated_at: now, summary: hit.summary })
          .where('id', '=', caseId),
      )
    touched.push(caseId)
  }
  return touched
}
