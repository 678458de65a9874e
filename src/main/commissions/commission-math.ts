import type { CommissionBase, CommissionRule, CommissionTier } from '../../shared/commissions/rules'
import { formatBasisPoints, formatMoney } from '../../shared/money'
import { mulDivRoundHalfUp } from '../engine/money'

/**
 * Commission arithmetic: pure, no I/O. Amounts are minor units, rates basis points, and every
 * rounding is half up to the minor unit.
 */

/** A sale's amounts after its discounts. */
export interface SaleAmounts {
  /** Merchandise after discount, without tax. */
  goodsMinor: number
  /** Tax on the merchandise. */
  taxMinor: number
  /** Shipping after its discount. */
  shippingMinor: number
}

/** What the promoter already earned from in the period, before this sale. */
export interface PeriodVolume {
  sales: number
  baseMinor: number
}

export interface Commission {
  baseMinor: number
  amountMinor: number
  /** How it was computed, for the statement line: "10% of €60.00". */
  note: string
}

export function baseOf(amounts: SaleAmounts, base: CommissionBase): number {
  return (
    amounts.goodsMinor +
    (base.includeTax ? amounts.taxMinor : 0) +
    (base.includeShipping ? amounts.shippingMinor : 0)
  )
}

const BP = 10_000n

/** round half up of n / d for non-negative BigInts. */
function divRoundHalfUp(n: bigint, d: bigint): bigint {
  return (2n * n + d) / (2n * d)
}

/** The tier in force once `reached` is passed: the last whose start lies below it. */
function tierAt(tiers: CommissionTier[], reached: number, strict: boolean): CommissionTier {
  let found = tiers[0] as CommissionTier
  for (const tier of tiers) if (strict ? tier.from < reached : tier.from <= reached) found = tier
  return found
}

/** Revenue tiers, marginal: each slice of the period's base at its own tier's rate. */
function marginalRevenueTotal(tiers: CommissionTier[], volume: number): bigint {
  let sum = 0n
  tiers.forEach((tier, index) => {
    const next = tiers[index + 1]
    const top = next ? Math.min(volume, next.from) : volume
    if (top > tier.from) sum += BigInt(top - tier.from) * BigInt(tier.rateBp)
  })
  return divRoundHalfUp(sum, BP)
}

/**
 * What the whole period has earned under a tiered rule once it reaches `volume`. A sale's
 * commission is the difference this sale makes, so a period's rows always add up to the
 * period's figure exactly, whatever the rounding.
 */
function tieredPeriodTotal(
  rule: Extract<CommissionRule, { kind: 'tiered' }>,
  volume: PeriodVolume,
): bigint {
  if (volume.sales === 0) return 0n
  if (rule.measure === 'revenue' && rule.mode === 'marginal')
    return marginalRevenueTotal(rule.tiers, volume.baseMinor)
  // Whole period: everything at the rate the period reached ("above 1,000.00" is strict; the
  // n-th sale reaches a sales tier that starts after n − 1 sales).
  const tier =
    rule.measure === 'revenue'
      ? tierAt(rule.tiers, volume.baseMinor, true)
      : tierAt(rule.tiers, volume.sales - 1, false)
  return divRoundHalfUp(BigInt(volume.baseMinor) * BigInt(tier.rateBp), BP)
}

function tieredCommission(
  rule: Extract<CommissionRule, { kind: 'tiered' }>,
  base: number,
  before: PeriodVolume,
  currency: string,
): Commission {
  if (rule.measure === 'sales' && rule.mode === 'marginal') {
    // The n-th sale of the period at the rate of the tier its number falls in.
    const tier = tierAt(rule.tiers, before.sales, false)
    return {
      baseMinor: base,
      amountMinor: mulDivRoundHalfUp(base, tier.rateBp, 10_000),
      note: `${formatBasisPoints(tier.rateBp)} of ${formatMoney(base, currency)} (sale ${before.sales + 1} of the period)`,
    }
  }
  const after = { sales: before.sales + 1, baseMinor: before.baseMinor + base }
  const amount = Number(tieredPeriodTotal(rule, after) - tieredPeriodTotal(rule, before))
  const reached =
    rule.measure === 'revenue'
      ? tierAt(rule.tiers, after.baseMinor, true)
      : tierAt(rule.tiers, after.sales - 1, false)
  const how =
    rule.mode === 'marginal'
      ? `tiers on ${formatMoney(base, currency)} (period ${formatMoney(after.baseMinor, currency)})`
      : `${formatBasisPoints(reached.rateBp)} tier on the period’s ${formatMoney(after.baseMinor, currency)}, less what it already earned`
  return { baseMinor: base, amountMinor: amount, note: how }
}

/** The commission a rule gives on one attributed sale, given the promoter's period so far. */
export function commissionOf(
  rule: CommissionRule,
  amounts: SaleAmounts,
  before: PeriodVolume,
  currency: string,
): Commission {
  switch (rule.kind) {
    case 'none':
      return { baseMinor: 0, amountMinor: 0, note: 'No commission' }
    case 'flat':
      return {
        baseMinor: baseOf(amounts, { includeTax: false, includeShipping: false }),
        amountMinor: rule.amountMinor,
        note: `${formatMoney(rule.amountMinor, currency)} per sale`,
      }
    case 'percent':
    case 'split': {
      const base = Math.max(0, baseOf(amounts, rule.base))
      const rate = rule.kind === 'percent' ? rule.rateBp : rule.promoterShareBp
      const label = rule.kind === 'percent' ? '' : ' (revenue split)'
      return {
        baseMinor: base,
        amountMinor: mulDivRoundHalfUp(base, rate, 10_000),
        note: `${formatBasisPoints(rate)} of ${formatMoney(base, currency)}${label}`,
      }
    }
    case 'tiered':
      return tieredCommission(rule, Math.max(0, baseOf(amounts, rule.base)), before, currency)
  }
}

/**
 * How much of a commission (or its base) stands reversed once `returnedMinor` of the sale's
 * total has been refunded: the same fraction, rounded half up, and all of it once the sale is
 * fully refunded or voided. A reversal books this minus what earlier reversals took back, so a
 * sale reversed in parts ends reversed exactly in full.
 */
export function reversedPart(
  value: number,
  returnedMinor: number,
  saleTotal: number,
  full: boolean,
): number {
  if (full || saleTotal <= 0) return value
  const part = Math.min(returnedMinor, saleTotal)
  return Math.sign(value) * mulDivRoundHalfUp(Math.abs(value), part, saleTotal)
}
