import { createHash } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Business } from '../../shared/contract/businesses'
import type {
  ImportFormat,
  ResolvedImportFormat,
  UploadedOrderFile,
} from '../../shared/contract/order-imports'
import type { UploadedFile } from '../../shared/contract/upload'
import type { Workspace } from '../db/database'
import { findMapping } from '../db/repos/order-mappings.repo'
import {
  deleteStaleDrafts,
  findImportRun,
  insertImportRun,
  listImportRuns,
  pageImportRows,
  toImportRun,
} from '../db/repos/order-imports.repo'
import { exportFileName } from '../export/cells'
import { writeXlsx } from '../export/xlsx-writer'
import { streamTable } from '../import/stream-table'
import type { JobRunner } from '../jobs/job-runner'
import { checkImport } from '../orders/check-import'
import { commitImport, importableRun } from '../orders/commit-import'
import { errorReportSheet } from '../orders/error-report'
import { looksNumbered } from '../orders/numbered-layout'
import { localDayOf } from '../time/local-dates'
import type { HandlerContext, HandlerGroup } from './context'
import { requireBusiness } from './businesses.handlers'
import { DomainError, notFound } from './domain-error'

const SAMPLE_ROWS = 5
/** Uploads never checked or imported are dropped after a day. */
const DRAFT_LIFETIME_MS = 24 * 60 * 60 * 1000

function requireRun(db: Workspace, businessId: number, importId: number) {
  const row = findImportRun(db, businessId, importId)
  if (!row) throw notFound('This import', 'importId')
  return row
}

/** The header and first rows of a file, read before it is stored: an unreadable file stops here. */
async function inspect(file: UploadedFile, content: Uint8Array) {
  const table = await streamTable(content, { field: 'file' })
  const sample: string[][] = []
  for await (const chunk of table.chunks(SAMPLE_ROWS)) {
    sample.push(
      ...chunk.slice(0, SAMPLE_ROWS).map((row) => row.cells.slice(0, table.header.length)),
    )
    break
  }
  if (sample.length === 0) {
    throw new DomainError('invalid_input', `${file.name} has a header row but no rows below it.`, {
      field: 'file',
    })
  }
  return { table, sample }
}

function resolveFormat(
  db: Workspace,
  businessId: number,
  format: ImportFormat,
): ResolvedImportFormat {
  if (format.layout === 'numbered') return format
  const saved = findMapping(db, businessId, format.mappingId)
  if (!saved) throw notFound('This mapping', 'format.mappingId')
  return { layout: 'mapped', mappingName: saved.name, mapping: saved.mapping }
}

export function orderImportsHandlers(
  context: HandlerContext,
): HandlerGroup<
  | 'orderImports.upload'
  | 'orderImports.check'
  | 'orderImports.get'
  | 'orderImports.list'
  | 'orderImports.rows'
  | 'orderImports.commit'
  | 'orderImports.errorReport'
> {
  const { db, clock, jobs } = context
  /** The job working on each import in this process: one at a time per import. */
  const working = new Map<number, string>()
  const runningJob = (importId: number) => runningJobOf(jobs, working.get(importId))
  const start = (
    importId: number,
    label: string,
    work: Parameters<JobRunner['start']>[1],
  ): { jobId: string } => {
    const job = jobs.start(label, work)
    working.set(importId, job.id)
    return { jobId: job.id }
  }

  return {
    'orderImports.upload': async ({ businessId, file }): Promise<UploadedOrderFile> => {
      const business = requireBusiness(db, businessId)
      const content = Buffer.from(file.contentBase64, 'base64')
      const { table, sample } = await inspect(file, content)
      const now = clock.now()
      const importId = db.sql.transaction(() => {
        deleteStaleDrafts(db, business.id, now - DRAFT_LIFETIME_MS)
        return insertImportRun(
          db,
          {
            business_id: business.id,
            file_name: file.name,
            file_size: content.length,
            file_sha256: createHash('sha256').update(content).digest('hex'),
            status: 'uploaded',
            header_json: JSON.stringify(table.header),
            created_at: now,
          },
          content,
        )
      })
      return {
        run: toImportRun(requireRun(db, business.id, importId)),
        header: table.header,
        sample,
        suggestedLayout: looksNumbered(table) ? 'numbered' : 'mapped',
      }
    },

    'orderImports.check': ({ businessId, importId, format }) => {
      const business = requireBusiness(db, businessId)
      const row = requireRun(db, businessId, importId)
      if (runningJob(importId)) {
        throw new DomainError('conflict', 'This file is being checked or imported right now.', {
          field: 'importId',
        })
      }
      if (row.status !== 'uploaded' && row.status !== 'checked' && row.status !== 'checking') {
        throw new DomainError(
          'conflict',
          'The import of this file has started; it can no longer be checked with another layout.',
          { field: 'importId' },
        )
      }
      const resolved = resolveFormat(db, businessId, format)
      return start(importId, `Checking ${row.file_name}`, (control) =>
        checkImport(db, business, importId, resolved, clock.now(), control),
      )
    },

    'orderImports.get': ({ businessId, importId }) =>
      toImportRun(requireRun(db, businessId, importId)),

    'orderImports.list': ({ businessId, page, pageSize }) => {
      requireBusiness(db, businessId)
      return listImportRuns(db, businessId, { page, pageSize })
    },

    'orderImports.rows': ({ businessId, importId, show, page, pageSize }) => {
      const run = toImportRun(requireRun(db, businessId, importId))
      return pageImportRows(db, run, { show, page, pageSize })
    },

    'orderImports.commit': ({ businessId, importId }) => {
      const business = requireBusiness(db, businessId)
      const row = requireRun(db, businessId, importId)
      // A second click, or a retry of the request, follows the import already running.
      const running = runningJob(importId)
      if (running) return { jobId: running }
      importableRun(db, business, importId)
      return start(importId, `Importing ${row.file_name}`, (control) =>
        commitImport(db, business, importId, clock.now(), control),
      )
    },

    'orderImports.errorReport': ({ businessId, importId }) => {
      const business = requireBusiness(db, businessId)
      const row = requireRun(db, businessId, importId)
      const run = toImportRun(row)
      if (run.counts.rejected === 0) {
        throw new DomainError('conflict', 'No order of this file was rejected.', {
          field: 'importId',
        })
      }
      return startReport(context, business, run, JSON.parse(row.header_json) as string[])
    },
  }
}

function runningJobOf(jobs: JobRunner, jobId: string | undefined): string | null {
  if (!jobId) return null
  try {
    return jobs.get(jobId).status === 'running' ? jobId : null
  } catch {
    return null
  }
}

function startReport(
  context: HandlerContext,
  business: Business,
  run: ReturnType<typeof toImportRun>,
  header: string[],
): { jobId: string } {
  mkdirSync(context.exportDir, { recursive: true })
  const now = context.clock.now()
  const fileName = exportFileName(
    'rejected-orders',
    business.name,
    localDayOf(now, business.timeZone),
  )
  const job = context.jobs.start(
    `Writing the rejected orders of ${run.fileName}`,
    async (control) => {
      const path = join(context.exportDir, `${crypto.randomUUID()}.xlsx`)
      const rows = await writeXlsx(
        path,
        [errorReportSheet(context.db, business, run, header, now)],
        control,
      )
      control.attachFile(path, fileName)
      return `${rows.toLocaleString('en')} rejected rows written.`
    },
  )
  return { jobId: job.id }
}
