import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { evaluateSale } from '../../src/main/engine/evaluate'
import type { EnginePromotion, SaleToEvaluate } from '../../src/main/engine/types'
import type { ConditionSpec } from '../../src/shared/promotions/conditions'
import type { DiscountSpec } from '../../src/shared/promotions/discounts'
import type { LineSelector } from '../../src/shared/promotions/selectors'
import { ENGINE_NOW, KNOWN_CUSTOMER, engineCode, line, promotion } from '../fixtures/engine'

const HOUR = 3_600_000
const SKUS = ['A', 'B', 'C', 'D']
const CATEGORIES = ['Shoes', 'Socks']

const selector: fc.Arbitrary<LineSelector> = fc.record({
  skus: fc.subarray(SKUS, { maxLength: 2 }),
  categories: fc.subarray(CATEGORIES, { maxLength: 1 }),
  brands: fc.constant([]),
})

const tiers = fc
  .uniqueArray(fc.integer({ min: 1, max: 20_000 }), { minLength: 1, maxLength: 3 })
  .chain((froms) =>
    fc.tuple(
      ...[...froms]
        .sort((a, b) => a - b)
        .map((from) => fc.integer({ min: 1, max: 10_000 }).map((value) => ({ from, value }))),
    ),
  )

const discount: fc.Arbitrary<DiscountSpec> = fc.oneof(
  fc.record({
    kind: fc.constant('percent' as const),
    percentBp: fc.integer({ min: 1, max: 10_000 }),
  }),
  fc.record({
    kind: fc.constant('fixed' as const),
    amountMinor: fc.integer({ min: 1, max: 200_000 }),
    per: fc.constantFrom('order' as const, 'item' as const),
  }),
  fc.record({
    kind: fc.constant('free_shipping' as const),
    capMinor: fc.option(fc.integer({ min: 1, max: 3_000 }), { nil: null }),
  }),
  fc.record({
    kind: fc.constant('buy_x_get_y' as const),
    buyQuantity: fc.integer({ min: 1, max: 3 }),
    buyItems: selector,
    getQuantity: fc.integer({ min: 1, max: 2 }),
    getItems: selector,
    getPercentBp: fc.integer({ min: 1, max: 10_000 }),
    maxApplications: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
  }),
  fc.record({
    kind: fc.constant('tiered' as const),
    basis: fc.constantFrom('quantity' as const, 'spend' as const),
    reward: fc.constantFrom('percent' as const, 'amount' as const),
    tiers,
  }),
  fc.constant({ kind: 'none' as const }),
)

const condition: fc.Arbitrary<ConditionSpec> = fc.oneof(
  fc.record({
    kind: fc.constant('min_spend' as const),
    minMinor: fc.integer({ min: 1, max: 50_000 }),
    over: fc.constantFrom('cart' as const, 'eligible' as const),
  }),
  fc.record({
    kind: fc.constant('min_quantity' as const),
    minItems: fc.integer({ min: 1, max: 10 }),
    over: fc.constantFrom('cart' as const, 'eligible' as const),
  }),
  fc.record({
    kind: fc.constant('requires_products' as const),
    skus: fc.subarray(SKUS, { minLength: 1, maxLength: 2 }),
  }),
  fc.constant({ kind: 'new_customer' as const }),
  fc.record({
    kind: fc.constant('schedule' as const),
    weekdays: fc.subarray([1, 2, 3, 4, 5, 6, 7]),
    from: fc.constantFrom('00:00', '12:00'),
    to: fc.constantFrom('13:00', '24:00'),
  }),
)

const relativeInstant = fc.option(
  fc.integer({ min: -48, max: 48 }).map((h) => ENGINE_NOW + h * HOUR),
  { nil: null },
)

const promotionArb = (campaignId: number, withCode: boolean): fc.Arbitrary<EnginePromotion> =>
  fc
    .record({
      discount,
      conditions: fc.array(condition, { maxLength: 2 }),
      include: selector,
      excludeSaleItems: fc.boolean(),
      mode: fc.constantFrom('exclusive' as const, 'combinable' as const),
      priority: fc.integer({ min: 1, max: 5 }),
      group: fc.constantFrom(null, 'g1', 'g2'),
      startsAt: relativeInstant,
      endsAt: relativeInstant,
      code: withCode
        ? fc
            .record({
              active: fc.boolean(),
              maxUses: fc.option(fc.integer({ min: 1, max: 20 }), { nil: null }),
              uses: fc.integer({ min: 0, max: 25 }),
              customerUses: fc.integer({ min: 0, max: 3 }),
            })
            .map((fields) => engineCode({ ...fields, code: `CODE${campaignId}` }))
        : fc.constant(null),
    })
    .map(({ include, excludeSaleItems, mode, priority, group, ...rest }) =>
      promotion({
        ...rest,
        campaignId,
        name: `Campaign ${campaignId}`,
        eligible: {
          include,
          exclude: { skus: [], categories: [], brands: [] },
          excludeSaleItems,
          excludeOutOfStock: false,
        },
        stacking: { mode, priority, group },
      }),
    )

const cartLine = fc
  .record({
    sku: fc.constantFrom(...SKUS),
    quantity: fc.integer({ min: 1, max: 6 }),
    price: fc.integer({ min: 0, max: 20_000 }),
    category: fc.constantFrom(...CATEGORIES),
    onSale: fc.boolean(),
    taxRateBp: fc.option(fc.integer({ min: 0, max: 2500 }), { nil: null }),
  })
  .map(({ sku, quantity, price, ...extra }) => line(sku, price, quantity, extra))

