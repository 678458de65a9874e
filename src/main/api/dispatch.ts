import { z } from 'zod'
import { contract, isMethodName, type MethodName } from '../../shared/contract'
import type { ApiError, Envelope, FieldIssue } from '../../shared/errors'
import { DomainError } from './domain-error'
import type { Handler, Handlers } from './context'

/** Validates the input against the contract, runs the handler and wraps the outcome. */
export async function dispatch(
  handlers: Handlers,
  method: string,
  input: unknown,
): Promise<Envelope<unknown>> {
  if (!isMethodName(method)) {
    return {
      ok: false,
      error: { code: 'unknown_method', message: `There is no API method called “${method}”.` },
    }
  }
  const parsed = contract[method].input.safeParse(input ?? {})
  if (!parsed.success) return { ok: false, error: validationError(parsed.error) }
  try {
    const handler = handlers[method] as Handler<MethodName>
    return { ok: true, value: await handler(parsed.data as never) }
  } catch (error) {
    return { ok: false, error: toApiError(error, method) }
  }
}

export function validationError(error: z.ZodError): ApiError {
  const issues: FieldIssue[] = error.issues.map((issue) => ({
    field: issue.path.map(String).join('.') || 'input',
    message: issue.message,
  }))
  const first = issues[0]
  return {
    code: 'invalid_input',
    message: first ? `${fieldLabel(first.field)}: ${first.message}` : 'The input is not valid.',
    ...(first ? { field: first.field } : {}),
    issues,
  }
}

/** `cart.lines.0.unitPriceMinor` → `Cart line 1, unit price`. */
function fieldLabel(field: string): string {
  return field
    .split('.')
    .map((part) =>
      /^\d+$/.test(part)
        ? String(Number(part) + 1)
        : part
            .replace(/Minor$/, '')
            .replace(/([A-Z])/g, ' $1')
            .toLowerCase(),
    )
    .join(' ')
    .replace(/^./, (char) => char.toUpperCase())
}

/** Every failure becomes a readable sentence; stack traces stay in the log. */
export function toApiError(error: unknown, method = 'job'): ApiError {
  if (error instanceof DomainError) return error.toApiError()
  if (error instanceof z.ZodError) return validationError(error)
  const message = error instanceof Error ? error.message : String(error)
  if (/SQLITE_BUSY|database is locked/i.test(message)) {
    return {
      code: 'conflict',
      message: 'The workspace is busy with another change; try again in a moment.',
    }
  }
  console.error(`[promoledger] ${method} failed:`, error)
  return { code: 'internal', message: `Something went wrong while running ${method}: ${message}` }
}
