import { z } from 'zod'
import { method } from './define'
import type { ApiError } from '../errors'

export type JobStatus = 'running' | 'done' | 'failed' | 'cancelled'

/** Long work (bulk generation, exports, imports) runs as a job the UI polls. */
export interface Job {
  id: string
  label: string
  status: JobStatus
  done: number
  /** null while the size is not known yet. */
  total: number | null
  /** A readable line about the outcome. */
  message: string | null
  error: ApiError | null
  /** For exports: the file name offered when saving. */
  fileName: string | null
}

const jobId = z.object({ jobId: z.string().min(1).max(64) })

export const jobsContract = {
  'jobs.get': method<Job>()(jobId, 'Returns the progress of a background job.'),
  'jobs.cancel': method<Job>()(jobId, 'Asks a running job to stop; what it wrote is rolled back.'),
}
