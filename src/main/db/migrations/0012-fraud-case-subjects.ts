import type { Kysely } from 'kysely'

// Frozen once released: later changes go in new migration files.
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Cases by what they are about, whatever their status. A sale that sets off a signal looks up
 * the open case of its subject and the entries already decided in closed ones; the partial
 * index of open cases serves neither (its condition is a literal the prepared query binds as a
 * parameter, and decided cases are outside it), so each lookup read every case of the file:
 * about half a millisecond per flagged sale once a shop has a few thousand cases.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('fraud_cases_by_subject')
    .on('fraud_cases')
    .columns(['business_id', 'signal', 'subject'])
    .execute()
}
