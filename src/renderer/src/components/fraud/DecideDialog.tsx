import { Alert, TextField } from '@mui/material'
import { zodResolver } from '@hookform/resolvers/zod'
import { useForm, type Resolver } from 'react-hook-form'
import type { z } from 'zod'
import { fraudContract, type FraudCaseDetail } from '../../../../shared/contract/fraud'
import { useBusiness } from '../../app/business-context'
import { count, money } from '../../format'
import { useApiMutation } from '../../hooks/use-api'
import { FormDialog, useServerSubmit } from '../FormDialog'
import { lastDecider, rememberDecider } from './decided-by'

const decision = fraudContract['fraud.decide'].input.pick({ note: true, decidedBy: true })
type Values = z.input<typeof decision>
const resolver = zodResolver(decision) as Resolver<Values>

/**
 * Dismisses or confirms an open case, with who decides and why. Confirming says plainly what
 * it does: the commissions of the case's sales are reversed, the sales are not.
 */
export function DecideDialog({
  detail,
  action,
  onClose,
}: {
  detail: FraudCaseDetail
  action: 'dismiss' | 'confirm'
  onClose: () => void
}) {
  const business = useBusiness()
  const decide = useApiMutation('fraud.decide')
  const form = useForm<Values>({
    defaultValues: { note: '', decidedBy: lastDecider() },
    resolver,
    mode: 'onChange',
  })
  const { register, formState } = form
  const submit = useServerSubmit(
    form,
    () => ({ note: 'note', decidedBy: 'decidedBy' }),
    async (values) => {
      await decide.mutateAsync({ businessId: business.id, caseId: detail.id, action, ...values })
      rememberDecider(values.decidedBy)
      onClose()
    },
  )
  const one = detail.orders === 1
  const sales = one ? 'this sale' : `these ${count(detail.orders)} sales`
  const commission = money(Math.max(0, detail.commissionMinor), business.currency)
  const it = one ? 'it' : 'them'
  const unpaid = detail.promoterName
    ? `${detail.promoterName} is not paid for ${it}`
    : `nobody is paid for ${it}`
  return (
    <FormDialog
      title={
        action === 'confirm' ? `Confirm case #${detail.id} as fraud` : `Dismiss case #${detail.id}`
      }
      submitLabel={action === 'confirm' ? 'Confirm and reverse commissions' : 'Dismiss case'}
      onClose={onClose}
      {...submit}
    >
      {action === 'confirm' ? (
        <Alert severity="warning">
          The commission of {sales} ({commission}) is reversed by clawback entries in the ledger, so{' '}
          {unpaid}. The sales themselves are never reversed: the orders, their totals and their
          discounts stay as recorded. This cannot be undone.
        </Alert>
      ) : (
        <Alert severity="info">
          The held commission of {sales} ({commission}) is released and becomes payable in its
          payout period. The case stays on record with your note.
        </Alert>
      )}
      <TextField
        label="Note"
        multiline
        minRows={3}
        autoFocus
        {...register('note')}
        error={Boolean(formState.errors.note)}
        helperText={
          formState.errors.note?.message ??
          (action === 'confirm' ? 'What shows it is fraud.' : 'Why it is not fraud.')
        }
      />
      <TextField
        label="Decided by"
        {...register('decidedBy')}
        error={Boolean(formState.errors.decidedBy)}
        helperText={formState.errors.decidedBy?.message ?? 'Your name, recorded with the decision.'}
      />
    </FormDialog>
  )
}
