import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { renderApiDocs } from '../../scripts/generate-api-docs'
import { contract } from '../../src/shared/contract'

describe('docs/api.md', () => {
  it('is generated from the current contract (run npm run docs:api after changing it)', () => {
    expect(readFileSync(join(__dirname, '..', '..', 'docs', 'api.md'), 'utf8')).toBe(
      renderApiDocs(),
    )
  })

  it('names a result type for every method', () => {
    const docs = renderApiDocs()
    for (const name of Object.keys(contract)) expect(docs).toContain(`## \`${name}\``)
    expect(docs).not.toContain('Returns `unknown`')
  })
})
