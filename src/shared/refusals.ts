import { formatMoney } from './money'

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
  | { reason: 'min_spend'; minMinor: number; missingMinor: number }
  | { reason: 'empty_cart' }

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

/** An instant as the business reads it, e.g. "24 Oct 2026, 00:00". */
export function formatInstant(epochMs: number, timeZone: string): string {
  return dateTimeFormat('instant', timeZone).format(epochMs)
}

/**
 * How a window's exclusive end reads: an end at midnight means "through the day before"
 * (the last day people chose), anything else is the exact moment.
 */
export function formatWindowEnd(endsAt: number, timeZone: string): string {
  const parts = dateTimeFormat('time', timeZone).format(endsAt)
  if (parts === '00:00') {
    return `the end of ${dateTimeFormat('day', timeZone).format(endsAt - 1)}`
  }
  return formatInstant(endsAt, timeZone)
}

function times(count: number): string {
  return count === 1 ? 'once' : count === 2 ? 'twice' : `${count} times`
}

/** Turns a structured refusal into the sentence and hint shown to people. */
export function describeRefusal(params: RefusalReason, context: DisplayContext): Refusal {
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
        message: `The order must reach ${money(params.minMinor)} before discounts for this code.`,
        hint: `Add ${money(params.missingMinor)} more to unlock it.`,
      }
    case 'empty_cart':
      return { ...base, message: 'The cart is empty.', hint: 'Add at least one line.' }
  }
}
