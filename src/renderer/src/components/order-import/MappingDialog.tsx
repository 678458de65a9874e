import {
  Alert,
  Box,
  FormControl,
  InputLabel,
  MenuItem,
  Select,
  Stack,
  TextField,
  Typography,
} from '@mui/material'
import { useState } from 'react'
import {
  ORDER_FIELD_LABELS,
  ORDER_FIELDS,
  REQUIRED_ORDER_FIELDS,
  type ExampleOrderMapping,
  type OrderField,
  type OrderMapping,
  type SavedOrderMapping,
} from '../../../../shared/contract/order-mappings'
import { useBusiness } from '../../app/business-context'
import { useApiMutation } from '../../hooks/use-api'
import { FormDialog } from '../FormDialog'

const NONE = ''
type Columns = Partial<Record<OrderField, string>>

/** The example's columns that this file has, matched without regard to case. */
function columnsFrom(example: OrderMapping, header: string[]): Columns {
  const byKey = new Map(header.map((name) => [name.toLowerCase(), name]))
  const columns: Columns = {}
  for (const field of ORDER_FIELDS) {
    const wanted = example.columns[field]
    const found = wanted ? byKey.get(wanted.toLowerCase()) : undefined
    if (found) columns[field] = found
  }
  return columns
}

/** A first guess: the example that fits the header best. */
function initialColumns(header: string[], examples: readonly ExampleOrderMapping[]): Columns {
  let best: Columns = {}
  for (const example of examples) {
    const columns = columnsFrom(example.mapping, header)
    if (Object.keys(columns).length > Object.keys(best).length) best = columns
  }
  return best
}

/**
 * The mapping screen: each field of an order gets a column of the file's header, with the
 * decimal separator and the date format, saved under a name for the business.
 */
