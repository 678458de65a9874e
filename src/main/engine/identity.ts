const GMAIL_DOMAINS = new Set(['gmail.com', 'googlemail.com'])

/**
 * The key two emails share when they reach the same inbox: lower case, "+tag" dropped, and for
 * Gmail the dots of the local part dropped (j.doe+promo@Gmail.com → jdoe@gmail.com).
 */
export function emailKey(email: string): string {
  const lowered = email.trim().toLowerCase()
  const at = lowered.lastIndexOf('@')
  if (at <= 0) return lowered
  let local = lowered.slice(0, at)
  let domain = lowered.slice(at + 1)
  local = local.split('+')[0] ?? local
  if (GMAIL_DOMAINS.has(domain)) {
    local = local.replaceAll('.', '')
    domain = 'gmail.com'
  }
  return `${local}@${domain}`
}

/** Digits only, keeping a leading + for international numbers. */
export function phoneKey(phone: string): string {
  const trimmed = phone.trim()
  const digits = trimmed.replace(/\D/g, '')
  return trimmed.startsWith('+') ? `+${digits}` : digits
}
