import CloseIcon from '@mui/icons-material/Close'
import BlockIcon from '@mui/icons-material/Block'
import {
  Alert,
  Box,
  Button,
  Chip,
  CircularProgress,
  Drawer,
  IconButton,
  Link,
  Stack,
  Typography,
} from '@mui/material'
import { useId, useState, type ReactNode } from 'react'
import { Link as RouterLink } from 'react-router'
import type { FraudCaseDetail } from '../../../../shared/contract/fraud'
import { useBusiness } from '../../app/business-context'
import { count, dateTime, money } from '../../format'
import { useApiQuery } from '../../hooks/use-api'
import { ErrorAlert } from '../ErrorAlert'
import { BlockDialog } from './BlockDialog'
import { CaseOrdersTable } from './CaseOrdersTable'
import { CaseStatusChip } from './CaseStatusChip'
import { DecideDialog } from './DecideDialog'
import { blockSuggestions, DECISION_LABELS, FRAUD_SIGNAL_LABELS } from './fraud-labels'

/** One case from the side: what it is about, its orders and evidence, its history, the decision. */
export function CaseDrawer({ caseId, onClose }: { caseId: number; onClose: () => void }) {
  const business = useBusiness()
  const titleId = useId()
  const detail = useApiQuery('fraud.case', { businessId: business.id, caseId })
  const data = detail.data?.id === caseId ? detail.data : undefined
  return (
    <Drawer
      anchor="right"
      open
      onClose={onClose}
      // Above the app bar, which sits above the navigation drawer.
      sx={{ zIndex: (theme) => theme.zIndex.modal }}
      slotProps={{
        paper: {
          role: 'dialog',
          'aria-labelledby': titleId,
          sx: { width: { xs: '100%', md: 920 }, display: 'flex', flexDirection: 'column' },
        },
      }}
    >
      <Stack
        direction="row"
        spacing={1}
        sx={{ alignItems: 'center', px: 3, py: 1.5, borderBottom: 1, borderColor: 'divider' }}
      >
        <Typography id={titleId} variant="h6" component="h2" sx={{ flex: 1 }}>
          Case #{caseId}
          {data ? ` · ${FRAUD_SIGNAL_LABELS[data.signal]}` : ''}
        </Typography>
        {data && <CaseStatusChip status={data.status} />}
        <IconButton aria-label="Close" onClick={onClose}>
          <CloseIcon />
        </IconButton>
      </Stack>
      <Box sx={{ flex: 1, overflowY: 'auto', px: 3, py: 2 }}>
        <ErrorAlert error={detail.error} />
        {data ? (
          <CaseBody detail={data} />
        ) : (
          !detail.error && <CircularProgress aria-label="Loading the case" sx={{ m: 4 }} />
        )}
      </Box>
      {data && <CaseActions detail={data} />}
    </Drawer>
  )
}

/** While open the commission is held; once confirmed, what is left after the clawback (nothing). */
const COMMISSION_LABELS = {
  open: 'Commission held',
  dismissed: 'Commission',
  confirmed: 'Commission left',
} as const

