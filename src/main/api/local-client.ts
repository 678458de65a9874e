import type { MethodInput, MethodName, MethodResult } from '../../shared/contract'
import { ApiFailure } from '../../shared/errors'
import type { Handlers } from './context'
import { dispatch } from './dispatch'

export type CallApi = <M extends MethodName>(
  method: M,
  input: MethodInput<M>,
) => Promise<MethodResult<M>>

/**
 * Calls the handlers in-process through the same validation as the hosts; failures throw
 * ApiFailure. Used by the demo loader, scripts and tests.
 */
export function localClient(handlers: Handlers): CallApi {
  return async (method, input) => {
    const envelope = await dispatch(handlers, method, input)
    if (!envelope.ok) throw new ApiFailure(envelope.error)
    return envelope.value as MethodResult<typeof method>
  }
}
