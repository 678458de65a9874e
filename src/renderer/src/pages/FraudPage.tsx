import ManageSearchIcon from '@mui/icons-material/ManageSearch'
import { Button, Paper, Tab, Tabs } from '@mui/material'
import { useState } from 'react'
import type { FraudCaseStatus } from '../../../shared/contract/fraud'
import { useBusiness } from '../app/business-context'
import { call } from '../api-client'
import { ErrorAlert } from '../components/ErrorAlert'
import { ExportButton } from '../components/ExportButton'
import { JobDialog } from '../components/JobDialog'
import { PageHeader } from '../components/PageHeader'
import { BlocksPanel } from '../components/fraud/BlocksPanel'
import { CaseDrawer } from '../components/fraud/CaseDrawer'
import { CasesGrid } from '../components/fraud/CasesGrid'
import { STATUS_LABELS } from '../components/fraud/fraud-labels'
import { count } from '../format'
import { useApiMutation, useApiQuery } from '../hooks/use-api'

type View = FraudCaseStatus | 'blocked'
const STATUSES: FraudCaseStatus[] = ['open', 'dismissed', 'confirmed']

/** The review queue: cases by status, one case at a time in a drawer, and the block list. */
export default function FraudPage() {
  const business = useBusiness()
  const [view, setView] = useState<View>('open')
  const [caseId, setCaseId] = useState<number | null>(null)
  const [scanJob, setScanJob] = useState<string | null>(null)
  const [error, setError] = useState<Error | null>(null)
  const scan = useApiMutation('fraud.scan')
  const startScan = () => {
    setError(null)
    scan
      .mutateAsync({ businessId: business.id })
      .then(({ jobId }) => setScanJob(jobId))
      .catch((failure: Error) => setError(failure))
  }
  return (
    <>
      <PageHeader
        title="Fraud"
        subtitle="Sales that look like abuse, the most money at risk first. The commissions of a case’s sales are held until you dismiss or confirm it; confirming reverses those commissions, never the sales."
        actions={
          <>
            <Button
              variant="outlined"
              startIcon={<ManageSearchIcon />}
              disabled={scan.isPending}
              onClick={startScan}
            >
              Scan history
            </Button>
            <ExportButton
              label="Export cases"
              start={() => call('exports.fraudCases', { businessId: business.id })}
              onError={setError}
            />
          </>
        }
      />
      <ErrorAlert error={error} />
      <Paper sx={{ px: 1, pb: 1 }}>
        <Tabs
          value={view}
          onChange={(_event, next: View) => setView(next)}
          aria-label="Cases"
          sx={{ borderBottom: 1, borderColor: 'divider', mb: 1 }}
        >
          {STATUSES.map((status) => (
            <Tab key={status} value={status} label={<StatusLabel status={status} />} />
          ))}
          <Tab value="blocked" label="Blocked" />
        </Tabs>
        {view === 'blocked' ? (
          <BlocksPanel onOpenCase={setCaseId} />
        ) : (
          <CasesGrid key={view} status={view} onOpen={setCaseId} />
        )}
      </Paper>
      {caseId !== null && <CaseDrawer caseId={caseId} onClose={() => setCaseId(null)} />}
      {scanJob && <JobDialog jobId={scanJob} onClose={() => setScanJob(null)} />}
    </>
  )
}

/** "Open (3)": how many cases each tab holds. */
function StatusLabel({ status }: { status: FraudCaseStatus }) {
  const business = useBusiness()
  const total = useApiQuery('fraud.cases', {
    businessId: business.id,
    status,
    page: 0,
    pageSize: 1,
  }).data?.total
  return (
    <span>
      {STATUS_LABELS[status]}
      {total === undefined ? '' : ` (${count(total)})`}
    </span>
  )
}
