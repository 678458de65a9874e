/**
 * The renderer's Content Security Policy: only its own bundled scripts, no eval, no remote
 * content. Inline styles are allowed because MUI's emotion injects <style> tags.
 * Keep in step with the meta tag in src/renderer/index.html (a unit test compares them).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ')
