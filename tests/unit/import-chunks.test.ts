import { describe, expect, it } from 'vitest'
import { nextChunkSize } from '../../src/main/orders/commit-import'

describe('the import’s chunk size', () => {
  it('holds as many orders as fit in about 50 ms at the last chunk’s pace', () => {
    expect(nextChunkSize(100, 25)).toBe(200)
    expect(nextChunkSize(400, 100)).toBe(200)
  })

  it('stays between 50 and 1,000 orders, whatever the pace', () => {
    expect(nextChunkSize(100, 0)).toBe(1_000)
    expect(nextChunkSize(1_000, 1)).toBe(1_000)
    expect(nextChunkSize(50, 5_000)).toBe(50)
    expect(nextChunkSize(100, Number.NaN)).toBe(50)
  })
})
