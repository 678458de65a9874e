import { Alert } from '@mui/material'

/** Shows an API failure as the sentence the main process wrote; never a stack trace. */
export function ErrorAlert({ error, title }: { error: Error | null | undefined; title?: string }) {
  if (!error) return null
  return (
    <Alert severity="error" sx={{ mb: 2 }} role="alert">
      {title ? `${title} ` : ''}
      {error.message}
    </Alert>
  )
}
