import { z } from 'zod'
import { orderMapping, type ExampleOrderMapping } from '../../shared/contract/order-mappings'
// Imported, not read from disk: the bundler puts the JSON into the main bundle, so the desktop
// app, browser mode, the tests and the benchmarks all find it without resolving a path to
// resources/ at run time (which differs between `electron-vite build`, a packaged app and tsx).
import onlineShop from '../../../resources/order-mappings/online-shop.json'

const example = z.object({
  name: z.string().min(1),
  description: z.string(),
  mapping: orderMapping,
})

/** The mappings shipped in resources/order-mappings/, checked like a saved one. */
export const EXAMPLE_MAPPINGS: readonly ExampleOrderMapping[] = [
  { key: 'online-shop', ...example.parse(onlineShop) },
]
