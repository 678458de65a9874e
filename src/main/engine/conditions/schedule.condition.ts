import type { ConditionDefinition } from './condition'

const ZERO = 48 // '0'

function digitAt(text: string, at: number): number {
  const digit = text.charCodeAt(at) - ZERO
  return digit >= 0 && digit <= 9 ? digit : Number.NaN
}

/** "18:30" → 1110, read digit by digit: checked on every sale, so no split and no arrays. */
function minutesOf(clock: string): number {
  if (clock.length === 5 && clock.charCodeAt(2) === 58 /* ':' */) {
    const minutes =
      (digitAt(clock, 0) * 10 + digitAt(clock, 1)) * 60 + digitAt(clock, 3) * 10 + digitAt(clock, 4)
    if (!Number.isNaN(minutes)) return minutes
  }
  // Anything else (the schema allows only HH:MM, but stored terms are not re-validated).
  const [hours = 0, minutes = 0] = clock.split(':').map(Number)
  return hours * 60 + minutes
}

/** Recurring hours on chosen weekdays, in the business's time zone: "Fridays 18:00–20:00". */
export const scheduleCondition: ConditionDefinition<'schedule'> = {
  kind: 'schedule',
  check: (spec, facts) => {
    const { weekday, minutes } = facts.local
    const onDay = spec.weekdays.length === 0 || spec.weekdays.includes(weekday)
    const inHours = minutes >= minutesOf(spec.from) && minutes < minutesOf(spec.to)
    const fact = {
      rule: 'schedule',
      weekdays: spec.weekdays,
      from: spec.from,
      to: spec.to,
    } as const
    if (onDay && inHours) return { ok: true, fact }
    return {
      ok: false,
      fact,
      refusal: {
        reason: 'outside_schedule',
        weekdays: spec.weekdays,
        from: spec.from,
        to: spec.to,
      },
    }
  },
}
