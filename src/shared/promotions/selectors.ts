import { z } from 'zod'

const names = (what: string) =>
  z
    .array(z.string().trim().min(1, `Empty ${what} name.`).max(120, 'At most 120 characters.'))
    .max(500, `At most 500 ${what}s.`)
    .default([])

/**
 * A set of cart lines by product, category or brand. A line matches when it matches any of the
 * three lists; all three empty means every line.
 */
export const lineSelector = z.object({
  skus: names('SKU'),
  categories: names('category'),
  brands: names('brand'),
})
export type LineSelector = z.infer<typeof lineSelector>

export const anyLine: LineSelector = { skus: [], categories: [], brands: [] }

export function selectsEverything(selector: LineSelector): boolean {
  return (
    selector.skus.length === 0 && selector.categories.length === 0 && selector.brands.length === 0
  )
}

/** Which lines a promotion may discount, and which conditions "over eligible lines" count. */
export const eligibilitySpec = z.object({
  include: lineSelector.default(anyLine),
  exclude: lineSelector.default(anyLine),
  excludeSaleItems: z.boolean().default(false),
  excludeOutOfStock: z.boolean().default(false),
})
export type Eligibility = z.infer<typeof eligibilitySpec>

export const everyLine: Eligibility = {
  include: anyLine,
  exclude: anyLine,
  excludeSaleItems: false,
  excludeOutOfStock: false,
}
