import { mkdirSync } from 'node:fs'
import { extname, join } from 'node:path'
import { codesSheet } from '../export/codes.export'
import { redemptionsSheet } from '../export/redemptions.export'
import { analyticsTables, writeAnalyticsExport } from '../export/analytics.export'
import { exportFileName } from '../export/cells'
import { fraudCaseSheets } from '../export/fraud-cases.export'
import { readStatements } from '../export/statement-lines'
import { writeStatementsXlsx } from '../export/statements.export'
import { writeStatementsCsv } from '../export/statements-csv.export'
import { writeXlsx, type SheetSpec } from '../export/xlsx-writer'
import type { JobControl } from '../jobs/job-runner'
import { localDayOf } from '../time/local-dates'
import type { HandlerContext, HandlerGroup } from './context'
import { requireBusiness } from './businesses.handlers'
import { DomainError } from './domain-error'

export function exportsHandlers(
  context: HandlerContext,
): HandlerGroup<
  | 'exports.codes'
  | 'exports.redemptions'
  | 'exports.statements'
  | 'exports.analytics'
  | 'exports.fraudCases'
  | 'exports.saveAs'
> {
  const { db, clock, jobs, host } = context

  /**
   * Runs an export as a job writing into the export folder; the file is offered when done.
   * `write` returns the job's closing message.
   */
  const startExport = (
    label: string,
    fileName: string,
    write: (path: string, control: JobControl) => Promise<string>,
  ) => {
    mkdirSync(context.exportDir, { recursive: true })
    const job = jobs.start(label, async (control) => {
      const path = join(context.exportDir, `${crypto.randomUUID()}${extname(fileName)}`)
      const message = await write(path, control)
      control.attachFile(path, fileName)
      return message
    })
    return { jobId: job.id }
  }

  /** One sheet, built when the job starts. */
  const sheetExport = (sheet: () => SheetSpec) => async (path: string, control: JobControl) => {
    const rows = await writeXlsx(path, [sheet()], control)
    return `${rows.toLocaleString('en')} rows exported.`
  }

  return {
    'exports.codes': ({ businessId, campaignId }) => {
      const business = requireBusiness(db, businessId)
      const now = clock.now()
      return startExport(
        'Exporting codes',
        exportFileName('codes', business.name, localDayOf(now, business.timeZone)),
        sheetExport(() => codesSheet(db, business, campaignId, now)),
      )
    },

    'exports.fraudCases': ({ businessId }) => {
      const business = requireBusiness(db, businessId)
      const now = clock.now()
      return startExport(
        'Exporting fraud cases',
        exportFileName('fraud-cases', business.name, localDayOf(now, business.timeZone)),
        async (path, control) => {
          const rows = await writeXlsx(path, fraudCaseSheets(db, business, now), control)
          return `${rows.toLocaleString('en')} rows exported.`
        },
      )
    },

    'exports.statements': ({ businessId, periodKey, format }) => {
      const business = requireBusiness(db, businessId)
      const now = clock.now()
      // Read now, in one step: the job writes what the period showed when it was asked for.
      const snapshot = readStatements(db, business, periodKey)
      const write = format === 'csv' ? writeStatementsCsv : writeStatementsXlsx
      return startExport(
        `Exporting statements of ${snapshot.label}`,
        exportFileName(
          `statements-${periodKey}`,
          business.name,
          localDayOf(now, business.timeZone),
          format,
        ),
        (path, control) => write(path, db, snapshot, now, control),
      )
    },

    'exports.redemptions': (filter) => {
      const business = requireBusiness(db, filter.businessId)
      const now = clock.now()
      return startExport(
        'Exporting redemptions',
        exportFileName('redemptions', business.name, localDayOf(now, business.timeZone)),
        sheetExport(() => redemptionsSheet(db, business, filter, now)),
      )
    },

    'exports.analytics': ({ businessId, from, to, what, format }) => {
      const business = requireBusiness(db, businessId)
      const now = clock.now()
      // Read now, like the page: the job writes the figures as they were when asked for.
      const tables = analyticsTables(db, business, { what, from, to }, now)
      return startExport(
        `Exporting analytics (${what === 'dashboard' ? 'dashboard' : `by ${what}`})`,
        exportFileName(`analytics-${what}`, business.name, `${from}-to-${to}`, format),
        (path, control) => writeAnalyticsExport(path, business, tables, format, control),
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
