import { Box, Typography } from '@mui/material'
import { useId, type ReactNode } from 'react'

/**
 * A chart with a visible title and a description that assistive technology reads as its name
 * and description (the SVG itself only draws).
 */
export function ChartFigure({
  title,
  description,
  children,
}: {
  title: string
  description: string
  children: ReactNode
}) {
  const id = useId()
  return (
    <Box
      component="figure"
      role="figure"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
      sx={{ m: 0, minWidth: 0 }}
    >
      <Typography id={`${id}-title`} variant="subtitle2" component="figcaption">
        {title}
      </Typography>
      <Typography id={`${id}-desc`} variant="caption" color="text.secondary" component="p">
        {description}
      </Typography>
      {children}
    </Box>
  )
}
