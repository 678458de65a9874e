import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron'
import { INVOKE_CHANNEL } from '../shared/bridge'
import type { Handlers } from './api/context'
import { dispatch } from './api/dispatch'

/**
 * Registers the one IPC channel. A call is served only when it comes from the main frame of
 * our own window showing our own renderer; input is validated by dispatch like any host's.
 */
export function registerIpc(
  handlers: Handlers,
  trusted: () => { contents: WebContents | null; rendererUrl: string },
): void {
  ipcMain.handle(
    INVOKE_CHANNEL,
    async (event: IpcMainInvokeEvent, method: unknown, input: unknown) => {
      if (!isTrustedSender(event, trusted())) {
        return {
          ok: false,
          error: { code: 'unauthorized', message: 'This window may not use Promoledger’s data.' },
        }
      }
      return dispatch(handlers, typeof method === 'string' ? method : '', input)
    },
  )
}

function isTrustedSender(
  event: IpcMainInvokeEvent,
  trusted: { contents: WebContents | null; rendererUrl: string },
): boolean {
  const frame = event.senderFrame
  if (!frame || !trusted.contents || event.sender !== trusted.contents) return false
  if (frame !== trusted.contents.mainFrame) return false
  return sameDocument(frame.url, trusted.rendererUrl)
}

/** Compares URLs without their hash (the renderer routes with it). */
function sameDocument(url: string, expected: string): boolean {
  const strip = (value: string) => value.split('#')[0]?.split('?')[0] ?? ''
  return strip(url) === strip(expected)
}
