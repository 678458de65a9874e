import { useState } from 'react'

/**
 * Runs one user action at a time (an upload, a check): `busy` while it runs, and its failure
 * kept as a readable sentence instead of an unhandled rejection.
 */
export function useBusyAction() {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const attempt = async (work: () => Promise<void>) => {
    setBusy(true)
    setError(null)
    try {
      await work()
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure))
    } finally {
      setBusy(false)
    }
  }
  return { busy, error, setError, attempt }
}
