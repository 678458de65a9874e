import type { Workspace } from '../db/database'

/** A promoter's commission rows with their sale's order reference, one page at a time. */
export function commissionRows(
  db: Workspace,
  filter: { businessId: number; promoterId: number; periodKey?: string },
  order: 'oldest first' | 'newest first',
  paging: { page: number; pageSize: number },
) {
  const base = db.qb
    .selectFrom('commissions as c')
    .where('c.business_id', '=', filter.businessId)
    .where('c.promoter_id', '=', filter.promoterId)
    .$if(filter.periodKey !== undefined, (q) =>
      q.where('c.period_key', '=', filter.periodKey ?? ''),
    )
  const total = Number(db.sql.first(base.select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0)
  const direction = order === 'oldest first' ? 'asc' : 'desc'
  const rows = db.sql.all(
    base
      .innerJoin('ledger_entries as e', 'e.id', 'c.sale_entry_id')
      .select([
        'c.id',
        'c.sale_entry_id',
        'e.order_ref',
        'c.occurred_at',
        'c.kind',
        'c.period_key',
        'c.origin_period_key',
        'c.base_minor',
        'c.amount_minor',
        'c.note',
      ])
      .orderBy('c.occurred_at', direction)
      .orderBy('c.id', direction)
      .limit(paging.pageSize)
      .offset(paging.page * paging.pageSize),
  )
  return { total, rows }
}
