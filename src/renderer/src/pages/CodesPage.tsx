import { useState } from 'react'
import { useBusiness } from '../app/business-context'
import { call } from '../api-client'
import { CodesGrid } from '../components/CodesGrid'
import { ErrorAlert } from '../components/ErrorAlert'
import { ExportButton } from '../components/ExportButton'
import { PageHeader } from '../components/PageHeader'

export default function CodesPage() {
  const business = useBusiness()
  const [exportError, setExportError] = useState<Error | null>(null)
  return (
    <>
      <PageHeader
        title="Codes"
        subtitle="Every code of this business. Add or generate codes from a campaign’s page."
        actions={
          <ExportButton
            label="Export all codes"
            start={() => call('exports.codes', { businessId: business.id })}
            onError={setExportError}
          />
        }
      />
      <ErrorAlert error={exportError} />
      <CodesGrid />
    </>
  )
}
