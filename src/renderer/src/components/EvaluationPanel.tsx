import {
  Alert,
  AlertTitle,
  Box,
  Divider,
  List,
  ListItem,
  ListItemIcon,
  ListItemText,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material'
import CheckCircleIcon from '@mui/icons-material/CheckCircle'
import CancelIcon from '@mui/icons-material/Cancel'
import type { Evaluation } from '../../../shared/contract/checkout'
import { money } from '../format'

/** What the engine said about the cart: the verdict, every rule it checked, and the money per line. */
export function EvaluationPanel({
  evaluation,
  currency,
}: {
  evaluation: Evaluation
  currency: string
}) {
  const { totals } = evaluation
  return (
    <Paper sx={{ p: 2 }} aria-label="Checkout result">
      {evaluation.code && evaluation.applies && (
        <Alert severity="success" sx={{ mb: 2 }}>
          <AlertTitle>{evaluation.code} applies</AlertTitle>
          {evaluation.terms}
          {evaluation.promoter && ` Credited to ${evaluation.promoter.name}.`}
        </Alert>
      )}
      {evaluation.refusal && (
        <Alert severity="warning" sx={{ mb: 2 }} role="alert">
          <AlertTitle>
            {evaluation.code ? `${evaluation.code} does not apply` : 'Cannot apply'}
          </AlertTitle>
          {evaluation.refusal.message}
          {evaluation.refusal.hint && (
            <Typography variant="body2" sx={{ mt: 0.5, fontWeight: 600 }}>
              {evaluation.refusal.hint}
            </Typography>
          )}
        </Alert>
      )}
      {evaluation.checks.length > 0 && (
        <>
          <Typography variant="subtitle2" color="text.secondary">
            Rules checked
          </Typography>
          <List dense disablePadding sx={{ mb: 1 }} aria-label="Rules checked">
            {evaluation.checks.map((check) => (
              <ListItem key={check.rule} disableGutters>
                <ListItemIcon sx={{ minWidth: 30 }}>
                  {check.ok ? (
                    <CheckCircleIcon color="success" fontSize="small" titleAccess="passed" />
                  ) : (
                    <CancelIcon color="error" fontSize="small" titleAccess="failed" />
                  )}
                </ListItemIcon>
                <ListItemText primary={check.label} />
              </ListItem>
            ))}
          </List>
        </>
      )}
      <Table size="small" aria-label="Lines">
        <TableHead>
          <TableRow>
            <TableCell>Item</TableCell>
            <TableCell align="right">Qty</TableCell>
            <TableCell align="right">Amount</TableCell>
            <TableCell align="right">Discount</TableCell>
            <TableCell align="right">Net</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {evaluation.lines.map((line, index) => (
            <TableRow key={index}>
              <TableCell>{line.name ?? line.sku}</TableCell>
              <TableCell align="right">{line.quantity}</TableCell>
              <TableCell align="right">{money(line.grossMinor, currency)}</TableCell>
              <TableCell align="right">
                {line.discountMinor > 0 ? `−${money(line.discountMinor, currency)}` : '—'}
              </TableCell>
              <TableCell align="right">{money(line.netMinor, currency)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Stack spacing={0.5} sx={{ mt: 2 }} aria-label="Totals">
        <Total label="Subtotal" value={money(totals.subtotalMinor, currency)} />
        <Total
          label="Discount"
          value={
            totals.discountMinor > 0
              ? `−${money(totals.discountMinor, currency)}`
              : money(0, currency)
          }
        />
        <Total label="Shipping" value={money(totals.shippingMinor, currency)} />
        <Divider />
        <Total label="Total" value={money(totals.totalMinor, currency)} strong />
      </Stack>
    </Paper>
  )
}

function Total({
  label,
  value,
  strong = false,
}: {
  label: string
  value: string
  strong?: boolean
}) {
  return (
    <Box sx={{ display: 'flex', justifyContent: 'space-between' }}>
      <Typography variant={strong ? 'h6' : 'body2'}>{label}</Typography>
      <Typography variant={strong ? 'h6' : 'body2'} data-testid={`total-${label.toLowerCase()}`}>
        {value}
      </Typography>
    </Box>
  )
}
