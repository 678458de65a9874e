import { evaluateSale } from '../src/main/engine/evaluate'
import type { EngineCartLine, EnginePromotion, SaleToEvaluate } from '../src/main/engine/types'
import type { ConditionSpec } from '../src/shared/promotions/conditions'
import type { DiscountSpec } from '../src/shared/promotions/discounts'
import { explainSale } from '../src/shared/promotions/explain'
import type { TermsInput } from '../src/shared/promotions/describe'
import { anyLine, everyLine } from '../src/shared/promotions/selectors'
import { LatencyRecorder, higherIsBetter, lowerIsBetter, type Measurement } from './stats'

export interface EngineSizes {
  lines: number
  promotions: number
  evaluations: number
}

const CATEGORIES = ['Shoes', 'Bags', 'Socks', 'Hats', 'Coats']
const BRANDS = ['Acme', 'Nimbus', 'Orbit']
/** 2026-03-13 18:30 in Paris, a Friday: inside the flash-sale windows. */
const NOW = Date.UTC(2026, 2, 13, 17, 30)

/** A small seeded generator: every run measures the same carts and promotions. */
function seeded(seed: number) {
  let state = seed
  return (max: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31
    return state % max
  }
}

function cartLines(count: number, random: (max: number) => number): EngineCartLine[] {
  return Array.from({ length: count }, (_, index) => ({
    sku: `SKU-${index % 40}`,
    name: `Product ${index}`,
    quantity: 1 + random(4),
    unitPriceMinor: 100 + random(20_000),
    category: CATEGORIES[random(CATEGORIES.length)] ?? null,
    brand: BRANDS[random(BRANDS.length)] ?? null,
    onSale: random(5) === 0,
    inStock: random(20) !== 0,
    taxRateBp: null,
  }))
}

/** Every discount kind and every condition kind, in rotation, with mixed stacking. */
function promotions(count: number, random: (max: number) => number): EnginePromotion[] {
  const discounts: DiscountSpec[] = [
    { kind: 'percent', percentBp: 500 + random(2000) },
    { kind: 'fixed', amountMinor: 500 + random(2000), per: 'order' },
    { kind: 'free_shipping', capMinor: null },
    {
      kind: 'buy_x_get_y',
      buyQuantity: 2,
      buyItems: { ...anyLine, categories: ['Shoes'] },
      getQuantity: 1,
      getItems: { ...anyLine, categories: ['Socks'] },
      getPercentBp: 10_000,
      maxApplications: 3,
    },
    {
      kind: 'tiered',
      basis: 'quantity',
      reward: 'percent',
      tiers: [
        { from: 5, value: 500 },
        { from: 20, value: 1000 },
      ],
    },
  ]
  const conditions: ConditionSpec[][] = [
    [{ kind: 'min_spend', minMinor: 10_000, over: 'cart' }],
    [{ kind: 'min_quantity', minItems: 3, over: 'eligible' }],
    [{ kind: 'schedule', weekdays: [5], from: '18:00', to: '20:00' }],
    [{ kind: 'customer_segment', tags: ['loyalty'] }],
    [{ kind: 'requires_products', skus: ['SKU-1', 'SKU-2'] }],
    [{ kind: 'new_customer' }],
    [],
  ]
  return Array.from({ length: count }, (_, index) => ({
    campaignId: index + 1,
    name: `Promotion ${index + 1}`,
    code: null,
    discount: discounts[index % discounts.length] ?? { kind: 'none' },
    conditions: conditions[index % conditions.length] ?? [],
    eligible:
      index % 3 === 0
        ? {
            ...everyLine,
            include: { ...anyLine, categories: [CATEGORIES[index % CATEGORIES.length] ?? ''] },
            excludeSaleItems: true,
          }
        : everyLine,
    stacking: {
      mode: index % 10 === 0 ? 'exclusive' : 'combinable',
      priority: 1 + random(10),
      group: index % 4 === 0 ? `group-${index % 3}` : null,
    },
    startsAt: null,
    endsAt: null,
    maxUsesPerDay: index % 5 === 0 ? 100 : null,
    usesToday: random(50),
  }))
}

