/** Characters that make a spreadsheet treat text as a formula (and tab/CR, which some apps strip first). */
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r'])

/**
 * Neutralizes text that a spreadsheet would run as a formula by prefixing an apostrophe,
 * the convention spreadsheets show as plain text. Numbers, dates and null pass unchanged.
 */
export function safeCell<T>(value: T): T | string {
  if (typeof value !== 'string' || value.length === 0) return value
  return FORMULA_TRIGGERS.has(value[0] ?? '') ? `'${value}` : value
}
