import { Alert, Breadcrumbs, Button, Grid, Link, Paper, Tab, Tabs, Typography } from '@mui/material'
import AddIcon from '@mui/icons-material/Add'
import EditIcon from '@mui/icons-material/EditOutlined'
import { useState } from 'react'
import { Link as RouterLink, useParams } from 'react-router'
import type { PromoterSummary } from '../../../shared/contract/commissions'
import { useBusiness } from '../app/business-context'
import { CodesGrid } from '../components/CodesGrid'
import { ErrorAlert } from '../components/ErrorAlert'
import { Figure } from '../components/Figure'
import { PageHeader } from '../components/PageHeader'
import { EngagementsGrid } from '../components/promoter/EngagementsGrid'
import { PromoterCommissionsGrid } from '../components/promoter/PromoterCommissionsGrid'
import { RecordEngagementDialog } from '../components/promoter/RecordEngagementDialog'
import { PromoterDialog } from '../components/PromoterDialog'
import { count, money } from '../format'
import { useApiQuery } from '../hooks/use-api'

type TabName = 'codes' | 'commissions' | 'engagements'

/** One promoter: contacts, what they earned and were paid, and the codes, sales and customers behind it. */
export default function PromoterPage() {
  const business = useBusiness()
  const promoterId = Number(useParams().promoterId)
  const promoters = useApiQuery('promoters.list', { businessId: business.id })
  const summary = useApiQuery('promoters.summary', { businessId: business.id, promoterId })
  const [tab, setTab] = useState<TabName>('commissions')
  const [dialog, setDialog] = useState<'edit' | 'engagement' | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const promoter = promoters.data?.find((candidate) => candidate.id === promoterId)
  const contacts = [promoter?.email, promoter?.phone].filter(Boolean).join(' · ')

  return (
    <>
      <Breadcrumbs sx={{ mb: 1 }}>
        <Link component={RouterLink} to="/promoters" underline="hover" color="inherit">
          Promoters
        </Link>
        <Typography color="text.primary">{promoter?.name ?? '…'}</Typography>
      </Breadcrumbs>
      <ErrorAlert error={promoters.error ?? summary.error} />
      {promoters.isSuccess && !promoter && (
        <Alert severity="warning">This promoter does not exist in {business.name}.</Alert>
      )}
      {promoter && (
        <>
          <PageHeader
            title={promoter.name}
            subtitle={contacts || 'No contact details yet.'}
            actions={
              <>
                <Button
                  variant="outlined"
                  startIcon={<EditIcon />}
                  onClick={() => setDialog('edit')}
                >
                  Edit details
                </Button>
                <Button
                  variant="contained"
                  startIcon={<AddIcon />}
                  onClick={() => setDialog('engagement')}
                >
                  Record engagement
                </Button>
              </>
            }
          />
          {promoter.notes && (
            <Typography variant="body2" color="text.secondary" sx={{ mt: -2, mb: 2 }}>
              {promoter.notes}
            </Typography>
          )}
          <SummaryFigures
            summary={summary.data?.promoterId === promoterId ? summary.data : undefined}
          />
          {notice && (
            <Alert severity="success" sx={{ mb: 2 }} onClose={() => setNotice(null)}>
              {notice}
            </Alert>
          )}
          <Tabs
            value={tab}
            onChange={(_event, value: TabName) => setTab(value)}
            aria-label="Promoter details"
            sx={{ mb: 2, borderBottom: 1, borderColor: 'divider' }}
          >
            <Tab value="commissions" label="Commissions" />
            <Tab value="codes" label={`Codes (${count(promoter.codeCount)})`} />
            <Tab value="engagements" label="Engagements" />
          </Tabs>
          {tab === 'codes' ? (
            <CodesGrid promoterId={promoterId} />
          ) : (
            <Paper sx={{ p: 1 }}>
              {tab === 'commissions' && <PromoterCommissionsGrid promoterId={promoterId} />}
              {tab === 'engagements' && <EngagementsGrid promoterId={promoterId} />}
            </Paper>
          )}
          {dialog === 'edit' && (
            <PromoterDialog promoter={promoter} onClose={() => setDialog(null)} />
          )}
          {dialog === 'engagement' && (
            <RecordEngagementDialog
              promoterId={promoterId}
              promoterName={promoter.name}
              onClose={() => setDialog(null)}
              onRecorded={(message) => {
                setDialog(null)
                setNotice(message)
                setTab('engagements')
              }}
            />
          )}
        </>
      )}
    </>
  )
}

function SummaryFigures({ summary }: { summary: PromoterSummary | undefined }) {
  const { currency } = useBusiness()
  const amount = (minor: number | undefined) => (minor === undefined ? '…' : money(minor, currency))
  const figures = [
    { label: 'Sales', value: summary ? count(summary.sales) : '…', hint: 'Attributed to them' },
    { label: 'Revenue', value: amount(summary?.revenueMinor), hint: 'Net of refunds' },
    { label: 'Earned', value: amount(summary?.earnedMinor), hint: 'Commissions, net' },
    { label: 'Paid', value: amount(summary?.paidMinor), hint: 'On paid statements' },
    { label: 'Balance', value: amount(summary?.balanceMinor), hint: 'Earned, not paid yet' },
    { label: 'Pending', value: amount(summary?.pendingMinor), hint: 'Still in holding' },
  ]
  return (
    <Grid container spacing={2} sx={{ mb: 2 }} aria-label="Promoter totals" role="group">
      {figures.map((figure) => (
        <Grid key={figure.label} size={{ xs: 6, md: 4, lg: 2 }}>
          <Figure {...figure} />
        </Grid>
      ))}
    </Grid>
  )
}
