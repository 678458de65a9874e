import { Grid, Typography } from '@mui/material'
import { BackupsSettings } from '../components/settings/BackupsSettings'
import { BusinessSettings } from '../components/settings/BusinessSettings'
import { PolicySettings } from '../components/settings/PolicySettings'
import { ProgramSettingsSection } from '../components/settings/ProgramSettings'
import { FraudSettingsSection } from '../components/settings/FraudSettings'
import { SalesRulesSettings } from '../components/settings/SalesRulesSettings'
import { LedgerSettings } from '../components/settings/LedgerSettings'
import { PageHeader } from '../components/PageHeader'
import { useApiQuery } from '../hooks/use-api'

export default function SettingsPage() {
  const workspace = useApiQuery('workspace.info', {})
  return (
    <>
      <PageHeader
        title="Settings"
        subtitle="This business’s details, the rules every new code must follow, and the workspace’s backups."
      />
      <Grid container spacing={3}>
        <Grid size={{ xs: 12, lg: 5 }}>
          <BusinessSettings />
        </Grid>
        <Grid size={{ xs: 12, lg: 7 }}>
          <PolicySettings />
        </Grid>
        <Grid size={{ xs: 12, lg: 5 }}>
          <SalesRulesSettings />
        </Grid>
        <Grid size={{ xs: 12, lg: 7 }}>
          <LedgerSettings />
        </Grid>
        <Grid size={12}>
          <ProgramSettingsSection />
        </Grid>
        <Grid size={12}>
          <FraudSettingsSection />
        </Grid>
        <Grid size={12}>
          <BackupsSettings />
        </Grid>
      </Grid>
      {workspace.data && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 3 }}>
          Workspace file: {workspace.data.file} (schema {workspace.data.schemaVersion})
        </Typography>
      )}
    </>
  )
}
