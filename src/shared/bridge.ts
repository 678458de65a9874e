import type { Envelope } from './errors'

/** The one thing the desktop preload exposes to the renderer, as `window.promoledger`. */
export interface PromoledgerBridge {
  invoke(method: string, input: unknown): Promise<Envelope<unknown>>
}

/** The IPC channel the bridge uses. */
export const INVOKE_CHANNEL = 'promoledger:invoke'
