import { Alert, Breadcrumbs, Button, Link, Paper, Stack, Typography } from '@mui/material'
import AddIcon from '@mui/icons-material/Add'
import AutoModeIcon from '@mui/icons-material/AutoMode'
import { useState } from 'react'
import { Link as RouterLink, useParams } from 'react-router'
import { describeTerms } from '../../../shared/promotions/describe'
import { useBusiness } from '../app/business-context'
import { call } from '../api-client'
import { CodeDialog } from '../components/CodeDialog'
import { CodesGrid } from '../components/CodesGrid'
import { ErrorAlert } from '../components/ErrorAlert'
import { ExportButton } from '../components/ExportButton'
import { GenerateDialog } from '../components/GenerateDialog'
import { JobDialog } from '../components/JobDialog'
import { PageHeader } from '../components/PageHeader'
import { count, firstDay, lastDay } from '../format'
import { useApiQuery } from '../hooks/use-api'

export default function CampaignPage() {
  const business = useBusiness()
  const campaignId = Number(useParams().campaignId)
  const campaign = useApiQuery('campaigns.get', { businessId: business.id, campaignId })
  const [dialog, setDialog] = useState<'code' | 'generate' | null>(null)
  const [jobId, setJobId] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [exportError, setExportError] = useState<Error | null>(null)
  const data = campaign.data?.id === campaignId ? campaign.data : undefined

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
            }
          />
          <Paper sx={{ p: 2, mb: 2 }}>
            <Stack direction="row" spacing={6} useFlexGap sx={{ flexWrap: 'wrap' }}>
              <Fact label="Terms" value={describeTerms(data, business.currency)} />
              <Fact
                label="Window"
                value={
                  data.startsAt === null && data.endsAt === null
                    ? 'Always'
                    : `${firstDay(data.startsAt, business.timeZone)} – ${lastDay(data.endsAt, business.timeZone)}`
                }
              />
              <Fact label="Codes" value={count(data.codeCount)} />
              <Fact label="Uses" value={count(data.useCount)} />
            </Stack>
          </Paper>
          {notice && (
            <Alert severity="success" sx={{ mb: 2 }} onClose={() => setNotice(null)}>
              {notice}
            </Alert>
          )}
          <CodesGrid campaignId={campaignId} />
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

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Typography variant="caption" color="text.secondary">
        {label}
      </Typography>
      <Typography variant="body1">{value}</Typography>
    </div>
  )
}
