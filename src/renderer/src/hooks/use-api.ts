import { useMutation, useQuery, useQueryClient, keepPreviousData } from '@tanstack/react-query'
import type { MethodInput, MethodName, MethodResult } from '../../../shared/contract'
import type { ApiFailure } from '../../../shared/errors'
import { call } from '../api-client'

/** Reads through the API; `null` input waits. Pages keep showing the previous data while the next loads. */
export function useApiQuery<M extends MethodName>(
  method: M,
  input: MethodInput<M> | null,
  options: { refetchInterval?: number | false } = {},
) {
  return useQuery<MethodResult<M>, ApiFailure>({
    queryKey: [method, input],
    queryFn: () => call(method, input as MethodInput<M>),
    enabled: input !== null,
    placeholderData: keepPreviousData,
    ...options,
  })
}

/** Writes through the API; afterwards every cached read is refreshed, since any view may show what changed. */
export function useApiMutation<M extends MethodName>(method: M) {
  const client = useQueryClient()
  return useMutation<MethodResult<M>, ApiFailure, MethodInput<M>>({
    mutationFn: (input) => call(method, input),
    onSuccess: () => client.invalidateQueries(),
  })
}
