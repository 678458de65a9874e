import { z } from 'zod'

/**
 * How a promotion combines with others on one order. Exclusive promotions apply alone;
 * combinable ones apply together in priority order (1 first), at most one per stacking group.
 */
export const stackingSpec = z.object({
  mode: z.enum(['exclusive', 'combinable']).default('combinable'),
  priority: z
    .number()
    .int('A whole number.')
    .min(1, 'At least 1.')
    .max(1000, 'At most 1,000.')
    .default(100),
  group: z
    .string()
    .trim()
    .max(60, 'At most 60 characters.')
    .nullable()
    .default(null)
    .transform((text) => text || null),
})
export type Stacking = z.infer<typeof stackingSpec>

export const DEFAULT_STACKING: Stacking = { mode: 'combinable', priority: 100, group: null }
