import { z } from 'zod'
import { id, optionalText } from './common'
import { method } from './define'

export interface Promoter {
  id: number
  businessId: number
  name: string
  email: string | null
  phone: string | null
  notes: string | null
  createdAt: number
  /** Codes assigned to this promoter. */
  codeCount: number
}

const details = {
  name: z.string().trim().min(1, 'Enter a name.').max(120, 'At most 120 characters.'),
  email: optionalText(200).refine(
    (email) => email === undefined || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email),
    'Enter an email like name@example.com.',
  ),
  phone: optionalText(40),
  notes: optionalText(2000),
}

export const promotersContract = {
  'promoters.list': method<Promoter[]>()(
    z.object({ businessId: id }),
    'Lists the promoters of a business, by name.',
  ),
  'promoters.create': method<Promoter>()(
    z.object({ businessId: id, ...details }),
    'Adds a promoter to a business.',
  ),
  'promoters.update': method<Promoter>()(
    z.object({ businessId: id, promoterId: id, ...details }),
    'Replaces a promoter’s contact details.',
  ),
}
