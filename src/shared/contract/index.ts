import type { z } from 'zod'
import type { MethodSpec } from './define'
import { businessesContract } from './businesses'
import { promotersContract } from './promoters'
import { campaignsContract } from './campaigns'
import { codesContract } from './codes'
import { checkoutContract } from './checkout'
import { redemptionsContract } from './redemptions'
import { salesContract } from './sales'
import { ledgerContract } from './ledger'
import { jobsContract } from './jobs'
import { exportsContract } from './exports'
import { workspaceContract } from './workspace'
import { productsContract } from './products'
import { orderMappingsContract } from './order-mappings'
import { orderImportsContract } from './order-imports'
import { backupsContract } from './backups'
import { commissionsContract } from './commissions'
import { payoutsContract } from './payouts'
import { analyticsContract } from './analytics'
import { fraudContract } from './fraud'

/** Every method the renderer may call, whichever host serves it. */
export const contract = {
  ...workspaceContract,
  ...businessesContract,
  ...promotersContract,
  ...campaignsContract,
  ...codesContract,
  ...checkoutContract,
  ...redemptionsContract,
  ...salesContract,
  ...ledgerContract,
  ...exportsContract,
  ...jobsContract,
  ...productsContract,
  ...orderMappingsContract,
  ...orderImportsContract,
  ...backupsContract,
  ...commissionsContract,
  ...payoutsContract,
  ...analyticsContract,
  ...fraudContract,
}

export type Contract = typeof contract
export type MethodName = keyof Contract
/** What a caller passes (before defaults are applied). */
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>
/** What a handler receives (validated, defaults applied). */
export type MethodArgs<M extends MethodName> = z.output<Contract[M]['input']>
export type MethodResult<M extends MethodName> =
  Contract[M] extends MethodSpec<z.ZodType, infer R> ? R : never

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name)
}

export * from './businesses'
export * from './promoters'
export * from './campaigns'
export * from './codes'
export * from './checkout'
export * from './redemptions'
export * from './jobs'
export * from './exports'
export * from './workspace'
export * from './products'
export * from './order-mappings'
export * from './order-imports'
export * from './backups'
export * from './commissions'
export * from './payouts'
export * from './analytics'
export * from './fraud'
export * from './upload'
export * from './common'
