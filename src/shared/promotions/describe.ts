import { formatBasisPoints, formatMoney } from '../money'
import { formatSchedule, items } from '../refusals'
import type { DiscountSpec } from './discounts'
import type { ConditionSpec } from './conditions'
import { selectsEverything, type Eligibility, type LineSelector } from './selectors'

export interface TermsInput {
  discount: DiscountSpec
  conditions: readonly ConditionSpec[]
  eligible?: Eligibility | undefined
  maxUses?: number | null | undefined
  maxUsesPerCustomer?: number | null | undefined
  maxUsesPerDay?: number | null | undefined
  exclusive?: boolean | undefined
}

function list(words: readonly string[], joiner = 'and'): string {
  if (words.length <= 1) return words[0] ?? ''
  return `${words.slice(0, -1).join(', ')} ${joiner} ${words.at(-1) ?? ''}`
}

/** "shoes and bags", "SKU-1, Nike and Adidas". */
export function describeSelector(selector: LineSelector): string {
  return list([...selector.categories, ...selector.brands, ...selector.skus])
}

function describeTarget(eligible: Eligibility | undefined): string {
  if (!eligible) return ''
  const parts: string[] = []
  if (!selectsEverything(eligible.include)) parts.push(describeSelector(eligible.include))
  const excluded = [
    ...(selectsEverything(eligible.exclude) ? [] : [describeSelector(eligible.exclude)]),
    ...(eligible.excludeSaleItems ? ['sale items'] : []),
    ...(eligible.excludeOutOfStock ? ['out-of-stock items'] : []),
  ]
  const target = parts.join(' ')
  return [target, excluded.length > 0 ? `excluding ${list(excluded)}` : '']
    .filter(Boolean)
    .join(' ')
}

/** The discount alone, as a phrase: "10% off", "buy 2 get 1 free", "free shipping". */
export function describeDiscount(discount: DiscountSpec, currency: string): string {
  const money = (minor: number) => formatMoney(minor, currency)
  switch (discount.kind) {
    case 'percent':
      return `${formatBasisPoints(discount.percentBp)} off`
    case 'fixed':
      return `${money(discount.amountMinor)} off${discount.per === 'item' ? ' each item' : ''}`
    case 'free_shipping':
      return discount.capMinor === null
        ? 'free shipping'
        : `up to ${money(discount.capMinor)} off shipping`
    case 'buy_x_get_y': {
      const bought = selectsEverything(discount.buyItems)
        ? ''
        : ` ${describeSelector(discount.buyItems)}`
      const given = selectsEverything(discount.getItems)
        ? ''
        : ` ${describeSelector(discount.getItems)}`
      const price =
        discount.getPercentBp === 10_000
          ? 'free'
          : `at ${formatBasisPoints(discount.getPercentBp)} off`
      const repeat =
        discount.maxApplications === null
          ? ''
          : ` (at most ${discount.maxApplications === 1 ? 'once' : `${discount.maxApplications} times`} per order)`
      return `buy ${discount.buyQuantity}${bought} get ${discount.getQuantity}${given} ${price}${repeat}`
    }
    case 'tiered':
      return discount.tiers
        .map((tier) => {
          const reward =
            discount.reward === 'percent' ? formatBasisPoints(tier.value) : money(tier.value)
          const from = discount.basis === 'spend' ? money(tier.from) : items(tier.from)
          return `${reward} off from ${from}`
        })
        .join(', ')
    case 'none':
      return 'tracking only, no discount'
  }
}

function describeCondition(condition: ConditionSpec, currency: string): string {
  const money = (minor: number) => formatMoney(minor, currency)
  switch (condition.kind) {
    case 'min_spend':
      return condition.over === 'eligible'
        ? `when those items reach ${money(condition.minMinor)}`
        : `on orders of ${money(condition.minMinor)} or more`
    case 'min_quantity':
      return `with at least ${items(condition.minItems)}${condition.over === 'eligible' ? ' of those' : ''}`
    case 'requires_products':
      return `when the cart holds ${list(condition.skus)}`
    case 'schedule':
      return formatSchedule(condition.weekdays, condition.from, condition.to)
    case 'new_customer':
      return 'for new customers'
    case 'customer_segment':
      return `for ${list(condition.tags, 'or')} customers`
    case 'specific_customers':
      return condition.customers.length === 1
        ? 'for one named customer'
        : `for ${condition.customers.length} named customers`
  }
}

function uses(count: number): string {
  return count === 1 ? '1 use' : `${count.toLocaleString('en')} uses`
}

/**
 * One readable sentence of a promotion's terms: "10% off shoes and bags for loyalty customers,
 * Fridays 18:00–20:00, at most 2 uses per customer."
 */
export function describeTerms(terms: TermsInput, currency: string): string {
  const discount = describeDiscount(terms.discount, currency)
  const target = describeTarget(terms.eligible)
  const parts = [discount.charAt(0).toUpperCase() + discount.slice(1)]
  // "10% off shoes", but "buy 2 get 1 free, on shoes".
  const inline = ['percent', 'fixed'].includes(terms.discount.kind)
  if (target) {
    if (inline) parts[0] += ` ${target}`
    else parts.push(`on ${target}`)
  }
  terms.conditions.forEach((condition, index) => {
    const phrase = describeCondition(condition, currency)
    // The first condition reads on from the discount ("10% off for loyalty customers");
    // a schedule ("Fridays 18:00–20:00") and later conditions stand apart.
    const attaches = index === 0 && /^(for|on|with|when) /.test(phrase)
    if (attaches) parts[parts.length - 1] += ` ${phrase}`
    else parts.push(phrase)
  })
  if (terms.maxUses != null) parts.push(`at most ${uses(terms.maxUses)} in all`)
  if (terms.maxUsesPerCustomer != null)
    parts.push(`at most ${uses(terms.maxUsesPerCustomer)} per customer`)
  if (terms.maxUsesPerDay != null) parts.push(`at most ${uses(terms.maxUsesPerDay)} a day`)
  if (terms.exclusive) parts.push('not combinable with other promotions')
  return `${parts.join(', ')}.`
}
