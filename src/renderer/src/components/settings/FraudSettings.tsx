import {
  Autocomplete,
  Box,
  Divider,
  FormControlLabel,
  Paper,
  Stack,
  Switch,
  TextField,
  Typography,
} from '@mui/material'
import { zodResolver } from '@hookform/resolvers/zod'
import type { ReactNode } from 'react'
import { FormProvider, useController, useForm, type Path, type Resolver } from 'react-hook-form'
import {
  FRAUD_SIGNAL_LABELS,
  fraudSettings,
  type FraudSettings,
  type FraudSignal,
} from '../../../../shared/fraud/settings'
import { useBusiness } from '../../app/business-context'
import { useApiMutation, useApiQuery } from '../../hooks/use-api'
import { errorText } from '../campaign-editor/draft'
import { countCodec, percentCodec } from '../campaign-editor/fields/codecs'
import { ChipsInput } from '../ChipsInput'
import { FormNumber, unitCodec } from '../commissions/FormNumber'
import { ErrorAlert } from '../ErrorAlert'
import { SaveBar, useSettingsSave } from './SettingsSave'

const resolver = zodResolver(fraudSettings) as Resolver<FraudSettings>
const redemptions = unitCodec(countCodec, 'uses')
const minutes = unitCodec(countCodec, 'min')
const sales = unitCodec(countCodec, 'sales')
const days = unitCodec(countCodec, 'days')

interface SignalRow {
  key: keyof FraudSettings
  signal: FraudSignal
  description: string
  thresholds?: ReactNode
}

const SIGNALS: SignalRow[] = [
  {
    key: 'sharedIdentity',
    signal: 'shared_identity',
    description:
      'The same phone, IP address, device id or delivery address behind several customer records.',
  },
  {
    key: 'velocity',
    signal: 'velocity',
    description:
      'More redemptions than this of one code, by one customer or from one IP address within the window.',
    thresholds: (
      <>
        <FormNumber
          name="velocity.maxRedemptions"
          label="At most"
          codec={redemptions}
          sx={{ width: 150 }}
        />
        <FormNumber
          name="velocity.windowMinutes"
          label="Within"
          codec={minutes}
          sx={{ width: 150 }}
        />
      </>
    ),
  },
  {
    key: 'selfReferral',
    signal: 'self_referral',
    description: 'The promoter’s own email or phone on an order made with their code.',
  },
  {
    key: 'newCustomerAbuse',
    signal: 'new_customer_abuse',
    description: 'A new-customers-only code used by someone who matches an earlier customer.',
  },
  {
    key: 'refundHeavy',
    signal: 'refund_heavy',
    description:
      'A promoter whose refunded share of sales passes the rate, over at least that many sales in the period.',
    thresholds: (
      <>
        <FormNumber
          name="refundHeavy.maxRefundRateBp"
          label="Refund rate above"
          codec={percentCodec}
          sx={{ width: 160 }}
        />
        <FormNumber name="refundHeavy.minSales" label="From" codec={sales} sx={{ width: 130 }} />
        <FormNumber name="refundHeavy.periodDays" label="Over" codec={days} sx={{ width: 130 }} />
      </>
    ),
  },
  {
    key: 'misuse',
    signal: 'misuse',
    description:
      'A personalized code used by someone else, an in-store code used online, or a sale outside the regions the business sells in.',
    thresholds: (
      <>
        <RegionsField />
        <InStoreCampaignsField />
      </>
    ),
  },
]

/** Settings → Fraud signals: each signal on or off, with its thresholds, checked as typed. */
export function FraudSettingsSection() {
  const business = useBusiness()
  const settings = useApiQuery('fraud.settings', { businessId: business.id })
  return (
    <Paper component="section" sx={{ p: 3 }} aria-label="Fraud signals">
      <Typography variant="h6">Fraud signals</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        What opens a case on the Fraud page, checked at each sale and by a scan of the history. The
        commissions of a case’s sales are held until it is decided.
      </Typography>
      <ErrorAlert error={settings.error} />
      {settings.data && <FraudSettingsForm key={business.id} settings={settings.data} />}
    </Paper>
  )
}

