import { Alert, Button, Stack } from '@mui/material'
import { useState } from 'react'
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form'
import { fieldPaths } from '../campaign-editor/draft'
import { applyServerErrors } from '../form-errors'

export interface SaveMessage {
  ok: boolean
  text: string
}

/**
 * Submits a settings form: saves, resets the form to what the server kept, and says so; a
 * refusal lands beside the field it names (`prefix` is the input's wrapper, e.g. "settings").
 */
export function useSettingsSave<T extends FieldValues>(
  form: UseFormReturn<T>,
  prefix: string,
  save: (values: T) => Promise<T>,
  savedText: string,
) {
  const [message, setMessage] = useState<SaveMessage | null>(null)
  const submit = form.handleSubmit(async (values) => {
    setMessage(null)
    try {
      form.reset(await save(values))
      setMessage({ ok: true, text: savedText })
    } catch (error) {
      const map = Object.fromEntries(
        Object.keys(fieldPaths(values)).map((path) => [`${prefix}.${path}`, path as Path<T>]),
      )
      const text = applyServerErrors(error, form.setError, map)
      if (text) setMessage({ ok: false, text })
    }
  })
  return { submit, message }
}

/** The save button and what the last save said. */
export function SaveBar({
  label,
  busy,
  message,
}: {
  label: string
  busy: boolean
  message: SaveMessage | null
}) {
  return (
    <Stack direction="row" spacing={2} sx={{ mt: 2, alignItems: 'center' }}>
      <Button type="submit" variant="contained" disabled={busy}>
        {label}
      </Button>
      {message && (
        <Alert severity={message.ok ? 'success' : 'error'} sx={{ py: 0, flex: 1 }}>
          {message.text}
        </Alert>
      )}
    </Stack>
  )
}
