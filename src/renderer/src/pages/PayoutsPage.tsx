import { Alert, Box, Button, Paper, Stack, Typography } from '@mui/material'
import LockIcon from '@mui/icons-material/LockOutlined'
import { useState } from 'react'
import type { PayoutPeriod, Statement } from '../../../shared/contract/payouts'
import { useBusiness } from '../app/business-context'
import { call } from '../api-client'
import { ConfirmDialog } from '../components/ConfirmDialog'
import { ErrorAlert } from '../components/ErrorAlert'
import { ExportButton } from '../components/ExportButton'
import { PageHeader } from '../components/PageHeader'
import { MarkPaidDialog } from '../components/payouts/MarkPaidDialog'
import { PeriodStatusChip, PeriodsTable } from '../components/payouts/PeriodsTable'
import { StatementLinesDialog } from '../components/payouts/StatementLinesDialog'
import { StatementsGrid } from '../components/payouts/StatementsGrid'
import { count, dateTime, firstDay, lastDay } from '../format'
import { useApiMutation, useApiQuery } from '../hooks/use-api'

/** Payout periods, their statements per promoter, and closing, paying and exporting them. */
export default function PayoutsPage() {
  const business = useBusiness()
  const periods = useApiQuery('payouts.periods', { businessId: business.id })
  const [chosen, setChosen] = useState<string | null>(null)
  const list = periods.data ?? []
  // The period that needs the bookkeeper first: one ready to close, else the newest.
  const selected = chosen ?? (list.find((period) => period.closable) ?? list[0])?.periodKey ?? null
  return (
    <>
      <PageHeader
        title="Payouts"
        subtitle="What each promoter earned per period, what is payable, and what was paid. Close a period to freeze its statements, then record the payments."
      />
      <ErrorAlert error={periods.error} />
      {periods.isSuccess && list.length === 0 && (
        <Alert severity="info">
          No payout periods yet: a period appears once a sale is attributed to a promoter.
        </Alert>
      )}
      {list.length > 0 && <PeriodsTable periods={list} selected={selected} onSelect={setChosen} />}
      {selected && <PeriodStatements periodKey={selected} />}
    </>
  )
}

function PeriodStatements({ periodKey }: { periodKey: string }) {
  const business = useBusiness()
  const scope = { businessId: business.id, periodKey }
  const statements = useApiQuery('payouts.statements', scope)
  const close = useApiMutation('payouts.close')
  const [dialog, setDialog] = useState<
    { kind: 'close' } | { kind: 'lines' | 'pay'; statement: Statement } | null
  >(null)
  const [exportError, setExportError] = useState<Error | null>(null)
  const data = statements.data?.period.periodKey === periodKey ? statements.data : undefined
  const period = data?.period
  return (
    <Paper sx={{ p: 2 }} aria-label="Period statements" component="section">
      <ErrorAlert error={statements.error ?? exportError} />
      {period && data && (
        <>
          <Stack
            direction="row"
            spacing={2}
            sx={{ alignItems: 'flex-start', justifyContent: 'space-between', mb: 2 }}
          >
            <Box>
              <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
                <Typography variant="h6" component="h2">
                  {period.label}
                </Typography>
                <PeriodStatusChip period={period} />
              </Stack>
              <Typography variant="body2" color="text.secondary">
                {periodNote(period, business.timeZone)}
              </Typography>
            </Box>
            <Stack direction="row" spacing={1} sx={{ flexShrink: 0 }}>
              <ExportButton
                label="Export to Excel"
                start={() => call('exports.statements', { ...scope, format: 'xlsx' })}
                onError={setExportError}
              />
              <ExportButton
                label="Export CSV"
                start={() => call('exports.statements', { ...scope, format: 'csv' })}
                onError={setExportError}
              />
              {period.status === 'open' && (
                <Button
                  variant="contained"
                  startIcon={<LockIcon />}
                  disabled={!period.closable}
                  onClick={() => setDialog({ kind: 'close' })}
                >
                  Close period
                </Button>
              )}
            </Stack>
          </Stack>
          <StatementsGrid
            period={period}
            statements={data.statements}
            onOpen={(statement) => setDialog({ kind: 'lines', statement })}
            onMarkPaid={(statement) => setDialog({ kind: 'pay', statement })}
          />
          <Typography
            variant="caption"
            color="text.secondary"
            component="p"
            sx={{ mt: 1, overflowWrap: 'anywhere' }}
            data-testid="ledger-head"
          >
            Ledger head{period.status === 'closed' ? ' at closing' : ''}:{' '}
            <Box component="span" sx={{ fontFamily: 'monospace' }}>
              {data.ledgerHead}
            </Box>
          </Typography>
          {dialog?.kind === 'close' && (
            <ConfirmDialog
              title={`Close ${period.label}?`}
              confirmLabel="Close period"
              onConfirm={() => close.mutateAsync(scope)}
              onClose={() => setDialog(null)}
            >
              Closing freezes the {count(data.statements.length)}{' '}
              {data.statements.length === 1 ? 'statement' : 'statements'} of {period.label} so they
              can be paid. It cannot be undone: refunds of its sales recorded later land as
              adjustments in the next period.
            </ConfirmDialog>
          )}
          {dialog?.kind === 'lines' && (
            <StatementLinesDialog
              period={period}
              statement={dialog.statement}
              onClose={() => setDialog(null)}
            />
          )}
          {dialog?.kind === 'pay' && (
            <MarkPaidDialog
              period={period}
              statement={dialog.statement}
              onClose={() => setDialog(null)}
            />
          )}
        </>
      )}
    </Paper>
  )
}

/** Where the period stands and, while it cannot close yet, why. */
function periodNote(period: PayoutPeriod, timeZone: string): string {
  const span = `${firstDay(period.startsAt, timeZone)} – ${lastDay(period.endsAt, timeZone)}`
  if (period.status === 'closed')
    return `${span}. Closed ${dateTime(period.closedAt, timeZone)}: its statements are frozen; later refunds of its sales land in the next period.`
  if (period.closable) return `${span}. Ended: close it to freeze its statements and pay them.`
  if (period.endsAt > Date.now())
    return `${span}. Open: statements change as sales come in; it can close after ${lastDay(period.endsAt, timeZone)}.`
  return `${span}. Ended, but an earlier period with activity is still open: close that one first.`
}
