/** Machine-readable error codes every API method may return. */
export type ErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'conflict'
  | 'policy_violation'
  | 'refused'
  | 'unauthorized'
  | 'unknown_method'
  | 'internal'

/** One problem with one input field. */
export interface FieldIssue {
  /** Dotted path of the offending field, e.g. `lines.2.quantity`. */
  field: string
  message: string
}

/** The error value every API method returns instead of throwing across a host boundary. */
export interface ApiError {
  code: ErrorCode
  /** A readable sentence for the user. */
  message: string
  /** The first offending field, when the error is about one. */
  field?: string
  /** Every offending field, for forms that show errors beside each input. */
  issues?: FieldIssue[]
  /** Structured extra facts (e.g. a refusal reason), safe to show. */
  details?: Record<string, unknown>
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiError }

/** Thrown on the client side when a call returns an error envelope. */
export class ApiFailure extends Error {
  readonly code: ErrorCode
  readonly field: string | undefined
  readonly issues: FieldIssue[]
  readonly details: Record<string, unknown> | undefined

  constructor(error: ApiError) {
    super(error.message)
    this.name = 'ApiFailure'
    this.code = error.code
    this.field = error.field
    this.issues = error.issues ?? []
    this.details = error.details
  }
}
