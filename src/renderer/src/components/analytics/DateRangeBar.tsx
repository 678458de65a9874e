import { Paper, Stack, TextField, ToggleButton, ToggleButtonGroup } from '@mui/material'
import {
  PRESETS,
  presetRange,
  type DayRange,
  type PresetKey,
  type RangeProblem,
} from './date-range'

/**
 * The period the page shows: a preset, or any first and last day. Editing a day drops the
 * preset; `problem` (from the parent's check) shows under the field it concerns.
 */
export function DateRangeBar({
  range,
  preset,
  today,
  problem,
  onChange,
}: {
  range: DayRange
  preset: PresetKey | null
  today: string
  problem: RangeProblem | null
  onChange: (range: DayRange, preset: PresetKey | null) => void
}) {
  const fromProblem = problem?.field === 'from' ? problem.message : null
  const toProblem = problem?.field === 'to' ? problem.message : null
  return (
    <Paper sx={{ p: 2, mb: 2 }} role="group" aria-label="Period">
      <Stack
        direction="row"
        spacing={2}
        useFlexGap
        sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}
      >
        <ToggleButtonGroup
          exclusive
          size="small"
          color="primary"
          value={preset}
          aria-label="Preset periods"
          onChange={(_, key: PresetKey | null) => {
            if (key) onChange(presetRange(key, today), key)
          }}
          sx={{ flexWrap: 'wrap', '& .MuiToggleButton-root': { px: 1.5, height: 40 } }}
        >
          {PRESETS.map((item) => (
            <ToggleButton key={item.key} value={item.key}>
              {item.label}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
        <Stack direction="row" spacing={1.5}>
          <TextField
            label="From"
            type="date"
            value={range.from}
            onChange={(event) => onChange({ ...range, from: event.target.value }, null)}
            error={Boolean(fromProblem)}
            helperText={fromProblem ?? undefined}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: range.to || undefined } }}
            sx={{ width: 170 }}
          />
          <TextField
            label="To"
            type="date"
            value={range.to}
            onChange={(event) => onChange({ ...range, to: event.target.value }, null)}
            error={Boolean(toProblem)}
            helperText={toProblem ?? undefined}
            slotProps={{
              inputLabel: { shrink: true },
              htmlInput: { min: range.from || undefined },
            }}
            sx={{ width: 170 }}
          />
        </Stack>
      </Stack>
    </Paper>
  )
}
