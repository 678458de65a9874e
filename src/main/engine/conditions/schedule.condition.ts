import type { ConditionDefinition } from './condition'

function minutesOf(clock: string): number {
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
