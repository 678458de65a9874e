import { contextBridge, ipcRenderer } from 'electron'
import { INVOKE_CHANNEL, type PromoledgerBridge } from '../shared/bridge'

// Exposes exactly one function; everything else stays behind the contract in the main process.
const bridge: PromoledgerBridge = {
  invoke: (method, input) => ipcRenderer.invoke(INVOKE_CHANNEL, method, input),
}

contextBridge.exposeInMainWorld('promoledger', bridge)
