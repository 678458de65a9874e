import type { OrderMapping, SavedOrderMapping } from '../../../shared/contract/order-mappings'
import type { Workspace } from '../database'
import type { Selectable } from 'kysely'
import type { OrderMappingsTable } from '../schema'

type MappingRow = Selectable<OrderMappingsTable>

/** The key a mapping's name is unique by: "Shopify " and "shopify" are one. */
export const mappingNameKey = (name: string) => name.trim().toLowerCase()

function toMapping(row: MappingRow): SavedOrderMapping {
  return {
    id: row.id,
    businessId: row.business_id,
    name: row.name,
    mapping: JSON.parse(row.mapping_json) as OrderMapping,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

export function listMappings(db: Workspace, businessId: number): SavedOrderMapping[] {
  return db.sql
    .all(
      db.qb
        .selectFrom('order_mappings')
        .selectAll()
        .where('business_id', '=', businessId)
        .orderBy('name_key'),
    )
    .map(toMapping)
}

export function findMapping(
  db: Workspace,
  businessId: number,
  mappingId: number,
): SavedOrderMapping | undefined {
  const row = db.sql.first(
    db.qb
      .selectFrom('order_mappings')
      .selectAll()
      .where('business_id', '=', businessId)
      .where('id', '=', mappingId),
  )
  return row && toMapping(row)
}

export function findMappingByName(db: Workspace, businessId: number, name: string) {
  const row = db.sql.first(
    db.qb
      .selectFrom('order_mappings')
      .selectAll()
      .where('business_id', '=', businessId)
      .where('name_key', '=', mappingNameKey(name)),
  )
  return row && toMapping(row)
}

export function insertMapping(
  db: Workspace,
  businessId: number,
  fields: { name: string; mapping: OrderMapping },
  now: number,
): number {
  const row = db.sql.first(
    db.qb
      .insertInto('order_mappings')
      .values({
        business_id: businessId,
        name: fields.name,
        name_key: mappingNameKey(fields.name),
        mapping_json: JSON.stringify(fields.mapping),
        created_at: now,
        updated_at: now,
      })
      .returning('id'),
  )
  if (!row) throw new Error('Inserting a mapping returned no id.')
  return row.id
}

export function updateMapping(
  db: Workspace,
  businessId: number,
  mappingId: number,
  fields: { name: string; mapping: OrderMapping },
  now: number,
): boolean {
  return (
    db.sql.run(
      db.qb
        .updateTable('order_mappings')
        .set({
          name: fields.name,
          name_key: mappingNameKey(fields.name),
          mapping_json: JSON.stringify(fields.mapping),
          updated_at: now,
        })
        .where('business_id', '=', businessId)
        .where('id', '=', mappingId),
    ).changes > 0
  )
}

export function deleteMapping(db: Workspace, businessId: number, mappingId: number): void {
  db.sql.run(
    db.qb
      .deleteFrom('order_mappings')
      .where('business_id', '=', businessId)
      .where('id', '=', mappingId),
  )
}
