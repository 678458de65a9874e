import type { Product } from '../../shared/contract/products'
import type { Workspace } from '../db/database'
import {
  catalogFacets,
  deleteProduct,
  findProduct,
  findProductBySku,
  insertProduct,
  listProducts,
  updateProduct,
} from '../db/repos/products.repo'
import { importProducts, planProductImport } from '../catalog/import-products'
import type { HandlerContext, HandlerGroup } from './context'
import { requireBusiness } from './businesses.handlers'
import { DomainError, notFound } from './domain-error'

export function requireProduct(db: Workspace, businessId: number, productId: number): Product {
  const product = findProduct(db, businessId, productId)
  if (!product) throw notFound('This product', 'productId')
  return product
}

/** A dry run is not a job: nothing to cancel, and its report is the answer. */
const NOT_CANCELLABLE = { signal: new AbortController().signal, progress: () => {} }

export function productsHandlers({
  db,
  clock,
  jobs,
}: HandlerContext): HandlerGroup<
  | 'products.list'
  | 'products.get'
  | 'products.save'
  | 'products.delete'
  | 'products.facets'
  | 'products.import'
> {
  return {
    'products.list': (args) => {
      requireBusiness(db, args.businessId)
      return listProducts(db, args)
    },

    'products.get': ({ businessId, productId }) => requireProduct(db, businessId, productId),

    'products.save': ({ businessId, productId, ...input }) => {
      requireBusiness(db, businessId)
      const fields = { ...input, category: input.category ?? null, brand: input.brand ?? null }
      const now = clock.now()
      const savedId = db.sql.transaction(() => {
        const holder = findProductBySku(db, businessId, fields.sku)
        if (holder && holder.id !== productId) {
          const message = `The SKU ${holder.sku} is already used by ${holder.name}; SKUs ignore case.`
          throw new DomainError('conflict', message, {
            field: 'sku',
            issues: [{ field: 'sku', message }],
          })
        }
        if (productId === undefined) return insertProduct(db, businessId, fields, now)
        if (!updateProduct(db, businessId, productId, fields, now)) {
          throw notFound('This product', 'productId')
        }
        return productId
      })
      return requireProduct(db, businessId, savedId)
    },

    'products.delete': ({ businessId, productId }) => {
      const product = requireProduct(db, businessId, productId)
      deleteProduct(db, businessId, productId)
      return product
    },

    'products.facets': ({ businessId }) => {
      requireBusiness(db, businessId)
      return catalogFacets(db, businessId)
    },

    'products.import': async ({ businessId, file, dryRun }) => {
      const business = requireBusiness(db, businessId)
      const content = Buffer.from(file.contentBase64, 'base64')
      if (dryRun) {
        const { report } = await planProductImport(db, business, content, NOT_CANCELLABLE)
        return { dryRun: true, report }
      }
      const job = jobs.start(`Importing ${file.name}`, (control) =>
        importProducts(db, business, content, clock.now(), control),
      )
      return { dryRun: false, jobId: job.id }
    },
  }
}
