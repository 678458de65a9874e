import { codeRowsQuery, findCodeRow, selectCodeRows, toCodeRow } from '../db/repos/codes.repo'
import { createCode } from '../codes/create-code'
import { generateCodes, prepareGeneration } from '../codes/generate-codes'
import type { HandlerContext, HandlerGroup } from './context'
import { requireBusiness } from './businesses.handlers'
import { notFound } from './domain-error'

export function codesHandlers({
  db,
  clock,
  jobs,
}: HandlerContext): HandlerGroup<
  'codes.list' | 'codes.create' | 'codes.generate' | 'codes.setActive'
> {
  return {
    'codes.list': ({ page, pageSize, ...filter }) => {
      requireBusiness(db, filter.businessId)
      const now = clock.now()
      const query = codeRowsQuery(db, filter)
      const count = db.sql.first(query.select((eb) => eb.fn.countAll<number>().as('n')))
      const rows = db.sql.all(
        selectCodeRows(query)
          .orderBy('c.id', 'desc')
          .limit(pageSize)
          .offset(page * pageSize),
      )
      return { rows: rows.map((row) => toCodeRow(row, now)), total: Number(count?.n ?? 0) }
    },

    'codes.create': (input) => createCode(db, input, clock.now()),

    'codes.generate': (input) => {
      const now = clock.now()
      const { campaign } = prepareGeneration(db, input, now)
      const job = jobs.start(
        `Generating ${input.count.toLocaleString('en')} codes for ${campaign.name}`,
        (control) => generateCodes(db, input, now, control),
      )
      return { jobId: job.id }
    },

    'codes.setActive': ({ businessId, codeId, active }) => {
      const { changes } = db.sql.run(
        db.qb
          .updateTable('codes')
          .set({ active: active ? 1 : 0 })
          .where('id', '=', codeId)
          .where('business_id', '=', businessId),
      )
      const row = changes > 0 ? findCodeRow(db, businessId, codeId, clock.now()) : undefined
      if (!row) throw notFound('This code', 'codeId')
      return row
    },
  }
}
