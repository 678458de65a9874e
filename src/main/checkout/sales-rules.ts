import type { Business } from '../../shared/contract/businesses'
import { MANUAL_CHANNELS, type Channel, type Evaluation } from '../../shared/contract/checkout'
import { describeRefusal } from '../../shared/refusals'
import { DomainError } from '../api/domain-error'
import { pinMatches } from '../security/pin'

/**
 * A business can require a promo code on every order of a channel (tracking codes that say
 * where the customer came from, source 003): without one, the evaluation refuses.
 */
export function withRequiredCode(
  evaluation: Evaluation,
  business: Business,
  channel: Channel,
): Evaluation {
  const required = business.sales.requireCodeChannels.includes(channel)
  if (!required || evaluation.code !== null || evaluation.refusal !== null) return evaluation
  return { ...evaluation, refusal: describeRefusal({ reason: 'code_required', channel }, business) }
}

/**
 * A code on a manually entered order may need a manager's override (source 003). Checked before
 * the write transaction: the PIN's key derivation is slow on purpose. Returns whether an
 * override was given, for the ledger entry.
 */
export function checkOverride(
  business: Business,
  args: { code?: string | undefined; channel: Channel; managerPin?: string | undefined },
  storedPinHash: () => string | null,
): boolean {
  const needed =
    business.sales.overrideRequired &&
    args.code !== undefined &&
    MANUAL_CHANNELS.includes(args.channel)
  if (!needed) return false
  const pinHash = storedPinHash()
  if (pinHash === null)
    throw new DomainError(
      'refused',
      'Codes on in-store and phone orders need a manager override, but no manager PIN is set. Set one in Settings.',
      { field: 'managerPin' },
    )
  if (!args.managerPin)
    throw new DomainError(
      'refused',
      'A manager must enter their PIN to apply a code to an in-store or phone order.',
      { field: 'managerPin' },
    )
  if (!pinMatches(args.managerPin, pinHash))
    throw new DomainError('refused', 'That manager PIN is not right.', { field: 'managerPin' })
  return true
}
