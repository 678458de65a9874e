import {
  deleteMapping,
  findMapping,
  findMappingByName,
  insertMapping,
  listMappings,
  updateMapping,
} from '../db/repos/order-mappings.repo'
import { EXAMPLE_MAPPINGS } from '../orders/example-mappings'
import type { HandlerContext, HandlerGroup } from './context'
import { requireBusiness } from './businesses.handlers'
import { DomainError, notFound } from './domain-error'

export function orderMappingsHandlers({
  db,
  clock,
}: HandlerContext): HandlerGroup<
  'orderMappings.list' | 'orderMappings.save' | 'orderMappings.delete'
> {
  return {
    'orderMappings.list': ({ businessId }) => {
      requireBusiness(db, businessId)
      return { saved: listMappings(db, businessId), examples: [...EXAMPLE_MAPPINGS] }
    },

    'orderMappings.save': ({ businessId, mappingId, name, mapping }) => {
      requireBusiness(db, businessId)
      const now = clock.now()
      const savedId = db.sql.transaction(() => {
        const holder = findMappingByName(db, businessId, name)
        if (holder && holder.id !== mappingId) {
          const message = `A mapping called ${holder.name} already exists; names ignore case.`
          throw new DomainError('conflict', message, {
            field: 'name',
            issues: [{ field: 'name', message }],
          })
        }
        if (mappingId === undefined) return insertMapping(db, businessId, { name, mapping }, now)
        if (!updateMapping(db, businessId, mappingId, { name, mapping }, now))
          throw notFound('This mapping', 'mappingId')
        return mappingId
      })
      const saved = findMapping(db, businessId, savedId)
      if (!saved) throw notFound('This mapping', 'mappingId')
      return saved
    },

    'orderMappings.delete': ({ businessId, mappingId }) => {
      const mapping = findMapping(db, businessId, mappingId)
      if (!mapping) throw notFound('This mapping', 'mappingId')
      deleteMapping(db, businessId, mappingId)
      return mapping
    },
  }
}
