import type { Business } from '../../shared/contract/businesses'
import type { Workspace } from '../db/database'
import type { PromotionTerms } from '../db/repos/campaigns.repo'
import { codeKeyExistsElsewhere, findEngineCode } from '../db/repos/codes.repo'
import { effectiveWindow } from '../engine/code-state'
import type { EngineCode } from '../engine/types'
import { keysInLedger } from '../db/repos/order-imports.repo'
import { localDayOf } from '../time/local-dates'
import { reject, type Rejection, type SourceOrder } from './source-order'

/** A code an order carries, found in the business, with the discount the file gives it. */
export interface UsedCode {
  /** As the file first writes it. */
  text: string
  key: string
  code: EngineCode
  terms: PromotionTerms
  /** A tracking code: attributes the order, takes nothing off. */
  tracking: boolean
  /** For the whole order (an order coupon): the engine then also sees the shipping. */
  wholeOrder: boolean
  /** Indexes of the lines that carry it (every line for an order coupon). */
  lines: number[]
  /** The discount the file gives with it. */
  discountMinor: number
}

type Lookup =
  | { kind: 'found'; code: EngineCode; terms: PromotionTerms }
  | { kind: 'elsewhere' }
  | { kind: 'unknown' }

/** The idempotency key of an imported order: a second import of it writes nothing. */
export const importKey = (orderRef: string) => `import:${orderRef}`

/**
 * Code lookups for one pass over a file, cached: a 100,000-order file names a few codes
 * thousands of times. The commit clears it per chunk, so a code switched off meanwhile counts.
 */
export class CodeBook {
  private readonly cache = new Map<string, Lookup>()

  constructor(
    private readonly db: Workspace,
    private readonly businessId: number,
  ) {}

  get(key: string): Lookup {
    let found = this.cache.get(key)
    if (!found) {
      const engine = findEngineCode(this.db, this.businessId, key)
      found = engine
        ? { kind: 'found', ...engine }
        : codeKeyExistsElsewhere(this.db, this.businessId, key)
          ? { kind: 'elsewhere' }
          : { kind: 'unknown' }
      this.cache.set(key, found)
    }
    return found
  }

  clear(): void {
    this.cache.clear()
  }
}

interface Mention {
  text: string
  field: string
  tracking: boolean
  wholeOrder: boolean
  line: number | null
  discountMinor: number
}

/** Every code the order names, where, and the discount that comes with it. */
function mentionsOf(order: SourceOrder): Mention[] {
  const mentions: Mention[] = []
  if (order.trackingCode) {
    mentions.push({
      text: order.trackingCode,
      field: order.fields.tracking,
      tracking: true,
      wholeOrder: false,
      line: null,
      discountMinor: 0,
    })
  }
  if (order.orderCoupon) {
    mentions.push({
      text: order.orderCoupon,
      field: order.fields.orderCoupon,
      tracking: false,
      wholeOrder: true,
      line: null,
      discountMinor: order.orderDiscountMinor,
    })
  }
  order.lines.forEach((line, index) => {
    if (line.coupon) {
      mentions.push({
        text: line.coupon,
        field: line.couponField,
        tracking: false,
        wholeOrder: false,
        line: index,
        discountMinor: line.discountMinor,
      })
    }
  })
  return mentions
}

/** Refusals about one code, in a fixed order: unknown, another business's, kind, inactive, window. */
function codeProblem(
  found: Lookup,
  mention: Mention,
  order: SourceOrder,
  business: Business,
): Rejection | null {
  const { text, field } = mention
  if (found.kind === 'unknown')
    return reject('unknown_code', field, `${text} is not a code of this business.`)
  if (found.kind === 'elsewhere')
    return reject('other_business_code', field, `${text} is a code of another business.`)
  const tracking = found.terms.discount.kind === 'none'
  if (tracking && !mention.tracking)
    return reject(
      'wrong_code_kind',
      field,
      `${text} is a tracking code: it gives no discount. Put it in ${order.fields.tracking || 'the tracking code column'}.`,
    )
  if (!tracking && mention.tracking)
    return reject(
      'wrong_code_kind',
      field,
      `${text} is a coupon code, not a tracking code: put it beside the items it discounts.`,
    )
  if (!found.code.active)
    return reject('inactive_code', field, `${text} is switched off (or its campaign is paused).`)
  const window = effectiveWindow(found.code, found.terms)
  const at = order.occurredAt
  if (
    (window.startsAt !== null && at < window.startsAt) ||
    (window.endsAt !== null && at >= window.endsAt)
  ) {
    const zone = business.timeZone
    const from = window.startsAt === null ? 'any day' : localDayOf(window.startsAt, zone)
    const to = window.endsAt === null ? 'no end' : localDayOf(window.endsAt - 1, zone)
    return reject(
      'outside_window',
      field,
      `${text} is valid from ${from} to ${to}; the order is dated ${localDayOf(at, zone)}.`,
    )
  }
  return null
}

/** The idempotency keys of a batch's orders that the ledger already holds. */
export function importedAlready(
  db: Workspace,
  businessId: number,
  orders: readonly SourceOrder[],
): Set<string> {
  return keysInLedger(
    db,
    businessId,
    orders.map((order) => importKey(order.orderRef)),
  )
}

/**
 * The checks that need the workspace but write nothing: the order is not in the ledger yet
 * (`imported`: see importedAlready), and every code it names is this business's, of the right
 * kind, switched on and valid on the order's date. Returns the codes it uses (one entry per
 * code, however many lines carry it).
 */
export function checkOrderCodes(
  business: Business,
  book: CodeBook,
  order: SourceOrder,
  imported: ReadonlySet<string>,
): UsedCode[] | Rejection {
  if (imported.has(importKey(order.orderRef))) {
    return reject(
      'duplicate_order',
      order.fields.orderId,
      `Order ${order.orderRef} is already in the ledger; importing it again would count it twice.`,
    )
  }
  const used = new Map<string, UsedCode>()
  for (const mention of mentionsOf(order)) {
    const key = mention.text.toUpperCase()
    const found = book.get(key)
    const problem = codeProblem(found, mention, order, business)
    if (problem) return problem
    if (found.kind !== 'found') continue
    let code = used.get(key)
    if (!code) {
      code = {
        text: mention.text,
        key,
        code: found.code,
        terms: found.terms,
        tracking: mention.tracking,
        wholeOrder: false,
        lines: [],
        discountMinor: 0,
      }
      used.set(key, code)
    }
    code.discountMinor += mention.discountMinor
    if (mention.wholeOrder) {
      code.wholeOrder = true
      code.lines = order.lines.map((_, index) => index)
    } else if (mention.line !== null && !code.wholeOrder) code.lines.push(mention.line)
  }
  // The business's rule for channels that must carry a promo code (source 003), as at checkout.
  if (used.size === 0 && business.sales.requireCodeChannels.includes('import')) {
    return reject(
      'code_required',
      order.fields.tracking || order.fields.orderId,
      'Every imported order needs a promo code at this business (Settings, sales rules), and this one has none.',
    )
  }
  return [...used.values()]
}
