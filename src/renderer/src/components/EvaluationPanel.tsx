import { Alert, AlertTitle, Paper, Stack, Typography } from '@mui/material'
import type { Evaluation, PromotionOutcome } from '../../../shared/contract/checkout'
import { LinesTable } from './evaluation/LinesTable'
import { PromotionCard } from './evaluation/PromotionCard'
import { TotalsList } from './evaluation/TotalsList'

const ORDER: Record<PromotionOutcome['status'], number> = { applied: 0, dropped: 1, refused: 2 }

function CodeVerdict({ evaluation }: { evaluation: Evaluation }) {
  // A block refuses the whole sale, not only its code.
  if (evaluation.refusal?.reason === 'blocked')
    return (
      <Alert severity="error" role="alert">
        <AlertTitle>Sale refused: blocked</AlertTitle>
        {evaluation.refusal.message}
        {evaluation.refusal.hint && (
          <Typography variant="body2" sx={{ mt: 0.5, fontWeight: 600 }}>
            {evaluation.refusal.hint}
          </Typography>
        )}
      </Alert>
    )
  if (evaluation.refusal)
    return (
      <Alert severity="warning" role="alert">
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
    )
  if (evaluation.code && evaluation.applies)
    return (
      <Alert severity="success">
        <AlertTitle sx={{ mb: evaluation.promoter ? undefined : 0 }}>
          {evaluation.code} applies
        </AlertTitle>
        {evaluation.promoter && `Credited to ${evaluation.promoter.name}.`}
      </Alert>
    )
  return null
}

/**
 * What the engine said about a cart: the typed code's verdict, every promotion it considered
 * (applied, refused or not combined, with its checks), the lines with each promotion's share,
 * and the totals.
 */
export function EvaluationPanel({
  evaluation,
  currency,
}: {
  evaluation: Evaluation
  currency: string
}) {
  const promotions = [...evaluation.promotions].sort((a, b) => ORDER[a.status] - ORDER[b.status])
  const campaignNames = new Map(
    evaluation.promotions.map((promotion) => [promotion.campaignId, promotion.campaignName]),
  )
  const showTax =
    evaluation.totals.taxMinor > 0 || evaluation.lines.some((line) => line.taxRateBp > 0)
  return (
    <Paper sx={{ p: 2 }} aria-label="Checkout result">
      <Stack spacing={2}>
        <CodeVerdict evaluation={evaluation} />
        <section aria-label="Promotions">
          <Typography variant="subtitle2" color="text.secondary" sx={{ mb: 1 }}>
            Promotions
          </Typography>
          {promotions.length === 0 ? (
            <Typography variant="body2" color="text.secondary">
              No promotion applies to this cart.
            </Typography>
          ) : (
            <Stack spacing={1}>
              {promotions.map((promotion) => (
                <PromotionCard
                  key={`${promotion.campaignId}-${promotion.code ?? ''}`}
                  promotion={promotion}
                  currency={currency}
                />
              ))}
            </Stack>
          )}
        </section>
        <LinesTable
          lines={evaluation.lines}
          campaignNames={campaignNames}
          currency={currency}
          showTax={showTax}
        />
        <TotalsList totals={evaluation.totals} currency={currency} showTax={showTax} />
      </Stack>
    </Paper>
  )
}
