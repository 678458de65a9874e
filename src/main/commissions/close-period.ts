import type { Business } from '../../shared/contract/businesses'
import type { Statement } from '../../shared/contract/payouts'
import { periodLabel } from '../../shared/commissions/periods'
import { formatMoney } from '../../shared/money'
import { DomainError } from '../api/domain-error'
import type { Workspace } from '../db/database'
import { findProgram } from '../db/repos/programs.repo'
import { headHash } from '../ledger/append-entry'
import { lastClosedPeriod } from './accrue'
import { isPeriodOf, periodBounds } from './periods'
import { closedPeriod, liveFigures, statementsOf } from './statements'

/**
 * Closes a payout period in one transaction: freezes every promoter's statement and records the
 * ledger head. From then on the database refuses commissions booked into it; later reversals
 * of its sales land in the next open period. Periods close in order, once they have ended.
 */
export function closePeriod(db: Workspace, business: Business, key: string, now: number): void {
  // A closed key of another length would break the ordering that booking relies on.
  const length = findProgram(db, business.id).periodLength
  if (!isPeriodOf(key, business.timeZone, length))
    throw new DomainError(
      'invalid_input',
      `This business’s payout periods are ${length === 'monthly' ? 'months, like 2026-11' : 'weeks, like 2026-W48'}.`,
      { field: 'periodKey' },
    )
  const { startsAt, endsAt } = periodBounds(key, business.timeZone)
  const label = periodLabel(key)
  if (now < endsAt)
    throw new DomainError('conflict', `${label} has not ended yet; close it once it is over.`, {
      field: 'periodKey',
    })
  db.sql.transaction(() => {
    if (closedPeriod(db, business.id, key))
      throw new DomainError('conflict', `${label} is already closed.`, { field: 'periodKey' })
    const lastClosed = lastClosedPeriod(db, business.id)
    if (lastClosed !== null && key < lastClosed)
      throw new DomainError(
        'conflict',
        `${label} comes before ${periodLabel(lastClosed)}, which is already closed.`,
        {
          field: 'periodKey',
        },
      )
    const earlier = db.sql.first(
      db.qb
        .selectFrom('commissions')
        .select('period_key')
        .where('business_id', '=', business.id)
        .where('period_key', '<', key)
        .$if(lastClosed !== null, (q) => q.where('period_key', '>', lastClosed ?? ''))
        .orderBy('period_key')
        .limit(1),
    )
    if (earlier)
      throw new DomainError(
        'conflict',
        `Close ${periodLabel(earlier.period_key)} first: periods close in order.`,
        { field: 'periodKey' },
      )
    db.sql.run(
      db.qb.insertInto('payout_periods').values({
        business_id: business.id,
        period_key: key,
        starts_at: startsAt,
        ends_at: endsAt,
        closed_at: now,
        ledger_head: headHash(db, business.id),
      }),
    )
    for (const figure of liveFigures(db, business.id, key, endsAt)) {
      db.sql.run(
        db.qb.insertInto('statements').values({
          business_id: business.id,
          period_key: key,
          promoter_id: figure.promoterId,
          opening_minor: figure.openingMinor,
          accrued_minor: figure.accruedMinor,
          reversed_minor: figure.reversedMinor,
          adjustments_minor: figure.adjustmentsMinor,
          pending_minor: figure.pendingMinor,
          payable_minor: figure.payableMinor,
        }),
      )
    }
  })
}

/**
 * Records a closed statement as paid, for exactly its payable amount (the database checks it).
 * Only the latest closed period can be paid: an unpaid balance of an earlier one was carried
 * into the next statement, which pays it.
 */
export function markPaid(
  db: Workspace,
  business: Business,
  args: { periodKey: string; promoterId: number; paidOn: string; reference: string },
  now: number,
): Statement {
  const label = periodLabel(args.periodKey)
  return db.sql.transaction(() => {
    if (!closedPeriod(db, business.id, args.periodKey))
      throw new DomainError('conflict', `Close ${label} before paying its statements.`, {
        field: 'periodKey',
      })
    const lastClosed = lastClosedPeriod(db, business.id)
    if (lastClosed !== args.periodKey)
      throw new DomainError(
        'conflict',
        `${label}'s unpaid balances were carried into ${periodLabel(lastClosed ?? '')}; pay that statement instead.`,
        { field: 'periodKey' },
      )
    const statement = statementsOf(db, business, args.periodKey).find(
      (candidate) => candidate.promoterId === args.promoterId,
    )
    if (!statement)
      throw new DomainError('not_found', `This promoter has no statement for ${label}.`, {
        field: 'promoterId',
      })
    if (statement.paid)
      throw new DomainError(
        'conflict',
        `${statement.promoterName}'s statement for ${label} was already paid on ${statement.paid.paidOn} (${statement.paid.reference}).`,
        { field: 'promoterId' },
      )
    if (statement.payableMinor === 0)
      throw new DomainError(
        'conflict',
        `${statement.promoterName} has nothing payable for ${label}${statement.pendingMinor > 0 ? ` (${formatMoney(statement.pendingMinor, business.currency)} is still pending)` : ''}.`,
        { field: 'promoterId' },
      )
    db.sql.run(
      db.qb.insertInto('payouts').values({
        business_id: business.id,
        period_key: args.periodKey,
        promoter_id: args.promoterId,
        amount_minor: statement.payableMinor,
        paid_on: args.paidOn,
        reference: args.reference,
        created_at: now,
      }),
    )
    return {
      ...statement,
      paidMinor: statement.payableMinor,
      paid: { paidOn: args.paidOn, reference: args.reference },
      closingMinor: statement.closingMinor - statement.payableMinor,
    }
  })
}
