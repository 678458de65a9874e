import { formatBasisPoints, formatMoney } from './money'
import { boundedMemo } from './bounded-memo'

/** Why a code does not apply, in the fixed order checks run (cheapest and most basic first). */
export type RefusalReason =
  | { reason: 'unknown_code'; code: string }
  | { reason: 'wrong_business'; code: string }
  | { reason: 'inactive' }
  | { reason: 'not_started'; startsAt: number }
  | { reason: 'expired'; endedAt: number }
  | { reason: 'exhausted'; maxUses: number }
  | { reason: 'customer_required'; maxUsesPerCustomer: number }
  | { reason: 'personal_code' }
  | { reason: 'customer_limit'; maxUsesPerCustomer: number }
  | { reason: 'daily_cap'; maxUsesPerDay: number }
  | { reason: 'no_eligible_items' }
  | { reason: 'min_spend'; minMinor: number; missingMinor: number }
  | { reason: 'min_quantity'; minItems: number; missingItems: number }
  | { reason: 'missing_products'; missing: string[] }
  | { reason: 'outside_schedule'; weekdays: number[]; from: string; to: string }
  | { reason: 'identify_customer' }
  | { reason: 'not_new_customer' }
  | { reason: 'not_in_segment'; tags: string[] }
  | { reason: 'not_listed_customer' }
  | { reason: 'deal_incomplete'; buyQuantity: number; getQuantity: number; missingItems: number }
  | {
      reason: 'tier_not_reached'
      basis: 'quantity' | 'spend'
      reward: 'percent' | 'amount'
      missing: number
      firstTierValue: number
    }
  | {
      reason: 'outranked'
      /** The promotion(s) that won instead. */
      by: string
      /** An exclusive one gave more; the combined ones gave more; or its stacking group's first. */
      why: 'exclusive' | 'combined' | 'group'
      group?: string
    }
  | { reason: 'code_required'; channel: string }
  | { reason: 'empty_cart' }
  | { reason: 'blocked'; kind: 'email' | 'phone' | 'ip' | 'device' | 'code' | 'customer' }

const BLOCKED_LABELS = {
  email: 'email address',
  phone: 'phone number',
  ip: 'network address',
  device: 'device',
  code: 'code',
  customer: 'customer',
} as const

export interface Refusal {
  reason: RefusalReason['reason']
  /** A sentence for the clerk or customer. */
  message: string
  /** What would make it apply, when something would. */
  hint?: string
  params: RefusalReason
}

