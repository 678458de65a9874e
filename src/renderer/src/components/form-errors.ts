import type { FieldValues, Path, UseFormSetError } from 'react-hook-form'
import { ApiFailure } from '../../../shared/errors'

/**
 * Puts the server's per-field messages beside the matching inputs. Returns the message for
 * anything that has no input of its own, to show above the form.
 */
export function applyServerErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fieldMap: Record<string, Path<T>>,
): string | null {
  if (!(error instanceof ApiFailure)) return error instanceof Error ? error.message : String(error)
  const issues =
    error.issues.length > 0
      ? error.issues
      : error.field
        ? [{ field: error.field, message: error.message }]
        : []
  let placed = false
  for (const issue of issues) {
    const target = fieldMap[issue.field] ?? fieldMap[issue.field.split('.')[0] ?? '']
    if (target) {
      setError(target, { type: 'server', message: issue.message })
      placed = true
    }
  }
  return placed && issues.length === error.issues.length ? null : error.message
}
