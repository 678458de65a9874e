import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../src/main/hosts/csp'

const INDEX_HTML = fileURLToPath(new URL('../../src/renderer/index.html', import.meta.url))

/** The content of the renderer's CSP meta tag, whatever the attribute order or wrapping. */
function metaPolicy(html: string): string | undefined {
  const tag = /<meta\b[^>]*http-equiv\s*=\s*["']Content-Security-Policy["'][^>]*>/i.exec(html)
  const content = tag && /\bcontent\s*=\s*"([^"]*)"/i.exec(tag[0])
  return content?.[1]?.replace(/\s+/g, ' ').trim()
}

describe('Content Security Policy', () => {
  it('in the renderer meta tag equals the one the hosts send', () => {
    expect(metaPolicy(readFileSync(INDEX_HTML, 'utf8'))).toBe(CONTENT_SECURITY_POLICY)
  })

  it('allows no script but our own and no eval', () => {
    const directives = CONTENT_SECURITY_POLICY.split('; ')
    expect(directives).toContain("script-src 'self'")
    expect(directives).toContain("object-src 'none'")
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|\*/)
  })
})
