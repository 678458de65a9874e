import { sql } from 'kysely'
import type { Program, SaleAttribution } from '../../shared/contract/commissions'
import type { Business } from '../../shared/contract/businesses'
import type { ProgramSettings } from '../../shared/commissions/rules'
import { explainAttribution } from '../../shared/commissions/explain-attribution'
import type { Workspace } from '../db/database'
import { findProgram, saveCampaignRule, saveProgram } from '../db/repos/programs.repo'
import { findOrCreateCustomer } from '../db/repos/customers.repo'
import { startOfLocalDay } from '../time/local-dates'
import type { Attribution } from '../commissions/choose-winner'
import { importEngagements, planEngagementImport } from '../commissions/import-engagements'
import { commissionRows } from '../commissions/commission-rows'
import type { HandlerContext, HandlerGroup } from './context'
import { requireBusiness } from './businesses.handlers'
import { requirePromoter } from './promoters.handlers'
import { DomainError, notFound } from './domain-error'

const num = (value: unknown) => Number(value ?? 0)

/** Commissions booked or a period closed: period keys exist, so their length is fixed. */
function hasCommissions(db: Workspace, businessId: number): boolean {
  const booked = db.sql.first(
    db.qb.selectFrom('commissions').select('id').where('business_id', '=', businessId).limit(1),
  )
  const closed = db.sql.first(
    db.qb
      .selectFrom('payout_periods')
      .select('period_key')
      .where('business_id', '=', businessId)
      .limit(1),
  )
  return Boolean(booked ?? closed)
}

function programOf(db: Workspace, businessId: number): Program {
  return {
    businessId,
    ...findProgram(db, businessId),
    periodLengthLocked: hasCommissions(db, businessId),
  }
}

function promoterNames(db: Workspace, businessId: number): Map<number, string> {
  return new Map(
    db.sql
      .all(
        db.qb.selectFrom('promoters').select(['id', 'name']).where('business_id', '=', businessId),
      )
      .map((row) => [row.id, row.name]),
  )
}

function saleAttribution(db: Workspace, business: Business, entryId: number): SaleAttribution {
  const entry = db.sql.first(
    db.qb
      .selectFrom('ledger_entries')
      .select(['id', 'kind', 'details_json'])
      .where('business_id', '=', business.id)
      .where('id', '=', entryId),
  )
  if (!entry || entry.kind !== 'sale') throw notFound('This sale', 'entryId')
  const names = promoterNames(db, business.id)
  const stored = (JSON.parse(entry.details_json) as { attribution?: Attribution }).attribution
  // Sales recorded before attribution existed have none: nobody won them.
  const attribution: Attribution = stored ?? {
    model: findProgram(db, business.id).attributionModel,
    promoterId: null,
    reason: 'none',
    engagements: [],
  }
  const commission = db.sql.first(
    db.qb
      .selectFrom('commissions')
      .select((eb) => eb.fn.sum<number>('amount_minor').as('total'))
      .where('sale_entry_id', '=', entryId),
  )
  const nameOf = (promoterId: number) => names.get(promoterId) ?? `Promoter ${promoterId}`
  return {
    entryId,
    model: attribution.model,
    promoterId: attribution.promoterId,
    promoterName: attribution.promoterId === null ? null : nameOf(attribution.promoterId),
    reason: attribution.reason,
    explanation: explainAttribution(attribution, nameOf),
    engagements: attribution.engagements.map((engagement) => ({
      ...engagement,
      promoterName: nameOf(engagement.promoterId),
    })),
    commissionMinor: num(commission?.total),
  }
}

export function commissionsHandlers({
  db,
  clock,
  jobs,
}: HandlerContext): HandlerGroup<
  | 'program.get'
  | 'program.update'
  | 'campaigns.setCommission'
  | 'engagements.record'
  | 'engagements.import'
  | 'engagements.list'
  | 'sales.attribution'
  | 'promoters.summary'
  | 'promoters.commissions'
