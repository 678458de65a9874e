import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { openTestWorkspace } from '../fixtures/workspace'
import { createShop, cartOf } from '../fixtures/shop'
import { HOUR } from '../fixtures/clock'
import type { Metrics } from '../../src/shared/contract/analytics'
import { ApiFailure } from '../../src/shared/errors'

const CHANNELS = ['in_store', 'phone', 'online'] as const
const LOCATIONS = ['Lyon', 'Paris', undefined] as const

const saleArbitrary = fc.record({
  code: fc.constantFrom('ANA5', 'BEN5', null),
  channel: fc.constantFrom(...CHANNELS),
  location: fc.constantFrom(...LOCATIONS),
  unitPriceMinor: fc.integer({ min: 100, max: 20_000 }),
  quantity: fc.integer({ min: 1, max: 4 }),
  customer: fc.integer({ min: 0, max: 12 }),
  refund: fc.constantFrom('none', 'none', 'part', 'void'),
  hours: fc.integer({ min: 1, max: 20 }),
})

const FIGURES = [
  'orders',
  'redemptions',
  'revenueMinor',
  'discountMinor',
  'commissionMinor',
] as const
const pick = (metrics: Pick<Metrics, (typeof FIGURES)[number]>) =>
  Object.fromEntries(FIGURES.map((name) => [name, metrics[name]]))

describe('analytics', () => {
  it('dashboard, breakdowns and the redemption history add up to the ledger on random sales', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(saleArbitrary, { minLength: 1, maxLength: 25 }), async (sales) => {
        const ws = await openTestWorkspace({ now: Date.UTC(2026, 2, 1, 8) })
        try {
          const shop = await createShop(ws.call)
          const businessId = shop.business.id
          await ws.call('program.update', {
            businessId,
            program: { rule: { kind: 'percent', rateBp: 1000 } },
          })
          const ben = await ws.call('promoters.create', { businessId, name: 'Ben' })
          for (const [code, promoterId] of [
            ['ANA5', shop.promoter.id],
            ['BEN5', ben.id],
          ] as const)
            await ws.call('codes.create', {
              businessId,
              campaignId: shop.campaign.id,
              code,
              promoterId: code === 'ANA5' ? undefined : promoterId,
              maxUses: 20,
              maxUsesPerCustomer: 2,
            })
          let index = 0
          for (const sale of sales) {
            ws.clock.advance(sale.hours * HOUR)
            // The code's limits may refuse a sale: it then records nothing, as it should.
            const receipt = await ws
              .call('checkout.commit', {
                businessId,
                orderRef: `R-${++index}`,
                ...(sale.code ? { code: sale.code } : {}),
                customer: { email: `c${sale.customer}@example.com` },
                channel: sale.channel,
                location: sale.location,
                cart: cartOf(sale.unitPriceMinor, sale.quantity),
              })
              .catch((error: unknown) => {
                if (error instanceof ApiFailure && error.code === 'refused') return null
                throw error
              })
            if (receipt && sale.refund !== 'none') {
              await ws.call('sales.reverse', {
                businessId,
                entryId: receipt.entryId,
                kind: sale.refund === 'void' ? 'void' : 'refund',
                amountMinor:
                  sale.refund === 'part' ? Math.ceil(sale.unitPriceMinor / 3) : undefined,
                reason: 'Returned',
                requestId: `reversal-${index}`,
              })
            }
          }
          // Straight from the ledger's tables.
          const entries = ws.db.sql.all(
            ws.db.qb
              .selectFrom('ledger_entries')
              .select(['kind', 'total_minor', 'discount_minor'])
              .where('business_id', '=', businessId),
          )
          const commissions = ws.db.sql.all(
            ws.db.qb
              .selectFrom('commissions')
              .select('amount_minor')
              .where('business_id', '=', businessId),
          )
          const codeUses = ws.db.sql.all(
            ws.db.qb
              .selectFrom('redemptions as r')
              .innerJoin('ledger_entries as e', 'e.id', 'r.entry_id')
              .select(['e.kind', 'r.discount_minor'])
              .where('r.business_id', '=', businessId),
          )
          const sum = (values: number[]) => values.reduce((total, value) => total + value, 0)
          const ledger = {
            orders: entries.filter((entry) => entry.kind === 'sale').length,
            redemptions: codeUses.filter((row) => row.kind === 'sale').length,
            revenueMinor: sum(entries.map((entry) => entry.total_minor)),
            discountMinor: sum(entries.map((entry) => entry.discount_minor)),
            commissionMinor: sum(commissions.map((row) => row.amount_minor)),
          }

          const range = { businessId, from: '2026-02-25', to: '2026-04-30' }
          const board = await ws.call('analytics.dashboard', range)
          expect(pick(board.current)).toEqual(ledger)
          expect(board.current.netRevenueMinor).toBe(ledger.revenueMinor - ledger.commissionMinor)
          expect(sum(board.series.map((point) => point.revenueMinor))).toBe(ledger.revenueMinor)
          const customers = ws.db.sql.all(
            ws.db.qb
              .selectFrom('customers')
              .select('id')
              .where('business_id', '=', businessId)
              .where('first_order_at', 'is not', null),
          )
          expect(board.current.newCustomers).toBe(customers.length)

          for (const by of ['channel', 'location'] as const) {
            const split = await ws.call('analytics.breakdown', { ...range, by })
            expect(pick(split.totals)).toEqual(ledger)
          }
          const byCode = await ws.call('analytics.breakdown', { ...range, by: 'code' })
          expect(byCode.totals.redemptions).toBe(ledger.redemptions)
          const byPromoter = await ws.call('analytics.breakdown', { ...range, by: 'promoter' })
          expect(byPromoter.totals.commissionMinor).toBe(ledger.commissionMinor)
          const byCampaign = await ws.call('analytics.breakdown', { ...range, by: 'campaign' })
          expect(byCampaign.totals.discountMinor).toBe(byCode.totals.discountMinor)

          const history = await ws.call('redemptions.list', { businessId, pageSize: 1 })
          expect(history.totals.discountMinor).toBe(byCode.totals.discountMinor)
          expect(byCode.totals.discountMinor).toBe(sum(codeUses.map((row) => row.discount_minor)))
        } finally {
          await ws.close()
        }
      }),
      { numRuns: 6 },
    )
  }, 60_000)

  it('compares with the same number of days just before, and charts long ranges by month', async () => {
    const ws = await openTestWorkspace()
    try {
      const shop = await createShop(ws.call)
      const board = await ws.call('analytics.dashboard', {
        businessId: shop.business.id,
        from: '2026-03-01',
        to: '2026-03-31',
      })
      expect([board.previousFrom, board.previousTo, board.by]).toEqual([
        '2026-01-29',
        '2026-02-28',
        'day',
      ])
      expect(board.series).toHaveLength(31)
      const year = await ws.call('analytics.dashboard', {
        businessId: shop.business.id,
        from: '2026-01-15',
        to: '2026-12-31',
      })
      expect(year.by).toBe('month')
      expect(year.series.map((point) => point.bucket)).toEqual(
        Array.from({ length: 12 }, (_, month) => `2026-${String(month + 1).padStart(2, '0')}`),
      )
    } finally {
      await ws.close()
    }
  })
})
