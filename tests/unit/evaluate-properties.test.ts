import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { evaluateSale, type SaleToEvaluate } from '../../src/main/engine/evaluate'
import type { DiscountSpec } from '../../src/shared/promotions/discounts'
import { ENGINE_NOW, engineCampaign, engineCode } from '../fixtures/engine'

const HOUR = 3_600_000

const discount: fc.Arbitrary<DiscountSpec> = fc.oneof(
  fc.record({
    kind: fc.constant('percent' as const),
    percentBp: fc.integer({ min: 1, max: 10_000 }),
  }),
  fc.record({
    kind: fc.constant('fixed' as const),
    amountMinor: fc.integer({ min: 1, max: 2_000_000 }),
  }),
  fc.constant({ kind: 'none' as const }),
)

const cart = fc.record({
  lines: fc.array(
    fc.record({
      sku: fc.constantFrom('A', 'B', 'C'),
      quantity: fc.integer({ min: 1, max: 50 }),
      unitPriceMinor: fc.integer({ min: 0, max: 200_000 }),
    }),
    { minLength: 0, maxLength: 8 },
  ),
  shippingMinor: fc.integer({ min: 0, max: 5_000 }),
})

const relativeInstant = fc.option(
  fc.integer({ min: -48, max: 48 }).map((h) => ENGINE_NOW + h * HOUR),
)

const code = fc
  .record({
    discount,
    minSpend: fc.option(fc.integer({ min: 0, max: 500_000 })),
    active: fc.boolean(),
    startsAt: relativeInstant,
    endsAt: relativeInstant,
    maxUses: fc.option(fc.integer({ min: 1, max: 20 })),
    uses: fc.integer({ min: 0, max: 25 }),
    maxUsesPerCustomer: fc.option(fc.integer({ min: 1, max: 3 })),
    customerId: fc.option(fc.constantFrom(42, 99)),
  })
  .map(({ discount, minSpend, ...fields }) =>
    engineCode({
      ...fields,
      campaign: engineCampaign({
        kind: discount.kind === 'none' ? 'tracking' : 'discount',
        discount,
        conditions: minSpend === null ? [] : [{ kind: 'min_spend', minMinor: minSpend }],
      }),
    }),
  )

/** Any sale: with a code of any state, an unknown code, a code of another business, or none. */
const sale: fc.Arbitrary<SaleToEvaluate> = fc
  .record({
    code: fc.option(code, { nil: null }),
    typedUnknown: fc.constantFrom(null, 'NOPE', 'ELSEWHERE'),
    cart,
    customer: fc.option(
      fc.record({ id: fc.constantFrom(42, 7), usesOfCode: fc.integer({ min: 0, max: 3 }) }),
    ),
  })
  .map(({ code, typedUnknown, cart, customer }) => ({
    codeText: code?.code ?? typedUnknown,
    code,
    codeBelongsElsewhere: typedUnknown === 'ELSEWHERE',
    cart,
    context: { now: ENGINE_NOW, currency: 'EUR', timeZone: 'Europe/Paris', customer },
  }))

const RUNS = { numRuns: 400 }

describe('evaluateSale invariants', () => {
  it('discounts are never negative and no line goes below zero', () => {
    fc.assert(
      fc.property(sale, (input) => {
        for (const line of evaluateSale(input).lines) {
          expect(line.discountMinor).toBeGreaterThanOrEqual(0)
          expect(line.netMinor).toBeGreaterThanOrEqual(0)
          expect(line.netMinor).toBe(line.grossMinor - line.discountMinor)
        }
      }),
      RUNS,
    )
  })

  it('line discounts sum exactly to the order discount', () => {
    fc.assert(
      fc.property(sale, (input) => {
        const { lines, totals } = evaluateSale(input)
        expect(lines.reduce((sum, line) => sum + line.discountMinor, 0)).toBe(totals.discountMinor)
        expect(lines.reduce((sum, line) => sum + line.grossMinor, 0)).toBe(totals.subtotalMinor)
      }),
      RUNS,
    )
  })

  it('total = subtotal − discount + shipping', () => {
    fc.assert(
      fc.property(sale, (input) => {
        const { totals } = evaluateSale(input)
        expect(totals.shippingMinor).toBe(input.cart.shippingMinor)
        expect(totals.totalMinor).toBe(
          totals.subtotalMinor - totals.discountMinor + totals.shippingMinor,
        )
        expect(totals.discountMinor).toBeLessThanOrEqual(totals.subtotalMinor)
      }),
      RUNS,
    )
  })

  it('is deterministic and leaves its input untouched', () => {
    fc.assert(
      fc.property(sale, (input) => {
        const before = structuredClone(input)
        const first = evaluateSale(input)
        expect(input).toEqual(before)
        expect(evaluateSale(structuredClone(input))).toEqual(first)
      }),
      RUNS,
    )
  })

  it('a refused code contributes zero discount', () => {
    fc.assert(
      fc.property(sale, (input) => {
        const result = evaluateSale(input)
        expect(result.applies).toBe(input.code !== null && result.refusal === null)
        if (result.refusal !== null) {
          expect(result.totals.discountMinor).toBe(0)
          expect(result.lines.every((line) => line.discountMinor === 0)).toBe(true)
        }
      }),
      RUNS,
    )
  })
})
