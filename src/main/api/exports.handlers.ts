import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { codesSheet } from '../export/codes.export'
import { redemptionsSheet } from '../export/redemptions.export'
import { exportFileName } from '../export/cells'
import { writeXlsx, type SheetSpec } from '../export/xlsx-writer'
import { localDayOf } from '../time/local-dates'
import type { HandlerContext, HandlerGroup } from './context'
import { requireBusiness } from './businesses.handlers'
import { DomainError } from './domain-error'

export function exportsHandlers(
  context: HandlerContext,
): HandlerGroup<'exports.codes' | 'exports.redemptions' | 'exports.statements' | 'exports.saveAs'> {
  const { db, clock, jobs, host } = context

  /** Runs an export as a job writing into the export folder; the file is offered when done. */
  const startExport = (label: string, fileName: string, sheet: () => SheetSpec) => {
    mkdirSync(context.exportDir, { recursive: true })
    const job = jobs.start(label, async (control) => {
      const path = join(context.exportDir, `${crypto.randomUUID()}.xlsx`)
      const rows = await writeXlsx(path, [sheet()], control)
      control.attachFile(path, fileName)
      return `${rows.toLocaleString('en')} rows exported.`
    })
    return { jobId: job.id }
  }

  return {
    'exports.codes': ({ businessId, campaignId }) => {
      const business = requireBusiness(db, businessId)
      const now = clock.now()
      return startExport(
        'Exporting codes',
        exportFileName('codes', business.name, localDayOf(now, business.timeZone)),
        () => codesSheet(db, business, campaignId, now),
      )
    },

    'exports.statements': () => {
      throw new DomainError('invalid_input', 'Statement exports are not available yet.')
    },

    'exports.redemptions': (filter) => {
      const business = requireBusiness(db, filter.businessId)
      const now = clock.now()
      return startExport(
        'Exporting redemptions',
        exportFileName('redemptions', business.name, localDayOf(now, business.timeZone)),
        () => redemptionsSheet(db, business, filter, now),
      )
    },

    'exports.saveAs': async ({ jobId }) => {
      if (!host.saveFile) {
        throw new DomainError(
          'invalid_input',
          'Saving through a dialog is only possible in the desktop app; here the file downloads.',
          {
            field: 'jobId',
          },
        )
      }
      const file = jobs.fileOf(jobId)
      const path = await host.saveFile(file.path, file.fileName)
      return { saved: path !== null, path }
    },
  }
}
