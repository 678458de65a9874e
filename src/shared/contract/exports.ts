import { z } from 'zod'
import { id } from './common'
import { method } from './define'
import { redemptionFilter } from './redemptions'

export const exportsContract = {
  'exports.codes': method<{ jobId: string }>()(
    z.object({ businessId: id, campaignId: id.optional() }),
    'Writes every code with all its parameters to an .xlsx file in the background.',
  ),
  'exports.redemptions': method<{ jobId: string }>()(
    redemptionFilter,
    'Writes the filtered redemption history to an .xlsx file in the background.',
  ),
  'exports.saveAs': method<{ saved: boolean; path: string | null }>()(
    z.object({ jobId: z.string().min(1).max(64) }),
    'Desktop only: asks where to save a finished export and copies it there.',
  ),
}
