import { z } from 'zod'
import { id } from './common'
import { method } from './define'

export const ledgerContract = {
  'ledger.verify': method<{ jobId: string }>()(
    z.object({ businessId: id }),
    'Recomputes the hash chain and the use counters from the ledger, as a job; its message names the first mismatch of this business, or says the ledger verifies, with the head hash.',
  ),
}
