import type { Business } from '../../shared/contract/businesses'
import type { RefusalReason } from '../../shared/refusals'
import type { Workspace } from '../db/database'
import { campaignUsesOnDay } from '../db/repos/campaigns.repo'
import { customerUsesOfCode } from '../db/repos/codes.repo'
import { orderDay } from './order-cells'
import type { UsedCode } from './order-codes'
import { reject, type Rejection, type SourceOrder } from './source-order'

/** The limit an imported order ran into, said with its code and the order's own day. */
export function limitRejection(
  used: Pick<UsedCode, 'text' | 'terms'>,
  refusal: RefusalReason,
  field: string,
  day: string,
): Rejection {
  switch (refusal.reason) {
    case 'inactive':
      return reject(
        'inactive_code',
        field,
        `${used.text} is switched off (or its campaign is paused).`,
      )
    case 'exhausted':
      return reject(
        'limit_reached',
        field,
        `${used.text} has reached its limit: all ${refusal.maxUses.toLocaleString('en')} uses are taken.`,
      )
    case 'customer_limit':
      return reject(
        'limit_reached',
        field,
        `This customer has already used ${used.text} ${refusal.maxUsesPerCustomer.toLocaleString('en')} time${refusal.maxUsesPerCustomer === 1 ? '' : 's'}, the most allowed.`,
      )
    case 'daily_cap':
      return reject(
        'limit_reached',
        field,
        `${used.terms.name} allows ${refusal.maxUsesPerDay.toLocaleString('en')} uses a day, and ${day} has them all.`,
      )
    default:
      return reject(
        'limit_reached',
        field,
        `${used.text} cannot be used on this order (${refusal.reason}).`,
      )
  }
}

/** The column a code stands in, for a limit's message. */
export function fieldOfCode(order: SourceOrder, used: UsedCode): string {
  if (used.tracking) return order.fields.tracking
  if (used.wholeOrder) return order.fields.orderCoupon
  const line = order.lines[used.lines[0] ?? 0]
  return line?.couponField ?? order.fields.orderId
}

/**
 * The dry run's stand-in for the counters: starts from the workspace's uses and counts each
 * accepted order of the file in memory, so the preview says which order would reach a limit.
 * The import itself leaves the decision to the database (takeUse, takeDayUse).
 */
export class LimitSimulator {
  private readonly codeUses = new Map<number, number>()
  private readonly customerUses = new Map<string, number>()
  private readonly dayUses = new Map<string, number>()

  constructor(
    private readonly db: Workspace,
    private readonly business: Business,
  ) {}

  /**
   * Takes one use of each code for the order, or none and says which limit stops it.
   * `customer` is the stored customer's id, or a key for one the import would create.
   */
  take(
    order: SourceOrder,
    codes: UsedCode[],
    customer: { id: number | null; key: string } | null,
  ): Rejection | null {
    const day = orderDay(order.occurredAt, this.business.timeZone)
    const updates: (() => void)[] = []
    for (const used of codes) {
      const field = fieldOfCode(order, used)
      const { code, terms } = used
      const uses = this.codeUses.get(code.id) ?? code.uses
      if (code.maxUses !== null && uses >= code.maxUses)
        return limitRejection(used, { reason: 'exhausted', maxUses: code.maxUses }, field, day)
      updates.push(() => this.codeUses.set(code.id, uses + 1))
      if (customer) {
        const key = `${code.id}:${customer.key}`
        const mine =
          this.customerUses.get(key) ??
          (customer.id === null ? 0 : customerUsesOfCode(this.db, code.id, customer.id))
        const limit = code.maxUsesPerCustomer
        if (limit !== null && mine >= limit)
          return limitRejection(
            used,
            { reason: 'customer_limit', maxUsesPerCustomer: limit },
            field,
            day,
          )
        updates.push(() => this.customerUses.set(key, mine + 1))
      }
      if (terms.maxUsesPerDay !== null) {
        const key = `${terms.campaignId}:${day}`
        const today = this.dayUses.get(key) ?? campaignUsesOnDay(this.db, terms.campaignId, day)
        if (today >= terms.maxUsesPerDay)
          return limitRejection(
            used,
            { reason: 'daily_cap', maxUsesPerDay: terms.maxUsesPerDay },
            field,
            day,
          )
        updates.push(() => this.dayUses.set(key, today + 1))
      }
    }
    for (const update of updates) update()
    return null
  }
}
