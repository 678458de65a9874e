import { useBusiness } from '../../app/business-context'
import { useApiQuery } from '../../hooks/use-api'

export interface CatalogSuggestions {
  skus: string[]
  categories: string[]
  brands: string[]
}

const NONE: string[] = []

/**
 * What the catalog offers to pick from. The pickers still take any text: a rule may name a
 * product before it is in the catalog, and an empty catalog must not block anyone.
 */
export function useCatalogSuggestions(): CatalogSuggestions {
  const business = useBusiness()
  const facets = useApiQuery('products.facets', { businessId: business.id })
  const products = useApiQuery('products.list', { businessId: business.id, pageSize: 100 })
  return {
    skus: products.data?.rows.map((product) => product.sku) ?? NONE,
    categories: facets.data?.categories ?? NONE,
    brands: facets.data?.brands ?? NONE,
  }
}
