import type { MethodInput, MethodName, MethodResult } from '../../shared/contract'
import type { PromoledgerBridge } from '../../shared/bridge'
import { ApiFailure, type Envelope } from '../../shared/errors'

declare global {
  interface Window {
    /** Present in the desktop app only (set by the preload). */
    promoledger?: PromoledgerBridge
  }
}

const TOKEN_KEY = 'promoledger.token'

/**
 * Browser mode: the host prints a URL with `?token=…`. Keep the token for this tab and take
 * it out of the address bar so it does not end up in screenshots or history.
 */
function bootstrapToken(): string {
  const url = new URL(window.location.href)
  const fromUrl = url.searchParams.get('token')
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl)
    url.searchParams.delete('token')
    window.history.replaceState(null, '', url.toString())
  }
  return fromUrl ?? sessionStorage.getItem(TOKEN_KEY) ?? ''
}

const bridge = window.promoledger
const token = bridge ? '' : bootstrapToken()

export const isDesktop = bridge !== undefined

async function send(method: string, input: unknown): Promise<Envelope<unknown>> {
  if (bridge) return bridge.invoke(method, input)
  const response = await fetch(`/api/${encodeURIComponent(method)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(input),
  })
  return (await response.json()) as Envelope<unknown>
}

/** Calls one API method; the same code runs over Electron IPC and over the loopback host. */
export async function call<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
): Promise<MethodResult<M>> {
  let envelope: Envelope<unknown>
  try {
    envelope = await send(method, input)
  } catch {
    throw new ApiFailure({
      code: 'internal',
      message: 'Promoledger is not answering. Is it still running?',
    })
  }
  if (!envelope.ok) throw new ApiFailure(envelope.error)
  return envelope.value as MethodResult<M>
}

/** Hands a finished export to the user: a save dialog on the desktop, a download in the browser. */
export async function deliverExport(jobId: string, fileName: string): Promise<string | null> {
  if (bridge) {
    const result = await call('exports.saveAs', { jobId })
    return result.path
  }
  const link = document.createElement('a')
  link.href = `/download/${encodeURIComponent(jobId)}?token=${encodeURIComponent(token)}`
  link.download = fileName
  document.body.append(link)
  link.click()
  link.remove()
  return fileName
}
