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
import { useState } from 'react'
import { useNavigate } from 'react-router'
import { describeTerms } from '../../../shared/promotions/describe'
import { useBusiness } from '../app/business-context'
import { CampaignDialog } from '../components/CampaignDialog'
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
        subtitle="Each campaign sets what its codes take off and when. Open one to add or generate codes."
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
                    <Chip size="small" label="tracking" variant="outlined" sx={{ mt: 0.5 }} />
                  )}
                </TableCell>
                <TableCell>{describeTerms(campaign, business.currency)}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {campaign.startsAt === null && campaign.endsAt === null
                    ? 'Always'
                    : `${firstDay(campaign.startsAt, business.timeZone)} – ${lastDay(campaign.endsAt, business.timeZone)}`}
                </TableCell>
                <TableCell align="right">{count(campaign.codeCount)}</TableCell>
                <TableCell align="right">{count(campaign.useCount)}</TableCell>
              </TableRow>
            ))}
            {campaigns.isSuccess && rows.length === 0 && (
              <TableRow>
                <TableCell colSpan={5} sx={{ py: 6, textAlign: 'center', color: 'text.secondary' }}>
                  No campaigns yet. Create one to start issuing codes.
                </TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </TableContainer>
      {creating && (
        <CampaignDialog
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