function FraudSettingsForm({ settings }: { settings: FraudSettings }) {
  const business = useBusiness()
  const update = useApiMutation('fraud.updateSettings')
  const form = useForm<FraudSettings>({ defaultValues: settings, resolver, mode: 'onChange' })
  const { submit, message } = useSettingsSave(
    form,
    'settings',
    (values) => update.mutateAsync({ businessId: business.id, settings: values }),
    'Saved. New sales and the next scan use these signals.',
  )
  return (
    <FormProvider {...form}>
      <form onSubmit={submit} noValidate aria-label="Fraud signal settings">
        <Stack divider={<Divider flexItem />}>
          {SIGNALS.map((row) => (
            <SignalSetting key={row.key} row={row} />
          ))}
        </Stack>
        <SaveBar label="Save signals" busy={form.formState.isSubmitting} message={message} />
      </form>
    </FormProvider>
  )
}

function SignalSetting({ row }: { row: SignalRow }) {
  const enabled = useController<FraudSettings>({
    name: `${row.key}.enabled` as Path<FraudSettings>,
  })
  const on = enabled.field.value === true
  const labelId = `fraud-signal-${row.key}`
  return (
    <Box
      sx={{
        display: 'grid',
        gridTemplateColumns: { xs: '1fr', md: 'minmax(280px, 5fr) 7fr' },
        columnGap: 3,
        rowGap: 1.5,
        py: 2,
        alignItems: 'start',
      }}
      role="group"
      aria-labelledby={labelId}
    >
      <Box>
        <FormControlLabel
          sx={{ mr: 0 }}
          control={
            <Switch checked={on} onChange={(_event, checked) => enabled.field.onChange(checked)} />
          }
          label={
            <Typography id={labelId} sx={{ fontWeight: 500 }}>
              {FRAUD_SIGNAL_LABELS[row.signal]}
            </Typography>
          }
        />
        <Typography variant="body2" color="text.secondary" sx={{ pl: 5.75 }}>
          {row.description}
        </Typography>
      </Box>
      {row.thresholds && (
        <Stack
          direction="row"
          spacing={2}
          useFlexGap
          sx={{
            flexWrap: 'wrap',
            alignItems: 'flex-start',
            pt: 0.5,
            opacity: on ? 1 : 0.55,
          }}
        >
          {row.thresholds}
        </Stack>
      )}
    </Box>
  )
}

/** The campaigns whose codes are handed out in the shop: their codes used online open a case. */
function InStoreCampaignsField() {
  const business = useBusiness()
  const campaigns = useApiQuery('campaigns.list', { businessId: business.id })
  const chosen = useController<FraudSettings, 'misuse.inStoreCampaignIds'>({
    name: 'misuse.inStoreCampaignIds',
  })
  const options = (campaigns.data ?? []).filter((campaign) => campaign.kind !== 'automatic')
  const ids = chosen.field.value ?? []
  return (
    <Autocomplete
      multiple
      size="small"
      options={options}
      value={options.filter((campaign) => ids.includes(campaign.id))}
      onChange={(_event, value) => chosen.field.onChange(value.map((campaign) => campaign.id))}
      onBlur={chosen.field.onBlur}
      getOptionLabel={(campaign) => campaign.name}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      sx={{ flex: 1, minWidth: 280 }}
      renderInput={(params) => (
        <TextField
          {...params}
          label="In-store campaigns"
          placeholder={ids.length === 0 ? 'None' : undefined}
          helperText="Their codes used on an online or imported order open a case."
        />
      )}
    />
  )
}

function RegionsField() {
  const regions = useController<FraudSettings, 'misuse.regions'>({ name: 'misuse.regions' })
  return (
    <ChipsInput
      label="Regions the business sells in"
      value={regions.field.value}
      onChange={regions.field.onChange}
      onBlur={regions.field.onBlur}
      placeholder="e.g. Paris, Lyon"
      error={errorText(regions.fieldState.error)}
      helper="A sale whose location is not one of these opens a case. Empty: anywhere."
      sx={{ flex: 1, minWidth: 280 }}
    />
  )
}