function termsOf(list: readonly EnginePromotion[]): Map<number, TermsInput> {
  return new Map(list.map((entry) => [entry.campaignId, entry]))
}

/**
 * Validation of a 50-line cart against 100 active promotions with mixed conditions, on one core.
 * The engine gets everything as arguments (no database inside); the baseline is the same cart
 * evaluated with no promotion at all (the cart view, line results and tax), so the ratio shows
 * what the 100 promotions cost on top of the bare pass over the cart.
 */
export function engineBench(sizes: EngineSizes): Measurement[] {
  const random = seeded(7)
  const list = promotions(sizes.promotions, random)
  const carts = Array.from({ length: 50 }, () => cartLines(sizes.lines, random))
  const saleOf = (index: number, withPromotions: boolean): SaleToEvaluate => ({
    codeText: null,
    codeBelongsElsewhere: false,
    cart: { lines: carts[index % carts.length] ?? [], shippingMinor: 495 },
    promotions: withPromotions ? list : [],
    context: {
      now: NOW,
      timeZone: 'Europe/Paris',
      taxMode: 'inclusive',
      taxRateBp: 2000,
      customer: {
        id: 1,
        emailKey: 'ana@example.com',
        externalId: null,
        tags: index % 2 === 0 ? ['loyalty'] : [],
        isNew: index % 3 === 0,
      },
    },
  })
  const terms = termsOf(list)
  const engine = new LatencyRecorder()
  const bare = new LatencyRecorder()
  const explained = new LatencyRecorder()
  let applied = 0
  // Each measurement in a loop of its own, after its own warm-up: interleaved, the garbage one
  // loop makes would be collected during another's timings.
  const measure = (recorder: LatencyRecorder, run: (index: number) => void) => {
    for (let warm = 0; warm < 500; warm++) run(warm)
    for (let index = 0; index < sizes.evaluations; index++) recorder.time(() => run(index))
  }
  measure(engine, (index) => evaluateSale(saleOf(index, true)))
  // How many promotions a cart gets, counted once over the carts (untimed).
  for (let index = 0; index < carts.length; index++) {
    const result = evaluateSale(saleOf(index, true))
    applied += result.promotions.filter((outcome) => outcome.status === 'applied').length
  }
  measure(bare, (index) => evaluateSale(saleOf(index, false)))
  measure(explained, (index) =>
    explainSale(evaluateSale(saleOf(index, true)), terms, {
      currency: 'EUR',
      timeZone: 'Europe/Paris',
    }),
  )
  const setting = `${sizes.lines}-line carts, ${sizes.promotions} automatic promotions of every discount and condition kind (mixed stacking), ${engine.count.toLocaleString('en')} evaluations; on average ${(applied / carts.length).toFixed(1)} promotions applied per cart`
  const us = (recorder: LatencyRecorder, p: number) => recorder.percentileMs(p) * 1000
  return [
    lowerIsBetter(
      'engine.p50_evaluation',
      us(engine, 50),
      'µs',
      us(bare, 50),
      `ratio = bare cart pass p50 ÷ full evaluation p50; ${setting}`,
    ),
    lowerIsBetter(
      'engine.p99_evaluation',
      us(engine, 99),
      'µs',
      us(bare, 99),
      'ratio = bare cart pass p99 ÷ full evaluation p99 (target: p99 under 1,000 µs)',
    ),
    higherIsBetter(
      'engine.evaluations_per_second',
      engine.perSecond(),
      'evaluations/s',
      bare.perSecond(),
      'one core; ratio = full evaluation ÷ bare cart pass',
    ),
    lowerIsBetter(
      'engine.p99_evaluation_with_explanations',
      us(explained, 99),
      'µs',
      us(engine, 99),
      'the same, plus every check and refusal turned into sentences (what checkout.validate returns); ratio = evaluation alone ÷ with explanations',
    ),
  ]
}
