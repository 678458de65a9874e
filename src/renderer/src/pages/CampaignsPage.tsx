import {
  Button,
  Chip,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material'
import AddIcon from '@mui/icons-material/Add'
import AutoModeIcon from '@mui/icons-material/AutoMode'
import { useState } from 'react'
import { useNavigate } from 'react-router'
import { describeTerms } from '../../../shared/promotions/describe'
import { useBusiness } from '../app/business-context'
import { CampaignEditorDialog } from '../components/campaign-editor/CampaignEditorDialog'
import { ErrorAlert } from '../components/ErrorAlert'
import { PageHeader } from '../components/PageHeader'
import { count, firstDay, lastDay } from '../format'
import { useApiQuery } from '../hooks/use-api'

export default function CampaignsPage() {
  const business = useBusiness()
  const navigate = useNavigate()
  const [creating, setCreating] = useState(false)
  const campaigns = useApiQuery('campaigns.list', { businessId: business.id })
  const rows = campaigns.data ?? []
  return (
    <>
      <PageHeader
        title="Campaigns"
        subtitle="Each campaign sets what it takes off, for which items and when. Open one to add codes or try a cart."
        actions={
          <Button variant="contained" startIcon={<AddIcon />} onClick={() => setCreating(true)}>
            New campaign
          </Button>
        }
      />
      <ErrorAlert error={campaigns.error} />
      <TableContainer component={Paper}>
        <Table size="small" aria-label="Campaigns">
          <TableHead>
            <TableRow>
              <TableCell>Campaign</TableCell>
              <TableCell>Status</TableCell>
              <TableCell>Terms</TableCell>
              <TableCell>Window</TableCell>
              <TableCell align="right">Codes</TableCell>
              <TableCell align="right">Uses</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((campaign) => (
              <TableRow
                key={campaign.id}
                hover
                sx={{ cursor: 'pointer' }}
                onClick={() => void navigate(`/campaigns/${campaign.id}`)}
              >
                <TableCell>
                  <Typography variant="body2" sx={{ fontWeight: 600 }}>
                    {campaign.name}
                  </Typography>
                  {campaign.kind === 'tracking' && (
                    <Chip size="small" label="Tracking" variant="outlined" sx={{ mt: 0.5 }} />
                  )}
                  {campaign.kind === 'automatic' && (
                    <Chip
                      size="small"
                      label="Automatic"
                      color="secondary"
                      variant="outlined"
                      icon={<AutoModeIcon />}
                      sx={{ mt: 0.5 }}
                    />
                  )}
                </TableCell>
                <TableCell>
                  <Chip
                    size="small"
                    label={campaign.active ? 'Active' : 'Paused'}
                    color={campaign.active ? 'success' : 'default'}
                    variant={campaign.active ? 'filled' : 'outlined'}
                  />
                </TableCell>
                <TableCell>
                  {describeTerms(
                    { ...campaign, exclusive: campaign.stacking.mode === 'exclusive' },
                    business.currency,
                  )}
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {campaign.startsAt === null && campaign.endsAt === null
                    ? 'Always'
                    : `${firstDay(campaign.startsAt, business.timeZone)} – ${lastDay(campaign.endsAt, business.timeZone)}`}
                </TableCell>
                {/* Automatic campaigns have no codes, so nothing counts their uses here. */}
                <TableCell align="right">
                  {campaign.kind === 'automatic' ? '—' : count(campaign.codeCount)}
                </TableCell>
                <TableCell align="right">{count(campaign.useCount)}</TableCell>
              </TableRow>
            ))}
            {campaigns.isSuccess && rows.length === 0 && (
              <TableRow>
                <TableCell colSpan={6} sx={{ py: 6, textAlign: 'center', color: 'text.secondary' }}>
                  No campaigns yet. Create one to start issuing codes.
                </TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </TableContainer>
      {creating && (
        <CampaignEditorDialog
          onClose={() => setCreating(false)}
          onCreated={(campaign) => {
            setCreating(false)
            void navigate(`/campaigns/${campaign.id}`)
          }}
        />
      )}
    </>
  )
}
