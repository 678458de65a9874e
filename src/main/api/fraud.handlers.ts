import { findFraudSettings, saveFraudSettings } from '../db/repos/fraud-settings.repo'
import { blockKey } from '../fraud/blocks'
import { caseDetail, listCases } from '../fraud/case-queries'
import { decideCase } from '../fraud/decide'
import { scanHistory } from '../fraud/scan'
import type { HandlerContext, HandlerGroup } from './context'
import { requireBusiness } from './businesses.handlers'
import { DomainError, notFound } from './domain-error'

export function fraudHandlers({
  db,
  clock,
  jobs,
}: HandlerContext): HandlerGroup<
  | 'fraud.settings'
  | 'fraud.updateSettings'
  | 'fraud.cases'
  | 'fraud.case'
  | 'fraud.decide'
  | 'fraud.block'
  | 'fraud.unblock'
  | 'fraud.blocks'
  | 'fraud.scan'
> {
  const blocks = (businessId: number) =>
    db.sql
      .all(
        db.qb
          .selectFrom('blocks')
          .selectAll()
          .where('business_id', '=', businessId)
          .orderBy('created_at', 'desc')
          .orderBy('id', 'desc'),
      )
      .map((row) => ({
        id: row.id,
        kind: row.kind,
        value: row.value,
        note: row.note,
        createdBy: row.created_by,
        createdAt: row.created_at,
        caseId: row.case_id,
      }))

  return {
    'fraud.settings': ({ businessId }) => {
      requireBusiness(db, businessId)
      return findFraudSettings(db, businessId)
    },

    'fraud.updateSettings': ({ businessId, settings }) => {
      requireBusiness(db, businessId)
      saveFraudSettings(db, businessId, settings, clock.now())
      return findFraudSettings(db, businessId)
    },

    'fraud.cases': ({ businessId, ...filter }) => {
      requireBusiness(db, businessId)
      return listCases(db, businessId, filter)
    },

    'fraud.case': ({ businessId, caseId }) => {
      requireBusiness(db, businessId)
      return caseDetail(db, businessId, caseId)
    },

    'fraud.decide': ({ businessId, ...args }) => {
      const business = requireBusiness(db, businessId)
      decideCase(db, business, args, clock.now())
      return caseDetail(db, businessId, args.caseId)
    },

    'fraud.block': ({ businessId, kind, value, note, decidedBy, caseId }) => {
      requireBusiness(db, businessId)
      const now = clock.now()
      return db.sql.transaction(() => {
        if (caseId !== undefined) {
          const owned = db.sql.first(
            db.qb
              .selectFrom('fraud_cases')
              .select('id')
              .where('business_id', '=', businessId)
              .where('id', '=', caseId),
          )
          if (!owned) throw notFound('This case', 'caseId')
        }
        const valueKey = blockKey(kind, value)
        const existing = db.sql.first(
          db.qb
            .selectFrom('blocks')
            .select('value')
            .where('business_id', '=', businessId)
            .where('kind', '=', kind)
            .where('value_key', '=', valueKey),
        )
        // The unique index stands behind this check; the check gives the readable sentence.
        if (existing)
          throw new DomainError('conflict', `${existing.value} is already blocked.`, {
            field: 'value',
          })
        const id = db.sql.first(
          db.qb
            .insertInto('blocks')
            .values({
              business_id: businessId,
              kind,
              value_key: valueKey,
              value,
              case_id: caseId ?? null,
              note,
              created_by: decidedBy,
              created_at: now,
            })
            .returning('id'),
        )?.id
        if (caseId !== undefined)
          db.sql.run(
            db.qb.insertInto('fraud_decisions').values({
              case_id: caseId,
              action: 'block',
              note: note || `Blocked ${kind} ${value}`,
              decided_by: decidedBy,
              decided_at: now,
            }),
          )
        const block = blocks(businessId).find((row) => row.id === id)
        if (!block) throw new Error('The block was not written.')
        return block
      })
    },

    'fraud.unblock': ({ businessId, blockId }) => {
      requireBusiness(db, businessId)
      const removed = db.sql.run(
        db.qb.deleteFrom('blocks').where('business_id', '=', businessId).where('id', '=', blockId),
      ).changes
      if (removed === 0) throw notFound('This block', 'blockId')
      return { id: blockId }
    },

    'fraud.blocks': ({ businessId }) => {
      requireBusiness(db, businessId)
      return blocks(businessId)
    },

    'fraud.scan': ({ businessId }) => {
      const business = requireBusiness(db, businessId)
      const job = jobs.start('Scanning the history for fraud', (control) =>
        scanHistory(db, business, clock.now(), control),
      )
      return { jobId: job.id }
    },
  }
}
