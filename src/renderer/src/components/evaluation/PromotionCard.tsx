import {
  Box,
  Button,
  Chip,
  Collapse,
  List,
  ListItem,
  ListItemIcon,
  ListItemText,
  Stack,
  Typography,
} from '@mui/material'
import AutoModeIcon from '@mui/icons-material/AutoMode'
import CancelIcon from '@mui/icons-material/Cancel'
import CheckCircleIcon from '@mui/icons-material/CheckCircle'
import ExpandMoreIcon from '@mui/icons-material/ExpandMore'
import TrendingUpIcon from '@mui/icons-material/TrendingUp'
import { useState } from 'react'
import type { PromotionOutcome } from '../../../../shared/contract/checkout'
import type { PromotionStatus } from '../../../../shared/promotions/outcome'
import { money } from '../../format'

const STATUS: Record<
  PromotionStatus,
  { label: string; color: 'success' | 'default' | 'warning'; accent: string }
> = {
  applied: { label: 'Applied', color: 'success', accent: 'success.main' },
  refused: { label: 'Not applied', color: 'default', accent: 'grey.400' },
  dropped: { label: 'Not combined', color: 'warning', accent: 'warning.main' },
}

function SourceChip({ promotion }: { promotion: PromotionOutcome }) {
  if (promotion.code === null)
    return (
      <Chip
        size="small"
        variant="outlined"
        color="secondary"
        icon={<AutoModeIcon />}
        label="Automatic"
      />
    )
  return (
    <Chip
      size="small"
      variant="outlined"
      label={promotion.code}
      sx={{ fontFamily: 'monospace', fontWeight: 600 }}
    />
  )
}

function Checks({ promotion }: { promotion: PromotionOutcome }) {
  const [open, setOpen] = useState(false)
  const passed = promotion.checks.filter((check) => check.ok).length
  return (
    <>
      <Button
        size="small"
        color="inherit"
        onClick={() => setOpen(!open)}
        aria-expanded={open}
        endIcon={
          <ExpandMoreIcon
            sx={{ transform: open ? 'rotate(180deg)' : 'none', transition: 'transform 150ms' }}
          />
        }
        sx={{ mt: 0.5, ml: -0.75, color: 'text.secondary', fontWeight: 500 }}
      >
        {passed} of {promotion.checks.length} checks passed
      </Button>
      <Collapse in={open} unmountOnExit>
        <List dense disablePadding aria-label={`Checks for ${promotion.campaignName}`}>
          {promotion.checks.map((check, index) => (
            <ListItem key={`${check.rule}-${index}`} disableGutters sx={{ py: 0 }}>
              <ListItemIcon sx={{ minWidth: 28 }}>
                {check.ok ? (
                  <CheckCircleIcon color="success" sx={{ fontSize: 18 }} titleAccess="passed" />
                ) : (
                  <CancelIcon color="error" sx={{ fontSize: 18 }} titleAccess="failed" />
                )}
              </ListItemIcon>
              <ListItemText primary={check.label} slotProps={{ primary: { variant: 'body2' } }} />
            </ListItem>
          ))}
        </List>
      </Collapse>
    </>
  )
}

/** One promotion the engine considered: what it is, whether it applied, and why (not). */
export function PromotionCard({
  promotion,
  currency,
}: {
  promotion: PromotionOutcome
  currency: string
}) {
  const status = STATUS[promotion.status]
  const off = promotion.discountMinor + promotion.shippingDiscountMinor
  return (
    <Box
      role="group"
      aria-label={`Promotion ${promotion.campaignName}`}
      sx={{
        border: 1,
        borderColor: 'divider',
        borderLeft: 4,
        borderLeftColor: status.accent,
        borderRadius: 1,
        px: 1.5,
        py: 1.25,
      }}
    >
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Typography variant="body1" sx={{ fontWeight: 600, flex: 1, minWidth: 0 }} noWrap>
          {promotion.campaignName}
        </Typography>
        <SourceChip promotion={promotion} />
        <Chip
          size="small"
          label={status.label}
          color={status.color}
          variant={promotion.status === 'applied' ? 'filled' : 'outlined'}
        />
      </Stack>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'baseline', mt: 0.5 }}>
        <Typography variant="body2" color="text.secondary" sx={{ flex: 1 }}>
          {promotion.terms}
        </Typography>
        {promotion.status === 'applied' && (
          <Typography
            variant="body1"
            sx={{ fontWeight: 600, color: 'success.dark', whiteSpace: 'nowrap' }}
            data-testid="promotion-amount"
          >
            −{money(off, currency)}
          </Typography>
        )}
      </Stack>
      {promotion.status === 'applied' && promotion.shippingDiscountMinor > 0 && (
        <Typography
          variant="caption"
          color="text.secondary"
          component="div"
          sx={{ textAlign: 'right' }}
        >
          incl. {money(promotion.shippingDiscountMinor, currency)} off shipping
        </Typography>
      )}
      {promotion.refusal && (
        <Box sx={{ mt: 0.75 }}>
          <Typography variant="body2">{promotion.refusal.message}</Typography>
          {promotion.refusal.hint && (
            <Typography variant="body2" sx={{ fontWeight: 600, color: 'warning.dark' }}>
              {promotion.refusal.hint}
            </Typography>
          )}
        </Box>
      )}
      {/* A refused promotion's own hint already says what unlocks it. */}
      {promotion.status === 'applied' && promotion.hint && (
        <Stack
          direction="row"
          spacing={0.75}
          sx={{ mt: 0.75, alignItems: 'center', color: 'primary.main' }}
        >
          <TrendingUpIcon sx={{ fontSize: 18 }} />
          <Typography variant="body2" sx={{ fontWeight: 600 }}>
            {promotion.hint}
          </Typography>
        </Stack>
      )}
      {promotion.checks.length > 0 && <Checks promotion={promotion} />}
    </Box>
  )
}
