import {
  Alert,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material'
import { useId, type ReactNode } from 'react'
import { ATTRIBUTION_MODEL_LABELS } from '../../../shared/commissions/describe-program'
import type { SaleAttribution } from '../../../shared/contract/commissions'
import { useBusiness } from '../app/business-context'
import { count, dateTime, money } from '../format'
import { useApiQuery } from '../hooks/use-api'
import { ErrorAlert } from './ErrorAlert'

/** Who earned a sale and why: the recorded winner, the commission, and every engagement that competed. */
export function AttributionDialog({
  entryId,
  orderRef,
  onClose,
}: {
  entryId: number
  orderRef: string
  onClose: () => void
}) {
  const business = useBusiness()
  const titleId = useId()
  const attribution = useApiQuery('sales.attribution', { businessId: business.id, entryId })
  const data = attribution.data?.entryId === entryId ? attribution.data : undefined
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" aria-labelledby={titleId}>
      <DialogTitle id={titleId}>Who earned order {orderRef}</DialogTitle>
      <DialogContent>
        <ErrorAlert error={attribution.error} />
        {data && <AttributionDetails attribution={data} />}
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={onClose}>
          Close
        </Button>
      </DialogActions>
    </Dialog>
  )
}

function AttributionDetails({ attribution }: { attribution: SaleAttribution }) {
  const business = useBusiness()
  return (
    <Stack spacing={2}>
      <Alert severity={attribution.promoterId === null ? 'info' : 'success'} icon={false}>
        <Typography variant="body1" data-testid="attribution-explanation">
          {attribution.explanation}
        </Typography>
      </Alert>
      <Stack direction="row" spacing={5}>
        <Fact label="Promoter">{attribution.promoterName ?? 'Nobody'}</Fact>
        <Fact label="Commission">
          <span data-testid="attribution-commission">
            {money(attribution.commissionMinor, business.currency)}
          </span>
        </Fact>
        <Fact label="Attribution model">{ATTRIBUTION_MODEL_LABELS[attribution.model]}</Fact>
      </Stack>
      <div>
        <Typography variant="subtitle2" sx={{ mb: 0.5 }}>
          Engagements at the time of the sale
        </Typography>
        {attribution.engagements.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            The customer had no engagement with any promoter.
          </Typography>
        ) : (
          <Table size="small" aria-label="Competing engagements">
            <TableHead>
              <TableRow>
                <TableCell>Promoter</TableCell>
                <TableCell align="right">Points</TableCell>
                <TableCell>First</TableCell>
                <TableCell>Last</TableCell>
                <TableCell>Status</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {attribution.engagements.map((engagement) => (
                <TableRow key={engagement.promoterId}>
                  <TableCell sx={{ fontWeight: 600 }}>
                    {engagement.promoterName}
                    {engagement.promoterId === attribution.promoterId && (
                      <Chip size="small" color="success" label="Won" sx={{ ml: 1 }} />
                    )}
                  </TableCell>
                  <TableCell align="right">{count(engagement.points)}</TableCell>
                  <TableCell>{dateTime(engagement.firstAt, business.timeZone)}</TableCell>
                  <TableCell>{dateTime(engagement.lastAt, business.timeZone)}</TableCell>
                  <TableCell>
                    {engagement.alive ? (
                      <Chip size="small" variant="outlined" color="success" label="Live" />
                    ) : (
                      <Chip size="small" variant="outlined" label="Expired" />
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </div>
    </Stack>
  )
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Typography variant="caption" color="text.secondary" component="div">
        {label}
      </Typography>
      <Typography variant="body1" component="div">
        {children}
      </Typography>
    </div>
  )
}
