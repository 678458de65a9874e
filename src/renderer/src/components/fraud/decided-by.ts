const KEY = 'promoledger.decidedBy'

/** The name last given as "decided by", so a reviewer types it once per machine. */
export function lastDecider(): string {
  return localStorage.getItem(KEY) ?? ''
}

export function rememberDecider(name: string): void {
  localStorage.setItem(KEY, name.trim())
}
