import { createWriteStream } from 'node:fs'
import { customerEmail, type BenchShop } from './shop'

const PRODUCTS = [
  { sku: 'BRD-SOUR', price: '6.50' },
  { sku: 'CFE-BEAN', price: '14.50' },
  { sku: 'PAS-CROI', price: '1.20' },
  { sku: 'CAK-OPERA', price: '4.80' },
]
/** One order in this many is rejected (a discount above its price), so the file has both paths. */
export const REJECT_EVERY = 100
const GROUPS = 3

/**
 * Writes a source-003 order file of `orders` rows like a web shop's day: one to three items,
 * half the orders with a promoter's coupon on their items (10% off, as the campaign gives),
 * one in ten with a tracking code in KEY_CODE, 5,000 returning customers, dated over the last
 * hours (inside the shop's campaign window). Returns the orders the import must accept.
 */
export async function writeOrderFile(
  path: string,
  shop: BenchShop,
  orders: number,
  trackingCode: string | null,
): Promise<number> {
  const out = createWriteStream(path)
  const header = ['ORDER_ID', 'ORDER_DATE', 'EMAIL', 'CHANNEL', 'KEY_CODE']
  for (let group = 1; group <= GROUPS; group++) {
    const nn = String(group).padStart(2, '0')
    header.push(`PRODUCT${nn}`, `PRICE${nn}`, `QUANTITY${nn}`, `DISCOUNT${nn}`, `COUPON_CODE${nn}`)
  }
  out.write(`${header.join(',')}\n`)
  const start = Date.now() - 20 * 60 * 60 * 1000
  let accepted = 0
  let buffer = ''
  for (let index = 0; index < orders; index++) {
    const coupon = index % 2 === 0 ? (shop.codes[index % shop.codes.length] ?? '') : ''
    const date = new Date(start + Math.floor((index / orders) * 19 * 60 * 60 * 1000))
    const cells = [
      `WEB-${100000 + index}`,
      date.toISOString().replace('T', ' ').slice(0, 19) + 'Z',
      customerEmail(index % 5_000),
      'web',
      trackingCode && index % 10 === 5 ? trackingCode : '',
    ]
    const items = 1 + (index % GROUPS)
    const bad = index % REJECT_EVERY === 99
    for (let group = 0; group < GROUPS; group++) {
      const product = PRODUCTS[(index + group) % PRODUCTS.length] ?? PRODUCTS[0]!
      if (group >= items) {
        cells.push('', '', '', '', '')
        continue
      }
      const priceMinor = Math.round(Number(product.price) * 100)
      const discount = coupon ? (priceMinor / 10 / 100).toFixed(2) : '0.00'
      cells.push(
        product.sku,
        product.price,
        String(1 + ((index + group) % 3)),
        bad ? '99.00' : discount,
        coupon,
      )
    }
    if (!bad) accepted++
    buffer += `${cells.join(',')}\n`
    if (buffer.length > 1 << 16) {
      if (!out.write(buffer))
        await new Promise<void>((resolve) => out.once('drain', () => resolve()))
      buffer = ''
    }
  }
  out.end(buffer)
  await new Promise<void>((resolve) => out.once('finish', () => resolve()))
  return accepted
}
