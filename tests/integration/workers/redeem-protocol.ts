/** What the concurrency test sends each redeeming worker, and what the worker answers. */
export interface RedeemJob {
  file: string
  now: number
  businessId: number
  code: string
  /** Which racer this is: its order reference and customer derive from it. */
  index: number
  /** Int32 flag: workers block until the test sets it to 1, so they all start together. */
  startFlag: SharedArrayBuffer
}

export type RedeemMessage =
  | { type: 'ready' }
  | { type: 'redeemed'; index: number; entryId: number }
  | { type: 'refused'; index: number; code: string; reason: string | undefined }
