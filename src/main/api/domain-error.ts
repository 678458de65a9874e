import type { ApiError, ErrorCode, FieldIssue } from '../../shared/errors'

/** An expected failure with a readable message; dispatch turns it into an error envelope. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: {
      field?: string
      issues?: FieldIssue[]
      details?: Record<string, unknown>
    } = {},
  ) {
    super(message)
    this.name = 'DomainError'
  }

  toApiError(): ApiError {
    return { code: this.code, message: this.message, ...this.extra }
  }
}

export function notFound(what: string, field?: string): DomainError {
  return new DomainError(
    'not_found',
    `${what} was not found in this business.`,
    field ? { field } : {},
  )
}