export function MappingDialog({
  header,
  sample,
  examples,
  onClose,
  onSaved,
}: {
  header: string[]
  sample: string[][]
  examples: readonly ExampleOrderMapping[]
  onClose: () => void
  onSaved: (mapping: SavedOrderMapping) => void
}) {
  const business = useBusiness()
  const save = useApiMutation('orderMappings.save')
  const [name, setName] = useState('')
  const [columns, setColumns] = useState<Columns>(() => initialColumns(header, examples))
  const [decimalSeparator, setDecimal] = useState<OrderMapping['decimalSeparator']>('.')
  const [dateFormat, setDateFormat] = useState<OrderMapping['dateFormat']>('iso')
  const [lineDiscountPer, setDiscountPer] = useState<OrderMapping['lineDiscountPer']>('line')
  const [error, setError] = useState<string | null>(null)
  const missing = REQUIRED_ORDER_FIELDS.filter((field) => !columns[field])

  const sampleOf = (column: string | undefined) => {
    const index = column ? header.indexOf(column) : -1
    return index < 0 ? '' : (sample.find((row) => row[index])?.[index] ?? '')
  }

  const submit = () => {
    setError(null)
    save
      .mutateAsync({
        businessId: business.id,
        name,
        mapping: { columns, decimalSeparator, dateFormat, lineDiscountPer },
      })
      .then(onSaved)
      .catch((failure: Error) => setError(failure.message))
  }

  return (
    <FormDialog
      title="New column mapping"
      submitLabel="Save mapping"
      maxWidth="md"
      onClose={onClose}
      onSubmit={(event) => {
        event.preventDefault()
        submit()
      }}
      submitting={save.isPending}
      error={error}
      footer={
        missing.length > 0 ? (
          <Typography variant="body2" color="warning.dark">
            Still to map: {missing.map((field) => ORDER_FIELD_LABELS[field].label).join(', ')}.
          </Typography>
        ) : (
          <Typography variant="body2" color="text.secondary">
            Every required field has a column. Rows with the same order id that follow each other
            are one order.
          </Typography>
        )
      }
    >
      <Stack direction="row" spacing={2}>
        <TextField
          label="Mapping name"
          value={name}
          onChange={(event) => setName(event.target.value)}
          placeholder="e.g. Our web shop"
          required
          sx={{ flex: 2 }}
        />
        {examples.length > 0 && (
          <FormControl sx={{ flex: 1 }} size="small">
            <InputLabel id="mapping-example">Start from</InputLabel>
            <Select
              labelId="mapping-example"
              label="Start from"
              value=""
              onChange={(event) => {
                const example = examples.find((item) => item.key === event.target.value)
                if (!example) return
                setColumns(columnsFrom(example.mapping, header))
                setDecimal(example.mapping.decimalSeparator)
                setDateFormat(example.mapping.dateFormat)
                setDiscountPer(example.mapping.lineDiscountPer)
              }}
            >
              {examples.map((example) => (
                <MenuItem key={example.key} value={example.key}>
                  {example.name}
                </MenuItem>
              ))}
            </Select>
          </FormControl>
        )}
      </Stack>
      <Alert severity="info" variant="outlined">
        The file has {header.length} columns. Choose the one that holds each field; leave out what
        the file does not have.
      </Alert>
      <Box
        role="group"
        aria-label="Columns"
        sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 2, rowGap: 1.5 }}
      >
        {ORDER_FIELDS.map((field) => (
          <FieldColumn
            key={field}
            field={field}
            header={header}
            value={columns[field]}
            example={sampleOf(columns[field])}
            onChange={(column) =>
              setColumns((current) => ({ ...current, [field]: column || undefined }))
            }
          />
        ))}
      </Box>
      <Stack direction="row" spacing={2}>
        <Choice
          label="Decimal separator"
          value={decimalSeparator}
          onChange={setDecimal}
          options={[
            ['.', 'Point: 1234.50'],
            [',', 'Comma: 1234,50'],
          ]}
        />
        <Choice
          label="Dates"
          value={dateFormat}
          onChange={setDateFormat}
          options={[
            ['iso', '2026-03-05 14:30'],
            ['dmy', '05/03/2026 (day first)'],
            ['mdy', '03/05/2026 (month first)'],
          ]}
        />
        <Choice
          label="Line discount is"
          value={lineDiscountPer}
          onChange={setDiscountPer}
          options={[
            ['line', 'For the whole line'],
            ['unit', 'Per item (× quantity)'],
          ]}
        />
      </Stack>
    </FormDialog>
  )
}

function FieldColumn({
  field,
  header,
  value,
  example,
  onChange,
}: {
  field: OrderField
  header: string[]
  value: string | undefined
  example: string
  onChange: (column: string) => void
}) {
  const { label, help } = ORDER_FIELD_LABELS[field]
  const required = REQUIRED_ORDER_FIELDS.includes(field)
  const id = `mapping-${field}`
  return (
    <FormControl size="small" required={required}>
      <InputLabel id={id}>{label}</InputLabel>
      <Select
        labelId={id}
        label={label}
        value={value ?? NONE}
        onChange={(event) => onChange(event.target.value)}
      >
        <MenuItem value={NONE}>
          <em>{required ? 'Choose a column' : 'Not in the file'}</em>
        </MenuItem>
        {header.map((column) => (
          <MenuItem key={column} value={column}>
            {column}
          </MenuItem>
        ))}
      </Select>
      <Typography variant="caption" color="text.secondary" sx={{ mt: 0.25, ml: 1.5 }} noWrap>
        {example ? `e.g. ${example}` : help || ' '}
      </Typography>
    </FormControl>
  )
}

function Choice<T extends string>({
  label,
  value,
  onChange,
  options,
}: {
  label: string
  value: T
  onChange: (value: T) => void
  options: [T, string][]
}) {
  const id = `choice-${label.replace(/\W+/g, '-').toLowerCase()}`
  return (
    <FormControl size="small" sx={{ flex: 1 }}>
      <InputLabel id={id}>{label}</InputLabel>
      <Select
        labelId={id}
        label={label}
        value={value}
        onChange={(event) => onChange(event.target.value as T)}
      >
        {options.map(([option, text]) => (
          <MenuItem key={option} value={option}>
            {text}
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  )
}
