import type { Business } from '../../shared/contract/businesses'
import { DomainError, notFound } from '../api/domain-error'
import type { Workspace } from '../db/database'
import { planCommissionReversal } from '../commissions/reverse-commissions'
import { appendEntry } from '../ledger/append-entry'

/**
 * Decides an open case in one write transaction, recording who and why. Dismissing releases
 * its held commissions. Confirming takes back every commission still standing on its sales,
 * each by a clawback entry in the ledger (the sale itself is never touched), booked like any
 * reversal: in the accrual's period while it is open, else as an adjustment in the next one.
 */
export function decideCase(
  db: Workspace,
  business: Business,
  args: { caseId: number; action: 'dismiss' | 'confirm'; note: string; decidedBy: string },
  now: number,
): void {
  db.sql.transaction(() => {
    const found = db.sql.first(
      db.qb
        .selectFrom('fraud_cases')
        .select(['id', 'status'])
        .where('business_id', '=', business.id)
        .where('id', '=', args.caseId),
    )
    if (!found) throw notFound('This case', 'caseId')
    if (found.status !== 'open')
      throw new DomainError('conflict', `This case was already ${found.status}.`, {
        field: 'caseId',
      })
    if (args.action === 'confirm') clawBack(db, business, args.caseId, now)
    db.sql.run(
      db.qb
        .updateTable('fraud_cases')
        .set({ status: args.action === 'confirm' ? 'confirmed' : 'dismissed', updated_at: now })
        .where('id', '=', args.caseId),
    )
    db.sql.run(
      db.qb.insertInto('fraud_decisions').values({
        case_id: args.caseId,
        action: args.action,
        note: args.note,
        decided_by: args.decidedBy,
        decided_at: now,
      }),
    )
  })
}

function clawBack(db: Workspace, business: Business, caseId: number, now: number): void {
  const sales = db.sql.all(
    db.qb
      .selectFrom('fraud_case_entries as fe')
      .innerJoin('ledger_entries as e', 'e.id', 'fe.entry_id')
      .select(['e.id', 'e.order_ref', 'e.customer_id', 'e.channel', 'e.location', 'e.total_minor'])
      .where('fe.case_id', '=', caseId)
      .where('e.kind', '=', 'sale')
      .orderBy('e.id'),
  )
  for (const sale of sales) {
    const commissions = planCommissionReversal(
      db,
      business,
      { id: sale.id, totalMinor: sale.total_minor },
      sale.total_minor,
      true,
    ).map((row) => ({ ...row, note: `Clawed back: fraud case ${caseId} confirmed` }))
    if (commissions.length === 0) continue
    appendEntry(db, {
      businessId: business.id,
      timeZone: business.timeZone,
      kind: 'clawback',
      orderRef: sale.order_ref,
      idempotencyKey: `clawback:${caseId}:${sale.id}`,
      customerId: sale.customer_id,
      channel: sale.channel,
      location: sale.location,
      occurredAt: now,
      currency: business.currency,
      subtotalMinor: 0,
      discountMinor: 0,
      shippingMinor: 0,
      totalMinor: 0,
      detailsJson: JSON.stringify({ clawback: { caseId, saleEntryId: sale.id } }),
      redemptions: [],
      promotionUses: [],
      commissions,
    })
  }
}
