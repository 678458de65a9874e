import { sql, type RawBuilder } from 'kysely'

/** Escapes LIKE's wildcards so user text matches literally. */
export function escapeLike(text: string): string {
  return text.replace(/[%_\\]/g, (char) => `\\${char}`)
}

/** A LIKE pattern with its ESCAPE clause: SQLite honours backslash escapes only with one. */
export function likePattern(pattern: string): RawBuilder<string> {
  return sql<string>`${pattern} escape '\\'`
}

/** Text that starts with `text`, literally. */
export const startsWith = (text: string) => likePattern(`${escapeLike(text)}%`)

/** Text that contains `text`, literally. */
export const contains = (text: string) => likePattern(`%${escapeLike(text)}%`)
