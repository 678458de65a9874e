import type { CodeState } from '../../shared/contract/codes'

interface StateInputs {
  active: boolean
  startsAt: number | null
  endsAt: number | null
  maxUses: number | null
  uses: number
}

function later(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.max(a, b)
}

function earlier(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.min(a, b)
}

/** The window a code is usable in: its own, narrowed by its campaign's. */
export function effectiveWindow(
  code: { startsAt: number | null; endsAt: number | null },
  campaign: { startsAt: number | null; endsAt: number | null },
): { startsAt: number | null; endsAt: number | null } {
  return {
    startsAt: later(code.startsAt, campaign.startsAt),
    endsAt: earlier(code.endsAt, campaign.endsAt),
  }
}

/** A code's state is derived, never stored. Deactivation wins, then exhaustion, then the window. */
export function codeState(code: StateInputs, now: number): CodeState {
  if (!code.active) return 'inactive'
  if (code.maxUses !== null && code.uses >= code.maxUses) return 'exhausted'
  if (code.endsAt !== null && now >= code.endsAt) return 'expired'
  if (code.startsAt !== null && now < code.startsAt) return 'scheduled'
  return 'active'
}
