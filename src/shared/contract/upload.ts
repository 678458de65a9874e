import { z } from 'zod'

/** Largest file an upload (a catalog import, later an order import) may carry. */
export const UPLOAD_MAX_BYTES = 20 * 1024 * 1024
/** Base64 turns every 3 bytes into 4 characters. */
const UPLOAD_MAX_BASE64 = Math.ceil(UPLOAD_MAX_BYTES / 3) * 4

/**
 * A file the user picked, sent inside the request. In browser mode the page never learns a
 * file's path, so the content itself must travel; both hosts take it the same way, base64 in
 * the JSON input. The 20 MB cap keeps one request (about 27 MB of text) workable for IPC and
 * the loopback host alike.
 */
export const uploadedFile = z.object({
  /** The file's own name; only its extension matters (.csv, .tsv, .txt or .xlsx). */
  name: z
    .string()
    .trim()
    .min(1, 'Choose a file.')
    .max(255, 'At most 255 characters.')
    .refine((name) => /\.(csv|tsv|txt|xlsx)$/i.test(name), 'Choose a .csv or .xlsx file.'),
  contentBase64: z
    .string()
    .min(1, 'The file is empty.')
    .max(UPLOAD_MAX_BASE64, 'The file is larger than 20 MB; split it into smaller files.'),
})
export type UploadedFile = z.output<typeof uploadedFile>

/** One problem on one row of an imported file. */
export interface ImportRowError {
  /** The row as a spreadsheet numbers it: the header is row 1. */
  row: number
  /** The column, as the file names it (e.g. `price`). */
  field: string
  message: string
}