export interface DisplayContext {
  currency: string
  timeZone: string
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>()

/**
 * One formatter per style and zone, made once: building an Intl.DateTimeFormat costs about
 * 60 µs, and every checkout formats its code's window.
 */
function dateTimeFormat(style: 'instant' | 'time' | 'day', timeZone: string): Intl.DateTimeFormat {
  const key = `${style}|${timeZone}`
  let format = dateTimeFormats.get(key)
  if (!format) {
    const options: Intl.DateTimeFormatOptions =
      style === 'instant'
        ? { timeZone, dateStyle: 'medium', timeStyle: 'short' }
        : style === 'time'
          ? { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
          : { timeZone, dateStyle: 'medium' }
    format = new Intl.DateTimeFormat('en-GB', options)
    dateTimeFormats.set(key, format)
  }
  return format
}

/**
 * Instants already written out. Formatting one still costs 5–15 µs, and every sale states its
 * code's and campaign's window again: the same few instants.
 */
const remembered = boundedMemo<string>(1_000)

/** An instant as the business reads it, e.g. "24 Oct 2026, 00:00". */
export function formatInstant(epochMs: number, timeZone: string): string {
  return remembered(`instant|${timeZone}|${epochMs}`, () =>
    dateTimeFormat('instant', timeZone).format(epochMs),
  )
}

/**
 * How a window's exclusive end reads: an end at midnight means "through the day before"
 * (the last day people chose), anything else is the exact moment.
 */
export function formatWindowEnd(endsAt: number, timeZone: string): string {
  return remembered(`end|${timeZone}|${endsAt}`, () => {
    const parts = dateTimeFormat('time', timeZone).format(endsAt)
    if (parts === '00:00') {
      return `the end of ${dateTimeFormat('day', timeZone).format(endsAt - 1)}`
    }
    return formatInstant(endsAt, timeZone)
  })
}

const WEEKDAYS = [
  'Mondays',
  'Tuesdays',
  'Wednesdays',
  'Thursdays',
  'Fridays',
  'Saturdays',
  'Sundays',
]

/** "Fridays 18:00–20:00", "every day 09:00–12:00", "Mondays and Fridays". */
export function formatSchedule(weekdays: readonly number[], from: string, to: string): string {
  const names = [...weekdays].sort((a, b) => a - b).map((day) => WEEKDAYS[day - 1] ?? '')
  const days =
    names.length === 0 || names.length === 7
      ? 'every day'
      : names.length === 1
        ? (names[0] ?? '')
        : `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`
  const allDay = from === '00:00' && to === '24:00'
  return allDay ? days : `${days} ${from}–${to}`
}

export function items(count: number): string {
  return count === 1 ? '1 item' : `${count.toLocaleString('en')} items`
}

function times(count: number): string {
  return count === 1 ? 'once' : count === 2 ? 'twice' : `${count} times`
}

/**
 * Turns a structured refusal into the sentence and hint shown to people. `unlocks` names what
 * meeting the condition would give ("10% off"), for hints like "Add €12.50 more to unlock 10% off."
 */
export function describeRefusal(
  params: RefusalReason,
  context: DisplayContext,
  unlocks = 'it',
): Refusal {
  const money = (minor: number) => formatMoney(minor, context.currency)
  const base = { reason: params.reason, params }
  switch (params.reason) {
    case 'unknown_code':
      return {
        ...base,
        message: `There is no code “${params.code}” at this business.`,
        hint: 'Check the spelling; codes ignore case.',
      }
    case 'wrong_business':
      return { ...base, message: `The code “${params.code}” belongs to another business.` }
    case 'inactive':
      return { ...base, message: 'This code has been deactivated.' }
    case 'not_started':
      return {
        ...base,
        message: `This code is not valid yet: it starts ${formatInstant(params.startsAt, context.timeZone)}.`,
      }
    case 'expired':
      return {
        ...base,
        message: `This code expired ${formatInstant(params.endedAt, context.timeZone)}.`,
      }
    case 'exhausted':
      return {
        ...base,
        message: `This code has been used up: all ${params.maxUses} uses are taken.`,
      }
    case 'customer_required':
      return {
        ...base,
        message: `This code can be used ${times(params.maxUsesPerCustomer)} per customer, so the customer must be identified.`,
        hint: 'Enter the customer’s email or customer id.',
      }
    case 'personal_code':
      return { ...base, message: 'This code was issued to another customer.' }
    case 'customer_limit':
      return {
        ...base,
        message: `This customer has already used this code ${times(params.maxUsesPerCustomer)}, the most allowed.`,
      }
    case 'min_spend':
      return {
        ...base,
        message: `The items must reach ${money(params.minMinor)} before discounts.`,
        hint: `Add ${money(params.missingMinor)} more to unlock ${unlocks}.`,
      }
    case 'daily_cap':
      return {
        ...base,
        message: `Today’s ${params.maxUsesPerDay.toLocaleString('en')} uses are taken; it is available again tomorrow.`,
      }
    case 'no_eligible_items':
      return { ...base, message: 'No item in the cart qualifies for this promotion.' }
    case 'min_quantity':
      return {
        ...base,
        message: `The cart needs at least ${items(params.minItems)}.`,
        hint: `Add ${params.missingItems === 1 ? '1 more item' : `${params.missingItems} more items`} to unlock ${unlocks}.`,
      }
    case 'missing_products':
      return {
        ...base,
        message: `The cart must also hold ${params.missing.join(', ')}.`,
        hint: `Add ${params.missing.join(' and ')} to unlock ${unlocks}.`,
      }
    case 'outside_schedule':
      return {
        ...base,
        message: `This promotion runs ${formatSchedule(params.weekdays, params.from, params.to)} only.`,
      }
    case 'identify_customer':
      return {
        ...base,
        message:
          'This promotion depends on who the customer is, so the customer must be identified.',
        hint: 'Enter the customer’s email or customer id.',
      }
    case 'not_new_customer':
      return {
        ...base,
        message: 'This promotion is for new customers; this customer has ordered before.',
      }
    case 'not_in_segment':
      return {
        ...base,
        message: `This promotion is for ${params.tags.join(' or ')} customers only.`,
      }
    case 'not_listed_customer':
      return { ...base, message: 'This promotion is reserved for named customers.' }
    case 'deal_incomplete':
      return {
        ...base,
        message: `The deal needs ${params.buyQuantity} bought and ${params.getQuantity} given qualifying items.`,
        hint: `Add ${params.missingItems === 1 ? '1 more qualifying item' : `${params.missingItems} more qualifying items`} to unlock ${unlocks}.`,
      }
    case 'tier_not_reached': {
      const missing =
        params.basis === 'spend'
          ? `${money(params.missing)} more`
          : params.missing === 1
            ? '1 more item'
            : `${params.missing} more items`
      const first =
        params.reward === 'percent'
          ? `${formatBasisPoints(params.firstTierValue)} off`
          : `${money(params.firstTierValue)} off`
      return {
        ...base,
        message: 'The cart has not reached the first tier.',
        hint: `Add ${missing} to unlock ${first}.`,
      }
    }
    case 'outranked':
      return {
        ...base,
        message:
          params.why === 'exclusive'
            ? `Not applied: ${params.by} gives more, and it applies alone.`
            : params.why === 'combined'
              ? `Not applied: this promotion applies alone, and the others together give more (${params.by}).`
              : `Only one promotion of the group “${params.group ?? ''}” applies, and ${params.by} comes first.`,
      }
    case 'code_required':
      return {
        ...base,
        message: `Every ${params.channel.replace('_', '-')} order needs a promo code at this business.`,
        hint: 'Ask where the customer heard of the shop and enter that code.',
      }
    case 'blocked':
      return {
        ...base,
        message: `This ${BLOCKED_LABELS[params.kind]} is blocked at this business after a fraud review.`,
        hint: 'A manager can lift the block on the Fraud page.',
      }
    case 'empty_cart':
      return { ...base, message: 'The cart is empty.', hint: 'Add at least one line.' }
  }
}
