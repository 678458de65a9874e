import {
  Alert,
  Box,
  Breadcrumbs,
  Button,
  Chip,
  FormControlLabel,
  Link,
  Paper,
  Stack,
  Switch,
  Typography,
} from '@mui/material'
import AddIcon from '@mui/icons-material/Add'
import AutoModeIcon from '@mui/icons-material/AutoMode'
import { useState, type ReactNode } from 'react'
import { Link as RouterLink, useParams } from 'react-router'
import type { Campaign } from '../../../shared/contract/campaigns'
import { describeTerms } from '../../../shared/promotions/describe'
import { useBusiness } from '../app/business-context'
import { call } from '../api-client'
import { CodeDialog } from '../components/CodeDialog'
import { CampaignCommissionCard } from '../components/commissions/CampaignCommission'
import { CodesGrid } from '../components/CodesGrid'
import { ErrorAlert } from '../components/ErrorAlert'
import { ExportButton } from '../components/ExportButton'
import { GenerateDialog } from '../components/GenerateDialog'
import { JobDialog } from '../components/JobDialog'
import { PageHeader } from '../components/PageHeader'
import { TryCartPanel } from '../components/TryCartPanel'
import { WhatIfPanel } from '../components/analytics/WhatIfPanel'
import { CAMPAIGN_KIND_LABELS, count, describeStacking, firstDay, lastDay } from '../format'
import { useApiMutation, useApiQuery } from '../hooks/use-api'

function ActiveSwitch({ campaign }: { campaign: Campaign }) {
  const business = useBusiness()
  const setActive = useApiMutation('campaigns.setActive')
  return (
    <FormControlLabel
      label={campaign.active ? 'Active' : 'Paused'}
      sx={{ mr: 1 }}
      control={
        <Switch
          checked={campaign.active}
          disabled={setActive.isPending}
          onChange={(event) =>
            setActive.mutate({
              businessId: business.id,
              campaignId: campaign.id,
              active: event.target.checked,
            })
          }
          slotProps={{ input: { 'aria-label': 'Campaign active' } }}
        />
      }
    />
  )
}

function CampaignFacts({ campaign }: { campaign: Campaign }) {
  const business = useBusiness()
  const automatic = campaign.kind === 'automatic'
  return (
    <Paper sx={{ p: 2, mb: 2 }}>
      <Fact label="Terms">
        <Typography variant="body1" sx={{ fontWeight: 500 }} data-testid="campaign-terms">
          {describeTerms(
            {
              ...campaign,
              exclusive: campaign.stacking.mode === 'exclusive',
            },
            business.currency,
          )}
        </Typography>
      </Fact>
      <Stack direction="row" spacing={5} useFlexGap sx={{ flexWrap: 'wrap', mt: 2 }}>
        <Fact label="Kind">
          {automatic ? (
            <Chip
              size="small"
              color="secondary"
              variant="outlined"
              icon={<AutoModeIcon />}
              label="Automatic, no code"
            />
          ) : (
            CAMPAIGN_KIND_LABELS[campaign.kind]
          )}
        </Fact>
        <Fact label="Window">
          {campaign.startsAt === null && campaign.endsAt === null
            ? 'Always'
            : `${firstDay(campaign.startsAt, business.timeZone)} – ${lastDay(campaign.endsAt, business.timeZone)}`}
        </Fact>
        {campaign.kind !== 'tracking' && (
          <Fact label="Stacking">{describeStacking(campaign.stacking)}</Fact>
        )}
        <Fact label="Daily cap">
          {campaign.maxUsesPerDay === null ? 'None' : `${count(campaign.maxUsesPerDay)} a day`}
        </Fact>
        {!automatic && <Fact label="Codes">{count(campaign.codeCount)}</Fact>}
        <Fact label="Uses">{count(campaign.useCount)}</Fact>
      </Stack>
    </Paper>
  )
}

export default function CampaignPage() {
  const business = useBusiness()
  const campaignId = Number(useParams().campaignId)
  const campaign = useApiQuery('campaigns.get', { businessId: business.id, campaignId })
  const [dialog, setDialog] = useState<'code' | 'generate' | null>(null)
  const [jobId, setJobId] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [exportError, setExportError] = useState<Error | null>(null)
  const data = campaign.data?.id === campaignId ? campaign.data : undefined
  const automatic = data?.kind === 'automatic'

  return (
    <>
      <Breadcrumbs sx={{ mb: 1 }}>
        <Link component={RouterLink} to="/campaigns" underline="hover" color="inherit">
          Campaigns
        </Link>
        <Typography color="text.primary">{data?.name ?? '…'}</Typography>
      </Breadcrumbs>
      <ErrorAlert error={campaign.error ?? exportError} />
      {data && (
        <>
          <PageHeader
            title={data.name}
            subtitle={data.description ?? undefined}
            actions={
              <>
                <ActiveSwitch campaign={data} />
                {!automatic && (
                  <>
                    <ExportButton
                      label="Export codes"
                      start={() => call('exports.codes', { businessId: business.id, campaignId })}
                      onError={setExportError}
                    />
                    <Button
                      variant="outlined"
                      startIcon={<AutoModeIcon />}
                      onClick={() => setDialog('generate')}
                    >
                      Generate codes
                    </Button>
                    <Button
                      variant="contained"
                      startIcon={<AddIcon />}
                      onClick={() => setDialog('code')}
                    >
                      Add code
                    </Button>
                  </>
                )}
              </>
            }
          />
          {!data.active && (
            <Alert severity="warning" sx={{ mb: 2 }}>
              Paused: this campaign applies to no cart
              {automatic ? '' : ', with or without its codes'}. Switch it on to resume.
            </Alert>
          )}
          <CampaignFacts campaign={data} />
          <CampaignCommissionCard campaign={data} />
          {notice && (
            <Alert severity="success" sx={{ mb: 2 }} onClose={() => setNotice(null)}>
              {notice}
            </Alert>
          )}
          {automatic ? (
            <Alert severity="info" icon={<AutoModeIcon />}>
              Automatic campaigns need no code: they apply by themselves to every cart that meets
              their conditions, at checkout and in the sales you record.
            </Alert>
          ) : (
            <CodesGrid campaignId={campaignId} />
          )}
          <TryCartPanel campaign={data} />
          <WhatIfPanel campaign={data} />
          {dialog === 'code' && (
            <CodeDialog
              campaign={data}
              onClose={() => setDialog(null)}
              onCreated={(code) => {
                setDialog(null)
                setNotice(`Code ${code.code} created.`)
              }}
            />
          )}
          {dialog === 'generate' && (
            <GenerateDialog
              campaign={data}
              onClose={() => setDialog(null)}
              onStarted={(id) => {
                setDialog(null)
                setJobId(id)
              }}
            />
          )}
          {jobId && <JobDialog jobId={jobId} onClose={() => setJobId(null)} />}
        </>
      )}
    </>
  )
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box>
      <Typography variant="caption" color="text.secondary" component="div">
        {label}
      </Typography>
      <Typography variant="body1" component="div">
        {children}
      </Typography>
    </Box>
  )
}
