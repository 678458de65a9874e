import { FormControl, InputLabel, ListSubheader, MenuItem, Select, Stack } from '@mui/material'
import type { ImportFormat } from '../../../../shared/contract/order-imports'
import type { SavedOrderMapping } from '../../../../shared/contract/order-mappings'

const NEW_MAPPING = 'new'
const NUMBERED = 'numbered'

/**
 * How to read the file: source 003's built-in layout (with its decimal separator and date
 * format), a saved mapping, or a new mapping made on the mapping screen.
 */
export function FormatPicker({
  value,
  saved,
  onChange,
  onNewMapping,
  disabled,
}: {
  value: ImportFormat | null
  saved: SavedOrderMapping[]
  onChange: (format: ImportFormat) => void
  onNewMapping: () => void
  disabled?: boolean
}) {
  const selected = !value
    ? ''
    : value.layout === 'numbered'
      ? NUMBERED
      : `mapping:${value.mappingId}`
  return (
    <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
      <FormControl size="small" sx={{ minWidth: 360 }} disabled={disabled}>
        <InputLabel id="import-layout">Layout</InputLabel>
        <Select
          labelId="import-layout"
          label="Layout"
          value={selected}
          onChange={(event) => {
            const choice = String(event.target.value)
            if (choice === NEW_MAPPING) onNewMapping()
            else if (choice === NUMBERED)
              onChange({ layout: 'numbered', decimalSeparator: '.', dateFormat: 'iso' })
            else onChange({ layout: 'mapped', mappingId: Number(choice.slice('mapping:'.length)) })
          }}
        >
          <MenuItem value={NUMBERED}>Source 003 layout (PRODUCT01, PRICE01, QUANTITY01…)</MenuItem>
          {saved.length > 0 && <ListSubheader>Saved mappings</ListSubheader>}
          {saved.map((mapping) => (
            <MenuItem key={mapping.id} value={`mapping:${mapping.id}`}>
              {mapping.name}
            </MenuItem>
          ))}
          <MenuItem value={NEW_MAPPING} sx={{ color: 'primary.main', fontWeight: 600 }}>
            New column mapping…
          </MenuItem>
        </Select>
      </FormControl>
      {value?.layout === 'numbered' && (
        <>
          <FormControl size="small" sx={{ minWidth: 180 }} disabled={disabled}>
            <InputLabel id="import-decimal">Decimal separator</InputLabel>
            <Select
              labelId="import-decimal"
              label="Decimal separator"
              value={value.decimalSeparator}
              onChange={(event) =>
                onChange({ ...value, decimalSeparator: event.target.value as '.' | ',' })
              }
            >
              <MenuItem value=".">Point: 20.00</MenuItem>
              <MenuItem value=",">Comma: 20,00</MenuItem>
            </Select>
          </FormControl>
          <FormControl size="small" sx={{ minWidth: 200 }} disabled={disabled}>
            <InputLabel id="import-dates">Dates</InputLabel>
            <Select
              labelId="import-dates"
              label="Dates"
              value={value.dateFormat}
              onChange={(event) =>
                onChange({ ...value, dateFormat: event.target.value as 'iso' | 'dmy' | 'mdy' })
              }
            >
              <MenuItem value="iso">2026-03-05 14:30</MenuItem>
              <MenuItem value="dmy">05/03/2026 (day first)</MenuItem>
              <MenuItem value="mdy">03/05/2026 (month first)</MenuItem>
            </Select>
          </FormControl>
        </>
      )}
    </Stack>
  )
}
