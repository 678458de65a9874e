import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestWorkspace, type TestWorkspace } from '../fixtures/workspace'
import { createShop } from '../fixtures/shop'
import { allRows, csv003, fileOf, finished, type Order003 } from '../fixtures/order-files'
import type { OrderRejection } from '../../src/shared/contract/order-imports'
import { verifyLedger } from '../../src/main/ledger/verify-ledger'

let ws: TestWorkspace
let shops = 0

beforeAll(async () => {
  ws = await openTestWorkspace()
})
afterAll(() => ws.close())

type Defect = 'bad_price' | 'bad_quantity' | 'bad_date' | 'no_id' | 'same_id' | 'above' | 'late'

interface ItemSpec {
  priceMinor: number
  quantity: number
  discountMinor: number
  coupon: '' | 'JAY10' | 'NOPE'
}

interface RowSpec {
  customer: number
  items: ItemSpec[]
  defect: Defect | null
}

const item: fc.Arbitrary<ItemSpec> = fc
  .record({
    priceMinor: fc.integer({ min: 0, max: 5_000 }),
    quantity: fc.integer({ min: 1, max: 5 }),
    share: fc.integer({ min: 0, max: 100 }),
    coupon: fc.constantFrom(
      '' as const,
      '' as const,
      'JAY10' as const,
      'JAY10' as const,
      'NOPE' as const,
    ),
  })
  .map(({ priceMinor, quantity, share, coupon }) => ({
    priceMinor,
    quantity,
    discountMinor: Math.floor((priceMinor * share) / 100),
    coupon,
  }))

const row: fc.Arbitrary<RowSpec> = fc.record({
  customer: fc.integer({ min: -1, max: 3 }),
  items: fc.array(item, { minLength: 1, maxLength: 3 }),
  defect: fc.option(
    fc.constantFrom<Defect>(
      'bad_price',
      'bad_quantity',
      'bad_date',
      'no_id',
      'same_id',
      'above',
      'late',
    ),
    {
      freq: 3,
    },
  ),
})

const decimal = (minor: number) =>
  `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`

/** The file a list of specs makes. */
function fileOfSpecs(specs: RowSpec[]): Order003[] {
  return specs.map((spec, index) => ({
    id:
      spec.defect === 'no_id'
        ? ''
        : spec.defect === 'same_id' && index > 0
          ? `P-${index - 1}`
          : `P-${index}`,
    date:
      spec.defect === 'bad_date'
        ? '2026-13-01'
        : spec.defect === 'late'
          ? '2026-04-02 10:00'
          : `2026-03-0${1 + (index % 9)} 10:00`,
    email: spec.customer < 0 ? undefined : `shopper${spec.customer}@example.com`,
    items: spec.items.map((line, position) => ({
      product: `SKU-${position}`,
      price: spec.defect === 'bad_price' && position === 0 ? 'x1' : decimal(line.priceMinor),
      quantity: spec.defect === 'bad_quantity' && position === 0 ? '0' : String(line.quantity),
      discount: decimal(
        spec.defect === 'above' && position === 0 ? line.priceMinor + 1 : line.discountMinor,
      ),
      coupon: line.coupon,
    })),
  }))
}

/**
 * What the import must do with each row, worked out independently of it: the first problem in
 * the order the checks run (the row's own cells, then its codes, then the code's limits of 20
 * uses and 2 per customer, counted over the accepted rows before it).
 */
function expected(specs: RowSpec[]) {
  let uses = 0
  const perCustomer = new Map<number, number>()
  const ids = fileOfSpecs(specs).map((order) => order.id)
  const seen = new Set<string>()
  return specs.map((spec, index) => {
    const id = ids[index] ?? ''
    const repeated = seen.has(id)
    if (id) seen.add(id)
    const cellProblem: Record<Defect, OrderRejection | null> = {
      no_id: 'missing_value',
      same_id: repeated ? 'duplicate_order' : null,
      bad_date: 'bad_date',
      bad_price: 'bad_number',
      bad_quantity: 'bad_number',
      above: 'discount_above_price',
      late: null,
    }
    const reject = (reason: OrderRejection) => ({ reason, totalMinor: 0 })
    const cells = spec.defect ? cellProblem[spec.defect] : null
    if (cells) return reject(cells)
    // Codes are checked in the order the file names them.
    const coupons = spec.items.map((line) => line.coupon).filter(Boolean)
    for (const coupon of coupons) {
      if (coupon === 'NOPE') return reject('unknown_code')
      if (spec.defect === 'late') return reject('outside_window')
    }
    if (coupons.includes('JAY10')) {
      const mine = perCustomer.get(spec.customer) ?? 0
      if (uses >= 20 || (spec.customer >= 0 && mine >= 2)) return reject('limit_reached')
      uses++
      if (spec.customer >= 0) perCustomer.set(spec.customer, mine + 1)
    }
    const totalMinor = spec.items.reduce(
      (sum, line) => sum + (line.priceMinor - line.discountMinor) * line.quantity,
      0,
    )
    return { reason: null, totalMinor }
  })
}

describe('generated order files', () => {
  it('import or reject every row with the reason the rules give, and the imported totals reconcile', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 30 }), async (specs) => {
        const shop = await createShop(ws.call, { name: `Shop ${++shops}` })
        const businessId = shop.business.id
        const want = expected(specs)
        const uploaded = await ws.call('orderImports.upload', {
          businessId,
          file: fileOf(csv003(fileOfSpecs(specs))),
        })
        const importId = uploaded.run.id
        await finished(
          ws,
          ws.call('orderImports.check', {
            businessId,
            importId,
            format: { layout: 'numbered', decimalSeparator: '.', dateFormat: 'iso' },
          }),
        )
        const preview = await allRows(ws, businessId, importId)
        expect(preview.map((result) => result.reason)).toEqual(
          want.map((rowWanted) => rowWanted.reason),
        )

        const accepted = want.filter((rowWanted) => rowWanted.reason === null)
        const acceptedTotal = accepted.reduce((sum, rowWanted) => sum + rowWanted.totalMinor, 0)
        if (accepted.length > 0)
          await finished(ws, ws.call('orderImports.commit', { businessId, importId }))
        const run = await ws.call('orderImports.get', { businessId, importId })
        const rows = await allRows(ws, businessId, importId)
        expect(rows.map((result) => [result.status, result.reason])).toEqual(
          want.map((rowWanted) => [
            rowWanted.reason ? 'rejected' : accepted.length > 0 ? 'imported' : 'will_import',
            rowWanted.reason,
          ]),
        )
        expect(run.counts.accepted + run.counts.rejected).toBe(specs.length)
        expect(run.counts.acceptedTotalMinor).toBe(acceptedTotal)

        const ledger = ws.db.sql.first(
          ws.db.qb
            .selectFrom('ledger_entries')
            .where('business_id', '=', businessId)
            .select((eb) => [
              eb.fn.countAll<number>().as('entries'),
              eb.fn.coalesce(eb.fn.sum<number>('total_minor'), eb.lit(0)).as('total'),
            ]),
        )
        expect(Number(ledger?.entries)).toBe(accepted.length)
        expect(Number(ledger?.total)).toBe(acceptedTotal)
        expect(run.importedTotalMinor).toBe(acceptedTotal)
      }),
      { numRuns: 40 },
    )
    expect(verifyLedger(ws.db).ok).toBe(true)
  })
})
