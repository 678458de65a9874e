import { Box, Chip, MenuItem, Stack, TextField, Typography } from '@mui/material'
import { zodResolver } from '@hookform/resolvers/zod'
import { Controller, useForm, useWatch, type Resolver } from 'react-hook-form'
import type { z } from 'zod'
import { BLOCK_KINDS, fraudContract } from '../../../../shared/contract/fraud'
import { useBusiness } from '../../app/business-context'
import { useApiMutation } from '../../hooks/use-api'
import { FormDialog, useServerSubmit } from '../FormDialog'
import { lastDecider, rememberDecider } from './decided-by'
import { BLOCK_KIND_LABELS, type BlockSuggestion } from './fraud-labels'

const blockForm = fraudContract['fraud.block'].input.pick({
  kind: true,
  value: true,
  note: true,
  decidedBy: true,
})
type Values = z.input<typeof blockForm>
const resolver = zodResolver(blockForm) as Resolver<Values>

const HELPERS: Record<Values['kind'], string> = {
  email: 'Also refuses its +tag variants, and for Gmail its dotted ones.',
  phone: 'Compared by its digits.',
  ip: 'The network address given at checkout.',
  device: 'The device id given at checkout.',
  code: 'Nobody can use this code any more.',
  customer: 'The customer record’s number.',
}

/**
 * Blocks an email, phone, IP, device, code or customer; checkout then refuses it. From a case,
 * the values its evidence holds are offered and the first is filled in.
 */
export function BlockDialog({
  caseId,
  suggestions = [],
  onClose,
}: {
  caseId?: number
  suggestions?: BlockSuggestion[]
  onClose: () => void
}) {
  const business = useBusiness()
  const block = useApiMutation('fraud.block')
  const first = suggestions[0]
  const form = useForm<Values>({
    defaultValues: {
      kind: first?.kind ?? 'email',
      value: first?.value ?? '',
      note: caseId === undefined ? '' : `From case #${caseId}`,
      decidedBy: lastDecider(),
    },
    resolver,
    mode: 'onChange',
  })
  const { register, formState, control, setValue } = form
  const kind = useWatch({ control, name: 'kind' })
  const submit = useServerSubmit(
    form,
    () => ({ kind: 'kind', value: 'value', note: 'note', decidedBy: 'decidedBy' }),
    async (values) => {
      await block.mutateAsync({ businessId: business.id, ...values, caseId })
      rememberDecider(values.decidedBy)
      onClose()
    },
  )
  const choose = (suggestion: BlockSuggestion) => {
    setValue('kind', suggestion.kind, { shouldValidate: true })
    setValue('value', suggestion.value, { shouldValidate: true })
  }
  return (
    <FormDialog
      title={caseId === undefined ? 'Block a value' : `Block from case #${caseId}`}
      submitLabel="Block"
      onClose={onClose}
      {...submit}
    >
      {suggestions.length > 0 && (
        <Box>
          <Typography variant="caption" color="text.secondary" component="div" sx={{ mb: 0.5 }}>
            From this case
          </Typography>
          <Stack
            direction="row"
            spacing={1}
            useFlexGap
            sx={{ flexWrap: 'wrap' }}
            role="group"
            aria-label="Values from this case"
          >
            {suggestions.map((suggestion) => (
              <Chip
                key={`${suggestion.kind}:${suggestion.value}`}
                size="small"
                variant="outlined"
                label={`${BLOCK_KIND_LABELS[suggestion.kind]}: ${suggestion.value}`}
                onClick={() => choose(suggestion)}
              />
            ))}
          </Stack>
        </Box>
      )}
      <Stack direction="row" spacing={2}>
        <Controller
          control={control}
          name="kind"
          render={({ field }) => (
            <TextField
              select
              label="Kind"
              sx={{ width: 170, flexShrink: 0 }}
              value={field.value}
              onChange={(event) => field.onChange(event.target.value)}
              onBlur={field.onBlur}
            >
              {BLOCK_KINDS.map((option) => (
                <MenuItem key={option} value={option}>
                  {BLOCK_KIND_LABELS[option]}
                </MenuItem>
              ))}
            </TextField>
          )}
        />
        <TextField
          label="Value"
          fullWidth
          {...register('value')}
          error={Boolean(formState.errors.value)}
          helperText={formState.errors.value?.message ?? HELPERS[kind]}
        />
      </Stack>
      <TextField
        label="Note (optional)"
        {...register('note')}
        error={Boolean(formState.errors.note)}
        helperText={formState.errors.note?.message}
      />
      <TextField
        label="Decided by"
        {...register('decidedBy')}
        error={Boolean(formState.errors.decidedBy)}
        helperText={formState.errors.decidedBy?.message ?? 'Your name, recorded with the block.'}
      />
    </FormDialog>
  )
}