/** Any sale: a code's promotion or none, up to four automatic ones, any customer, any tax mode. */
const sale: fc.Arbitrary<SaleToEvaluate> = fc
  .record({
    withCode: fc.boolean(),
    automatic: fc.integer({ min: 0, max: 4 }),
    lines: fc.array(cartLine, { maxLength: 6 }),
    shippingMinor: fc.integer({ min: 0, max: 2_000 }),
    customer: fc.option(
      fc.boolean().map((isNew) => ({ ...KNOWN_CUSTOMER, isNew })),
      { nil: null },
    ),
    taxMode: fc.constantFrom('exclusive' as const, 'inclusive' as const),
    taxRateBp: fc.integer({ min: 0, max: 2500 }),
  })
  .chain(({ withCode, automatic, lines, shippingMinor, customer, taxMode, taxRateBp }) =>
    fc
      .tuple(
        withCode ? promotionArb(1, true) : fc.constant(null),
        ...Array.from({ length: automatic }, (_, index) => promotionArb(index + 2, false)),
      )
      .map(([own, ...others]) => {
        const promotions = [...(own ? [own] : []), ...others]
        return {
          codeText: own?.code?.code ?? null,
          codeBelongsElsewhere: false,
          cart: { lines, shippingMinor },
          promotions,
          context: { now: ENGINE_NOW, timeZone: 'Europe/Paris', taxMode, taxRateBp, customer },
        }
      }),
  )

const RUNS = { numRuns: 500 }

describe('evaluateSale invariants over random carts and promotions', () => {
  it('discounts are never negative and no line, shipping or order goes below zero', () => {
    fc.assert(
      fc.property(sale, (input) => {
        const { lines, totals, promotions } = evaluateSale(input)
        for (const entry of lines) {
          expect(entry.discountMinor).toBeGreaterThanOrEqual(0)
          expect(entry.netMinor).toBeGreaterThanOrEqual(0)
          expect(entry.netMinor).toBe(entry.grossMinor - entry.discountMinor)
          expect(entry.taxMinor).toBeGreaterThanOrEqual(0)
        }
        for (const outcome of promotions) {
          expect(outcome.discountMinor).toBeGreaterThanOrEqual(0)
          expect(outcome.shippingDiscountMinor).toBeGreaterThanOrEqual(0)
        }
        expect(totals.shippingDiscountMinor).toBeLessThanOrEqual(totals.shippingMinor)
        expect(totals.discountMinor).toBeLessThanOrEqual(totals.subtotalMinor)
        expect(totals.totalMinor).toBeGreaterThanOrEqual(0)
      }),
      RUNS,
    )
  })

  it('line discounts sum exactly to the order discount, and each promotion’s shares to its discount', () => {
    fc.assert(
      fc.property(sale, (input) => {
        const { lines, totals, promotions } = evaluateSale(input)
        expect(lines.reduce((sum, entry) => sum + entry.discountMinor, 0)).toBe(
          totals.discountMinor,
        )
        expect(lines.reduce((sum, entry) => sum + entry.grossMinor, 0)).toBe(totals.subtotalMinor)
        for (const outcome of promotions) {
          const shares = lines.reduce(
            (sum, entry) =>
              sum +
              entry.allocations
                .filter((share) => share.campaignId === outcome.campaignId)
                .reduce((inner, share) => inner + share.discountMinor, 0),
            0,
          )
          expect(shares).toBe(outcome.discountMinor)
        }
        const byPromotion = promotions.reduce(
          (sum, outcome) => sum + outcome.shippingDiscountMinor,
          0,
        )
        expect(byPromotion).toBe(totals.shippingDiscountMinor)
      }),
      RUNS,
    )
  })

  it('totals reconcile in both tax modes', () => {
    fc.assert(
      fc.property(sale, (input) => {
        const { totals, lines } = evaluateSale(input)
        expect(lines.reduce((sum, entry) => sum + entry.taxMinor, 0)).toBe(totals.taxMinor)
        const net = totals.subtotalMinor - totals.discountMinor
        const shipping = totals.shippingMinor - totals.shippingDiscountMinor
        const tax = totals.taxMode === 'exclusive' ? totals.taxMinor : 0
        expect(totals.totalMinor).toBe(net + shipping + tax)
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

  it('exclusive promotions never combine, and a stacking group applies at most once', () => {
    fc.assert(
      fc.property(sale, (input) => {
        const applied = evaluateSale(input).promotions.filter(
          (outcome) => outcome.status === 'applied',
        )
        const specs = applied.map((outcome) =>
          input.promotions.find((p) => p.campaignId === outcome.campaignId),
        )
        if (specs.some((spec) => spec?.stacking.mode === 'exclusive'))
          expect(applied).toHaveLength(1)
        const groups = specs.map((spec) => spec?.stacking.group).filter((group) => group != null)
        expect(new Set(groups).size).toBe(groups.length)
      }),
      RUNS,
    )
  })

  it('a promotion whose rules fail, or that is dropped, contributes nothing', () => {
    fc.assert(
      fc.property(sale, (input) => {
        const result = evaluateSale(input)
        for (const outcome of result.promotions) {
          if (outcome.status === 'applied') {
            expect(outcome.refusal).toBeNull()
            expect(outcome.checks.every((check) => check.ok)).toBe(true)
            continue
          }
          expect(outcome.refusal).not.toBeNull()
          expect(outcome.discountMinor + outcome.shippingDiscountMinor).toBe(0)
          for (const entry of result.lines) {
            expect(entry.allocations.some((share) => share.campaignId === outcome.campaignId)).toBe(
              false,
            )
          }
        }
        if (result.refusal !== null && input.codeText !== null) {
          expect(
            result.promotions.find((outcome) => outcome.code !== null)?.status ?? 'refused',
          ).not.toBe('applied')
        }
      }),
      RUNS,
    )
  })
})
