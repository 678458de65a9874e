import { useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import type { Job } from '../../../shared/contract/jobs'
import { useApiQuery } from './use-api'

/**
 * Follows a background job until it ends, then refreshes every cached read (whatever it wrote
 * may show anywhere) and calls `onEnd` once.
 */
export function useJob(jobId: string | null, onEnd: (job: Job) => void): Job | undefined {
  const client = useQueryClient()
  const query = useApiQuery('jobs.get', jobId ? { jobId } : null, { refetchInterval: 250 })
  const job = query.data?.id === jobId ? query.data : undefined
  const ended = job && job.status !== 'running' ? job : undefined
  useEffect(() => {
    if (!ended) return
    void client.invalidateQueries()
    onEnd(ended)
    // onEnd changes identity every render; the job's end is what matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ended?.id, ended?.status])
  return job
}
