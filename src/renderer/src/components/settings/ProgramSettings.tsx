import {
  Box,
  Checkbox,
  Divider,
  FormControlLabel,
  FormHelperText,
  FormLabel,
  Grid,
  Paper,
  Radio,
  RadioGroup,
  Stack,
  Typography,
} from '@mui/material'
import { zodResolver } from '@hookform/resolvers/zod'
import type { ReactNode } from 'react'
import {
  FormProvider,
  useController,
  useForm,
  useFormContext,
  useWatch,
  type Resolver,
} from 'react-hook-form'
import type { Program } from '../../../../shared/contract/commissions'
import { ATTRIBUTION_MODEL_LABELS } from '../../../../shared/commissions/describe-program'
import {
  ATTRIBUTION_MODELS,
  programSettings,
  type AttributionModel,
  type ProgramSettings,
} from '../../../../shared/commissions/rules'
import { useBusiness } from '../../app/business-context'
import { useApiMutation, useApiQuery } from '../../hooks/use-api'
import { countCodec } from '../campaign-editor/fields/codecs'
import { CommissionRuleEditor } from '../commissions/CommissionRuleEditor'
import { FormNumber, unitCodec } from '../commissions/FormNumber'
import { ProgramSummary } from '../commissions/ProgramSummary'
import { ErrorAlert } from '../ErrorAlert'
import { SaveBar, useSettingsSave } from './SettingsSave'

const resolver = zodResolver(programSettings) as Resolver<ProgramSettings>
const days = unitCodec(countCodec, 'days')
const points = unitCodec(countCodec, 'points')

function settingsOf(program: Program): ProgramSettings {
  const { businessId: _business, periodLengthLocked: _locked, ...settings } = program
  return settings
}

/** The business's affiliate program: who wins a sale, what it pays, when it is payable. */
export function ProgramSettingsSection() {
  const business = useBusiness()
  const program = useApiQuery('program.get', { businessId: business.id })
  return (
    <Paper component="section" sx={{ p: 3 }} aria-label="Affiliate program">
      <Typography variant="h6">Affiliate program</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        Which promoter earns a sale, what they earn, and when it becomes payable. A campaign can
        have its own commission rule on its page.
      </Typography>
      <ErrorAlert error={program.error} />
      {program.data && <ProgramForm key={business.id} program={program.data} />}
    </Paper>
  )
}

function ProgramForm({ program }: { program: Program }) {
  const business = useBusiness()
  const update = useApiMutation('program.update')
  const form = useForm<ProgramSettings>({
    defaultValues: settingsOf(program),
    resolver,
    mode: 'onChange',
  })
  const { submit, message } = useSettingsSave(
    form,
    'program',
    async (values) =>
      settingsOf(await update.mutateAsync({ businessId: business.id, program: values })),
    'Saved. New sales follow these settings.',
  )
  return (
    <FormProvider {...form}>
      <form onSubmit={submit} noValidate aria-label="Affiliate program settings">
        <Grid container spacing={4}>
          <Grid size={{ xs: 12, md: 6 }}>
            <AttributionFields />
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <PayoutFields locked={program.periodLengthLocked} />
          </Grid>
        </Grid>
        <Divider sx={{ my: 3 }} />
        <Part title="Commission rule">
          <CommissionRuleEditor name="rule" />
        </Part>
        <Box sx={{ mt: 3 }}>
          <ProgramSummary />
        </Box>
        <SaveBar label="Save program" busy={form.formState.isSubmitting} message={message} />
      </form>
    </FormProvider>
  )
}

function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box component="section" aria-label={title}>
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, mb: 1.5 }}>
        {title}
      </Typography>
      {children}
    </Box>
  )
}

function AttributionFields() {
  const { trigger } = useFormContext<ProgramSettings>()
  const model = useController<ProgramSettings, 'attributionModel'>({ name: 'attributionModel' })
  const lifetime = useController<ProgramSettings, 'engagementLifetimeDays'>({
    name: 'engagementLifetimeDays',
  })
  const never = lifetime.field.value === null
  return (
    <Part title="Attribution">
      <Stack spacing={2}>
        <Box>
          <FormLabel id="attribution-model-label">
            When several promoters engaged a customer
          </FormLabel>
          <RadioGroup
            aria-labelledby="attribution-model-label"
            value={model.field.value}
            onChange={(_event, value) => model.field.onChange(value as AttributionModel)}
          >
            {ATTRIBUTION_MODELS.map((value) => (
              <FormControlLabel
                key={value}
                value={value}
                control={<Radio size="small" />}
                label={ATTRIBUTION_MODEL_LABELS[value]}
              />
            ))}
          </RadioGroup>
        </Box>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
          {!never && (
            <FormNumber
              name="engagementLifetimeDays"
              label="Engagement lifetime"
              codec={days}
              helper="After its last event."
              sx={{ width: 200 }}
            />
          )}
          <FormControlLabel
            sx={{ mt: never ? 0 : 0.5 }}
            label="Engagements never expire"
            control={
              <Checkbox
                checked={never}
                onChange={(_event, on) => {
                  lifetime.field.onChange(on ? null : 30)
                  void trigger('engagementLifetimeDays')
                }}
              />
            }
          />
        </Stack>
        <Box>
          <Typography variant="body2" sx={{ fontWeight: 500, mb: 1.5 }}>
            Points per event (for “most points wins”)
          </Typography>
          <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
            <FormNumber
              name="points.coupon"
              label="Coupon used"
              codec={points}
              sx={{ width: 150 }}
            />
            <FormNumber
              name="points.visit"
              label="Referral visit"
              codec={points}
              sx={{ width: 150 }}
            />
            <FormNumber
              name="points.manual"
              label="Manual entry"
              codec={points}
              sx={{ width: 150 }}
            />
          </Stack>
        </Box>
      </Stack>
    </Part>
  )
}

function PayoutFields({ locked }: { locked: boolean }) {
  const period = useController<ProgramSettings, 'periodLength'>({ name: 'periodLength' })
  const current = useWatch<ProgramSettings, 'periodLength'>({ name: 'periodLength' })
  return (
    <Part title="Payouts">
      <Stack spacing={2}>
        <FormNumber
          name="holdingDays"
          label="Holding period"
          codec={days}
          helper="New commissions stay pending this long (the refund window); 0 pays at once."
          sx={{ width: 330 }}
        />
        <Box>
          <FormLabel id="period-length-label" disabled={locked}>
            Payout period
          </FormLabel>
          <RadioGroup
            row
            aria-labelledby="period-length-label"
            value={period.field.value}
            onChange={(_event, value) => period.field.onChange(value as 'monthly' | 'weekly')}
          >
            <FormControlLabel
              value="monthly"
              disabled={locked}
              control={<Radio size="small" />}
              label="Monthly"
            />
            <FormControlLabel
              value="weekly"
              disabled={locked}
              control={<Radio size="small" />}
              label="Weekly"
            />
          </RadioGroup>
          <FormHelperText>
            {locked
              ? `Commissions are already booked in ${current} periods, so the period length can no longer change: statements already issued would no longer add up.`
              : 'Statements are drawn up per promoter for each period.'}
          </FormHelperText>
        </Box>
      </Stack>
    </Part>
  )
}
