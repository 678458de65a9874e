import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  type DialogProps,
} from '@mui/material'
import { useId, useState, type FormEventHandler, type ReactNode } from 'react'
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form'
import { applyServerErrors } from './form-errors'

interface FormDialogProps {
  title: ReactNode
  submitLabel: string
  onClose: () => void
  onSubmit: FormEventHandler<HTMLFormElement>
  submitting: boolean
  /** A message that belongs to no single field. */
  error: string | null
  maxWidth?: DialogProps['maxWidth']
  /** Stays in view below the scrolling fields, e.g. a live summary. */
  footer?: ReactNode
  children: ReactNode
}

/** The frame every form dialog shares: title, a form-level error, fields, Cancel and submit. */
export function FormDialog({
  title,
  submitLabel,
  onClose,
  onSubmit,
  submitting,
  error,
  maxWidth = 'sm',
  footer,
  children,
}: FormDialogProps) {
  const titleId = useId()
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth={maxWidth} aria-labelledby={titleId}>
      {/* A flex column, so a long form scrolls between a fixed title and fixed buttons. */}
      <form
        onSubmit={onSubmit}
        noValidate
        style={{ display: 'flex', flexDirection: 'column', minHeight: 0 }}
      >
        <DialogTitle id={titleId}>{title}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ mt: 1 }}>
            {error && <Alert severity="error">{error}</Alert>}
            {children}
          </Stack>
        </DialogContent>
        {footer && (
          <Box sx={{ px: 3, py: 1.5, borderTop: 1, borderColor: 'divider' }}>{footer}</Box>
        )}
        <DialogActions>
          <Button onClick={onClose} color="inherit">
            Cancel
          </Button>
          <Button type="submit" variant="contained" disabled={submitting}>
            {submitLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  )
}

/**
 * Submits a form through the API: server messages land beside the fields named in `fieldMap`
 * (API field → form field), anything else in the returned `error`. With a schema resolver,
 * `fieldMap` and `action` receive the parsed values (`R`).
 */
export function useServerSubmit<T extends FieldValues, R = T>(
  form: UseFormReturn<T, unknown, R>,
  fieldMap: (values: R) => Record<string, Path<T>>,
  action: (values: R) => Promise<unknown>,
) {
  const [error, setError] = useState<string | null>(null)
  const onSubmit = form.handleSubmit(async (values) => {
    setError(null)
    try {
      await action(values)
    } catch (failure) {
      setError(applyServerErrors(failure, form.setError, fieldMap(values)))
    }
  })
  return { onSubmit, error, submitting: form.formState.isSubmitting }
}
