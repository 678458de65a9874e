import type { HandlerContext, HandlerGroup } from './context'

export function jobsHandlers({ jobs }: HandlerContext): HandlerGroup<'jobs.get' | 'jobs.cancel'> {
  return {
    'jobs.get': ({ jobId }) => jobs.get(jobId),
    'jobs.cancel': ({ jobId }) => jobs.cancel(jobId),
  }
}
