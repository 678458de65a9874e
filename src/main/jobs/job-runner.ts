import { randomUUID } from 'node:crypto'
import type { Job } from '../../shared/contract/jobs'
import type { ApiError } from '../../shared/errors'
import { DomainError } from '../api/domain-error'

export interface JobControl {
  readonly signal: AbortSignal
  progress(done: number, total?: number | null): void
  /** Attaches the file an export produced, offered for saving or download. */
  attachFile(path: string, fileName: string): void
}

interface JobRecord {
  job: Job
  controller: AbortController
  filePath: string | null
  finishedAt: number | null
}

export class JobCancelled extends Error {
  /** `outcome`: what the cancelled job left, for a job that keeps what it finished (imports). */
  constructor(readonly outcome = 'Cancelled; nothing was kept.') {
    super('Cancelled')
    this.name = 'JobCancelled'
  }
}

/** Throws JobCancelled when the job was asked to stop; call between chunks of work. */
export function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new JobCancelled()
}

/** Lets other requests run between chunks of a long job. */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve))

const KEEP_FINISHED_MS = 60 * 60 * 1000

/** Runs long work in the background of the main process; the UI polls `get`. */
export class JobRunner {
  private readonly records = new Map<string, JobRecord>()

  constructor(private readonly toApiError: (error: unknown) => ApiError) {}

  start(label: string, work: (control: JobControl) => Promise<string>): Job {
    this.forgetOldJobs()
    const record: JobRecord = {
      job: {
        id: randomUUID(),
        label,
        status: 'running',
        done: 0,
        total: null,
        message: null,
        error: null,
        fileName: null,
      },
      controller: new AbortController(),
      filePath: null,
      finishedAt: null,
    }
    this.records.set(record.job.id, record)
    const control: JobControl = {
      signal: record.controller.signal,
      progress: (done, total) => {
        record.job.done = done
        if (total !== undefined) record.job.total = total
      },
      attachFile: (path, fileName) => {
        record.filePath = path
        record.job.fileName = fileName
      },
    }
    void this.run(record, work, control)
    return { ...record.job }
  }

  /** Resolves when the job has finished, whatever its outcome (tests and scripts). */
  async settled(id: string): Promise<Job> {
    while (this.get(id).status === 'running') await new Promise((resolve) => setTimeout(resolve, 5))
    return this.get(id)
  }

  get(id: string): Job {
    const record = this.records.get(id)
    if (!record)
      throw new DomainError('not_found', 'This job is no longer known; start it again.', {
        field: 'jobId',
      })
    return { ...record.job }
  }

  /** Jobs still running (a restore waits for them: they would write into the restored data). */
  running(): Job[] {
    return [...this.records.values()]
      .filter((record) => record.job.status === 'running')
      .map((record) => ({ ...record.job }))
  }

  cancel(id: string): Job {
    this.records.get(id)?.controller.abort()
    return this.get(id)
  }

  /** The file of a finished export job. */
  fileOf(id: string): { path: string; fileName: string } {
    const record = this.records.get(id)
    if (!record || record.job.status !== 'done' || !record.filePath || !record.job.fileName) {
      throw new DomainError('not_found', 'This export has no finished file.', { field: 'jobId' })
    }
    return { path: record.filePath, fileName: record.job.fileName }
  }

  private async run(
    record: JobRecord,
    work: (control: JobControl) => Promise<string>,
    control: JobControl,
  ) {
    try {
      await yieldToEventLoop()
      record.job.message = await work(control)
      record.job.status = 'done'
    } catch (error) {
      if (error instanceof JobCancelled || record.controller.signal.aborted) {
        record.job.status = 'cancelled'
        record.job.message =
          error instanceof JobCancelled ? error.outcome : 'Cancelled; nothing was kept.'
      } else {
        record.job.status = 'failed'
        record.job.error = this.toApiError(error)
        record.job.message = record.job.error.message
      }
    } finally {
      record.finishedAt = Date.now()
    }
  }

  private forgetOldJobs() {
    const cutoff = Date.now() - KEEP_FINISHED_MS
    for (const [id, record] of this.records) {
      if (record.finishedAt !== null && record.finishedAt < cutoff) this.records.delete(id)
    }
  }
}
