import { describe, expect, it } from 'vitest'
import { DEFAULT_POLICY, type CreationPolicy } from '../../src/shared/contract/businesses'
import { checkCreationPolicy, type ProposedCode } from '../../src/main/engine/creation-policy'
import { endOfLocalDay, startOfLocalDay } from '../../src/main/time/local-dates'

const NEW_YORK = 'America/New_York'
const NOW = Date.UTC(2026, 0, 10, 15, 0)

/** A code from `first` to `last` (inclusive days in `zone`) that meets every default rule. */
function proposal(
  overrides: Partial<ProposedCode> = {},
  window: { first: string; last: string; zone?: string } = {
    first: '2026-01-15',
    last: '2026-02-14',
  },
): ProposedCode {
  const zone = window.zone ?? NEW_YORK
  return {
    discount: { kind: 'percent', percentBp: 3000 },
    maxUses: 20,
    maxUsesPerCustomer: 2,
    startsAt: startOfLocalDay(window.first, zone),
    endsAt: endOfLocalDay(window.last, zone),
    promoterCodesInPeriod: 0,
    ...overrides,
  }
}

function fieldsOf(code: ProposedCode, zone = NEW_YORK, policy: CreationPolicy = DEFAULT_POLICY) {
  return checkCreationPolicy(policy, code, NOW, zone).map((issue) => issue.field)
}

describe('creation policy (source 004 defaults)', () => {
  it('accepts a code exactly at every limit', () => {
    expect(checkCreationPolicy(DEFAULT_POLICY, proposal(), NOW, NEW_YORK)).toEqual([])
  })

  it('refuses 35% off, naming the discount and both percentages', () => {
    const issues = checkCreationPolicy(
      DEFAULT_POLICY,
      proposal({ discount: { kind: 'percent', percentBp: 3500 } }),
      NOW,
      NEW_YORK,
    )
    expect(issues).toHaveLength(1)
    expect(issues[0]?.field).toBe('discount')
    expect(issues[0]?.message).toContain('35%')
    expect(issues[0]?.message).toContain('30%')
  })

  it('does not apply the percent cap to fixed-amount or tracking codes', () => {
    expect(
      fieldsOf(proposal({ discount: { kind: 'fixed', amountMinor: 1_000_000, per: 'order' } })),
    ).toEqual([])
    expect(fieldsOf(proposal({ discount: { kind: 'none' } }))).toEqual([])
  })

  it('refuses 21 uses per code, and a code without a use limit', () => {
    expect(fieldsOf(proposal({ maxUses: 21 }))).toEqual(['maxUses'])
    expect(fieldsOf(proposal({ maxUses: null }))).toEqual(['maxUses'])
  })

  it('refuses 3 uses per customer, and a code without a per-customer limit', () => {
    expect(fieldsOf(proposal({ maxUsesPerCustomer: 3 }))).toEqual(['maxUsesPerCustomer'])
    expect(fieldsOf(proposal({ maxUsesPerCustomer: null }))).toEqual(['maxUsesPerCustomer'])
  })

  it('refuses a 21st code for one promoter within the rolling period', () => {
    const issues = checkCreationPolicy(
      DEFAULT_POLICY,
      proposal({ promoterCodesInPeriod: 20 }),
      NOW,
      NEW_YORK,
    )
    expect(issues.map((issue) => issue.field)).toEqual(['promoterId'])
    expect(issues[0]?.message).toContain('30 days')
    expect(fieldsOf(proposal({ promoterCodesInPeriod: 19 }))).toEqual([])
    expect(fieldsOf(proposal({ promoterCodesInPeriod: null }))).toEqual([])
  })

  it('reports every violated rule at once, each with its field', () => {
    const code = proposal(
      {
        discount: { kind: 'percent', percentBp: 5000 },
        maxUses: 100,
        maxUsesPerCustomer: 5,
        promoterCodesInPeriod: 25,
      },
      { first: '2026-01-15', last: '2026-04-01' },
    )
    expect(fieldsOf(code)).toEqual([
      'discount',
      'maxUses',
      'maxUsesPerCustomer',
      'endsOn',
      'promoterId',
    ])
  })

  it('lets a policy without limits accept anything', () => {
    const open: CreationPolicy = {
      maxPercentBp: null,
      maxUsesPerCode: null,
      maxUsesPerCustomer: null,
      maxWindowMonths: null,
      maxCodesPerPromoter: null,
      promoterPeriodDays: 30,
    }
    const code = proposal({
      discount: { kind: 'percent', percentBp: 10_000 },
      maxUses: null,
      maxUsesPerCustomer: null,
      endsAt: null,
      promoterCodesInPeriod: 1000,
    })
    expect(fieldsOf(code, NEW_YORK, open)).toEqual([])
  })
})

describe('creation policy: window of at most one month, in the business zone', () => {
  const windowFields = (first: string, last: string, zone = NEW_YORK) =>
    fieldsOf(proposal({}, { first, last, zone }), zone)

  it.each([
    ['2026-01-15', '2026-02-14'],
    ['2026-01-01', '2026-01-31'],
    ['2026-02-01', '2026-02-28'],
    ['2026-01-31', '2026-02-28'], // from the last day of January to the last of February
    ['2026-01-30', '2026-02-28'],
    ['2028-01-31', '2028-02-29'], // leap year
    ['2026-10-31', '2026-11-30'],
    ['2026-12-31', '2027-01-30'],
    ['2026-03-01', '2026-03-31'], // across the spring DST change
    ['2026-10-15', '2026-11-14'], // across the autumn DST change
  ])('accepts %s to %s', (first, last) => {
    expect(windowFields(first, last)).toEqual([])
  })

  it.each([
    ['2026-01-15', '2026-02-15'],
    ['2026-01-01', '2026-02-01'],
    ['2026-01-31', '2026-03-01'],
    ['2028-01-31', '2028-03-01'],
    ['2026-02-28', '2026-03-28'],
    ['2026-03-01', '2026-04-01'],
    ['2026-12-31', '2027-01-31'],
  ])('refuses %s to %s, naming endsOn', (first, last) => {
    expect(windowFields(first, last)).toEqual(['endsOn'])
  })

  it('reads the days in the business zone, not in UTC', () => {
    // Auckland is UTC+13 in January: its days start on the previous UTC day.
    expect(windowFields('2026-01-31', '2026-02-28', 'Pacific/Auckland')).toEqual([])
    expect(windowFields('2026-01-31', '2026-03-01', 'Pacific/Auckland')).toEqual(['endsOn'])
    expect(windowFields('2026-03-01', '2026-03-31', 'Europe/Paris')).toEqual([])
    expect(windowFields('2026-03-01', '2026-04-01', 'Europe/Paris')).toEqual(['endsOn'])
  })

  it('requires an end, and counts an open start from now', () => {
    expect(fieldsOf(proposal({ endsAt: null }))).toEqual(['endsOn'])
    // NOW is 10 Jan 2026 10:00 in New York: the window may run to 10 Feb 10:00.
    const fromNow = (last: string) =>
      fieldsOf(proposal({ startsAt: null, endsAt: endOfLocalDay(last, NEW_YORK) }))
    expect(fromNow('2026-02-09')).toEqual([])
    expect(fromNow('2026-02-10')).toEqual(['endsOn'])
  })
})
