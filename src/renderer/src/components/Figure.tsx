import { Paper, Typography } from '@mui/material'

/** One headline number with its label, e.g. a promoter's balance. */
export function Figure({
  label,
  value,
  hint,
  testId,
}: {
  label: string
  value: string
  hint?: string
  testId?: string
}) {
  return (
    <Paper sx={{ px: 2.5, py: 1.5, height: '100%' }}>
      <Typography variant="caption" color="text.secondary" component="div">
        {label}
      </Typography>
      <Typography
        variant="h6"
        component="div"
        data-testid={testId ?? `figure-${label.toLowerCase().replace(/\s+/g, '-')}`}
      >
        {value}
      </Typography>
      {hint && (
        <Typography variant="caption" color="text.secondary" component="div">
          {hint}
        </Typography>
      )}
    </Paper>
  )
}
