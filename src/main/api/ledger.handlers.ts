import { openWorkspace } from '../db/database'
import { throwIfCancelled, yieldToEventLoop } from '../jobs/job-runner'
import { verification, type LedgerReport } from '../ledger/verify-ledger'
import type { HandlerContext, HandlerGroup } from './context'
import { requireBusiness } from './businesses.handlers'
import { DomainError } from './domain-error'

export function ledgerHandlers({ db, jobs }: HandlerContext): HandlerGroup<'ledger.verify'> {
  return {
    'ledger.verify': ({ businessId }) => {
      const business = requireBusiness(db, businessId)
      const job = jobs.start('Verifying the ledger', async (control) => {
        // A connection of its own: the verification reads one snapshot across many steps while
        // sales go on being written through the app's connection.
        const reader = await openWorkspace(db.file, { readonly: true })
        try {
          const total = reader.sql.first(
            reader.qb
              .selectFrom('ledger_entries')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('business_id', '=', business.id),
          )
          control.progress(0, Number(total?.n ?? 0))
          // Only this business: its chain, its counters, and no word of anyone else's volume.
          const steps = verification(reader, { businessId: business.id })
          for (;;) {
            const step = steps.next()
            if (step.done) return summary(step.value, business.id)
            control.progress(step.value)
            await yieldToEventLoop()
            throwIfCancelled(control.signal)
          }
        } finally {
          await reader.close()
        }
      })
      return { jobId: job.id }
    },
  }
}

/**
 * One sentence for this business only: other businesses' orders never show here. A ledger that
 * does not verify fails the job.
 */
function summary(report: LedgerReport, businessId: number): string {
  const own = report.mismatches.filter((mismatch) => mismatch.businessId === businessId)
  const head = report.heads.find((entry) => entry.businessId === businessId)?.hash
  const checked = `${report.entries.toLocaleString('en')} entries checked`
  if (own.length === 0) {
    return `The ledger verifies: ${checked}, every chain intact and every counter matching.${head ? ` Head hash ${head}.` : ''}`
  }
  const more = own.length > 1 ? ` (${own.length - 1} more problem${own.length > 2 ? 's' : ''})` : ''
  // A failed job, so the UI shows it as the alarm it is.
  throw new DomainError('conflict', `The ledger does not verify: ${own[0]?.message ?? ''}${more}`)
}
