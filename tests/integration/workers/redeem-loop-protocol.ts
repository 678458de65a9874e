/** What a redeeming child process is asked to do (passed as JSON in argv). */
export interface RedeemLoopJob {
  file: string
  /** The instant every sale is recorded at. */
  now: number
  businessId: number
  code: string
  /** Order references are `<prefix>-0`, `<prefix>-1`…: unique per process. */
  orderPrefix: string
  /** Sale n goes to customer n mod this number. */
  customers: number
  /** How many sales to try; null: until the process is killed. */
  attempts: number | null
  /**
   * Open the workspace before saying READY, so that processes told to go together start
   * selling together. Otherwise it opens after `go` (and a crash test can kill it while it
   * opens and recovers the file).
   */
  openBeforeReady: boolean
  /** A pause between sales, so that two processes take turns at the write lock. */
  pauseMs: number
}