function CaseBody({ detail }: { detail: FraudCaseDetail }) {
  const business = useBusiness()
  const amount = (minor: number) => money(minor, business.currency)
  return (
    <Stack spacing={3}>
      <Box>
        <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
          {detail.summary}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          Opened {dateTime(detail.openedAt, business.timeZone)} · updated{' '}
          {dateTime(detail.updatedAt, business.timeZone)} · about{' '}
          <Box component="span" sx={{ fontFamily: 'monospace' }}>
            {detail.subject}
          </Box>
        </Typography>
      </Box>
      <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Fact label="Orders">{count(detail.orders)}</Fact>
        <Fact label={COMMISSION_LABELS[detail.status]}>{amount(detail.commissionMinor)}</Fact>
        <Fact label="Discount given">{amount(detail.discountMinor)}</Fact>
        <Fact label="At risk" strong>
          {amount(detail.atRiskMinor)}
        </Fact>
      </Stack>
      <Section title={`Orders and evidence (${count(detail.entries.length)})`}>
        <CaseOrdersTable orders={detail.entries} />
      </Section>
      {detail.promoterHistory && detail.promoterId !== null && (
        <Section title="Promoter’s history">
          <Stack
            direction="row"
            spacing={4}
            useFlexGap
            sx={{ flexWrap: 'wrap', alignItems: 'flex-end' }}
          >
            <Fact label="Promoter">
              <Link component={RouterLink} to={`/promoters/${detail.promoterId}`} underline="hover">
                {detail.promoterName}
              </Link>
            </Fact>
            <Fact label="Sales">{count(detail.promoterHistory.sales)}</Fact>
            <Fact label="Refunded">{count(detail.promoterHistory.refunded)}</Fact>
            <Fact label="Earned">{amount(detail.promoterHistory.earnedMinor)}</Fact>
            <Fact label="Cases">{count(detail.promoterHistory.cases)}</Fact>
          </Stack>
        </Section>
      )}
      <Section title="Decisions">
        {detail.decisions.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            No decision yet. While the case is open, the commissions of its sales are held: they are
            not payable until you dismiss or confirm it.
          </Typography>
        ) : (
          <Stack
            spacing={1.5}
            component="ol"
            sx={{ m: 0, p: 0, listStyle: 'none' }}
            aria-label="Decisions"
          >
            {detail.decisions.map((decision, index) => (
              <Box component="li" key={index}>
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                  <Chip
                    size="small"
                    label={DECISION_LABELS[decision.action]}
                    color={decision.action === 'confirm' ? 'error' : 'default'}
                    variant="outlined"
                  />
                  <Typography variant="body2" color="text.secondary">
                    by {decision.decidedBy} · {dateTime(decision.decidedAt, business.timeZone)}
                  </Typography>
                </Stack>
                <Typography variant="body2" sx={{ mt: 0.5, whiteSpace: 'pre-wrap' }}>
                  {decision.note}
                </Typography>
              </Box>
            ))}
          </Stack>
        )}
      </Section>
    </Stack>
  )
}

function CaseActions({ detail }: { detail: FraudCaseDetail }) {
  const [dialog, setDialog] = useState<'dismiss' | 'confirm' | 'block' | null>(null)
  const open = detail.status === 'open'
  return (
    <Box sx={{ px: 3, py: 1.5, borderTop: 1, borderColor: 'divider' }}>
      {!open && (
        <Alert severity={detail.status === 'confirmed' ? 'warning' : 'info'} sx={{ mb: 1.5 }}>
          {detail.status === 'confirmed'
            ? 'Confirmed: the commissions of these sales were reversed; the sales stand.'
            : 'Dismissed: the commissions of these sales are payable.'}
        </Alert>
      )}
      <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
        <Button color="inherit" startIcon={<BlockIcon />} onClick={() => setDialog('block')}>
          Block…
        </Button>
        {open && (
          <>
            <Button variant="outlined" onClick={() => setDialog('dismiss')}>
              Dismiss…
            </Button>
            <Button variant="contained" color="error" onClick={() => setDialog('confirm')}>
              Confirm fraud…
            </Button>
          </>
        )}
      </Stack>
      {(dialog === 'dismiss' || dialog === 'confirm') && (
        <DecideDialog detail={detail} action={dialog} onClose={() => setDialog(null)} />
      )}
      {dialog === 'block' && (
        <BlockDialog
          caseId={detail.id}
          suggestions={blockSuggestions(detail)}
          onClose={() => setDialog(null)}
        />
      )}
    </Box>
  )
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box component="section" aria-label={title}>
      <Typography variant="subtitle2" component="h3" color="text.secondary" sx={{ mb: 1 }}>
        {title}
      </Typography>
      {children}
    </Box>
  )
}

function Fact({
  label,
  children,
  strong,
}: {
  label: string
  children: ReactNode
  strong?: boolean
}) {
  return (
    <Box>
      <Typography variant="caption" color="text.secondary" component="div">
        {label}
      </Typography>
      <Typography variant="body1" component="div" sx={{ fontWeight: strong ? 700 : 500 }}>
        {children}
      </Typography>
    </Box>
  )
}