> {
  return {
    'program.get': ({ businessId }) => {
      requireBusiness(db, businessId)
      return programOf(db, businessId)
    },

    'program.update': ({ businessId, program }) => {
      requireBusiness(db, businessId)
      return db.sql.transaction(() => {
        const current: ProgramSettings = findProgram(db, businessId)
        if (program.periodLength !== current.periodLength && hasCommissions(db, businessId))
          throw new DomainError(
            'conflict',
            'Payout periods cannot change length once commissions are booked or a period is closed.',
            { field: 'periodLength' },
          )
        saveProgram(db, businessId, program, clock.now())
        return programOf(db, businessId)
      })
    },

    'campaigns.setCommission': ({ businessId, campaignId, rule }) => {
      requireBusiness(db, businessId)
      if (saveCampaignRule(db, businessId, campaignId, rule) === 0)
        throw notFound('This campaign', 'campaignId')
      return { campaignId, rule }
    },

    'engagements.record': ({ businessId, event }) => {
      const business = requireBusiness(db, businessId)
      requirePromoter(db, businessId, event.promoterId)
      const now = clock.now()
      const occurredAt = event.occurredOn
        ? startOfLocalDay(event.occurredOn, business.timeZone)
        : now
      if (occurredAt > now)
        throw new DomainError('invalid_input', 'An engagement cannot be in the future.', {
          field: 'occurredOn',
        })
      const eventKey = `${event.kind}:${event.requestId}`
      return db.sql.transaction(() => {
        const existing = db.sql.first(
          db.qb
            .selectFrom('engagement_events')
            .select('id')
            .where('business_id', '=', businessId)
            .where('event_key', '=', eventKey),
        )
        if (existing) return { duplicate: true }
        const { email, externalId } = event.customer
        const customerId = findOrCreateCustomer(
          db,
          businessId,
          { email: email || undefined, externalId: externalId || undefined, phone: undefined },
          now,
        )
        db.sql.run(
          db.qb.insertInto('engagement_events').values({
            business_id: businessId,
            promoter_id: event.promoterId,
            customer_id: customerId,
            kind: event.kind,
            points: findProgram(db, businessId).points[event.kind],
            occurred_at: occurredAt,
            entry_id: null,
            note: event.note ?? null,
            event_key: eventKey,
            created_at: now,
          }),
        )
        return { duplicate: false }
      })
    },

    'engagements.import': async ({ businessId, file, dryRun }) => {
      const business = requireBusiness(db, businessId)
      const content = Buffer.from(file.contentBase64, 'base64')
      if (dryRun) {
        const { report } = await planEngagementImport(db, business, content, clock.now())
        return { dryRun: true, report }
      }
      const job = jobs.start(`Importing ${file.name}`, (control) =>
        importEngagements(db, business, content, clock.now(), control),
      )
      return { dryRun: false, jobId: job.id }
    },

    'engagements.list': ({ businessId, promoterId, customerId, page, pageSize }) => {
      requireBusiness(db, businessId)
      const base = db.qb
        .selectFrom('engagement_events as ev')
        .where('ev.business_id', '=', businessId)
        .$if(promoterId !== undefined, (q) => q.where('ev.promoter_id', '=', promoterId ?? 0))
        .$if(customerId !== undefined, (q) => q.where('ev.customer_id', '=', customerId ?? 0))
      const total = num(
        db.sql.first(
          db.qb
            .selectFrom(base.select(['ev.promoter_id', 'ev.customer_id']).distinct().as('pairs'))
            .select((eb) => eb.fn.countAll<number>().as('n')),
        )?.n,
      )
      const rows = db.sql.all(
        base
          .innerJoin('promoters as p', 'p.id', 'ev.promoter_id')
          .innerJoin('customers as cu', 'cu.id', 'ev.customer_id')
          .select((eb) => [
            'ev.promoter_id',
            'p.name',
            'ev.customer_id',
            'cu.email',
            'cu.external_id',
            eb.fn.sum<number>('ev.points').as('points'),
            eb.fn.countAll<number>().as('events'),
            eb.fn.min<number>('ev.occurred_at').as('first_at'),
            eb.fn.max<number>('ev.occurred_at').as('last_at'),
          ])
          .groupBy(['ev.promoter_id', 'ev.customer_id'])
          .orderBy(sql`max(ev.occurred_at)`, 'desc')
          .orderBy('ev.promoter_id')
          .limit(pageSize)
          .offset(page * pageSize),
      )
      return {
        total,
        rows: rows.map((row) => ({
          promoterId: row.promoter_id,
          promoterName: row.name,
          customerId: row.customer_id,
          customerLabel: row.email ?? row.external_id ?? `Customer ${row.customer_id}`,
          points: num(row.points),
          events: num(row.events),
          firstAt: row.first_at,
          lastAt: row.last_at,
        })),
      }
    },

    'sales.attribution': ({ businessId, entryId }) =>
      saleAttribution(db, requireBusiness(db, businessId), entryId),

    'promoters.summary': ({ businessId, promoterId }) => {
      requirePromoter(db, businessId, promoterId)
      const now = clock.now()
      const earned = db.sql.first(
        db.qb
          .selectFrom('commissions as c')
          .innerJoin('ledger_entries as e', 'e.id', 'c.entry_id')
          .select([
            sql<number>`sum(case when c.kind = 'accrual' then 1 else 0 end)`.as('sales'),
            sql<number>`sum(e.total_minor)`.as('revenue'),
            sql<number>`sum(c.amount_minor)`.as('earned'),
            // Pending: still in its holding period, or held by an open fraud case.
            sql<number>`sum(case when c.payable_at > ${now} or c.sale_entry_id in (
                select fe.entry_id from fraud_case_entries fe
                join fraud_cases fc on fc.id = fe.case_id
                where fc.business_id = ${businessId} and fc.status = 'open'
              ) then c.amount_minor else 0 end)`.as('pending'),
          ])
          .where('c.business_id', '=', businessId)
          .where('c.promoter_id', '=', promoterId),
      )
      const paid = num(
        db.sql.first(
          db.qb
            .selectFrom('payouts')
            .select((eb) => eb.fn.sum<number>('amount_minor').as('paid'))
            .where('business_id', '=', businessId)
            .where('promoter_id', '=', promoterId),
        )?.paid,
      )
      return {
        promoterId,
        sales: num(earned?.sales),
        revenueMinor: num(earned?.revenue),
        earnedMinor: num(earned?.earned),
        paidMinor: paid,
        balanceMinor: num(earned?.earned) - paid,
        pendingMinor: num(earned?.pending),
      }
    },

    'promoters.commissions': ({ businessId, promoterId, page, pageSize }) => {
      requirePromoter(db, businessId, promoterId)
      const { total, rows } = commissionRows(db, { businessId, promoterId }, 'newest first', {
        page,
        pageSize,
      })
      return {
        total,
        rows: rows.map((row) => ({
          commissionId: row.id,
          saleEntryId: row.sale_entry_id,
          orderRef: row.order_ref,
          occurredAt: row.occurred_at,
          kind: row.kind,
          periodKey: row.period_key,
          baseMinor: row.base_minor,
          amountMinor: row.amount_minor,
          note: row.note,
        })),
      }
    },
  }
}
