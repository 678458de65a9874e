import { request } from 'node:http'
import { networkInterfaces } from 'node:os'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createWebHost, listen } from '../../src/main/hosts/web-host'
import { openTestWorkspace, type TestWorkspace } from '../fixtures/workspace'

const TOKEN = 'test-token-0123456789abcdef'

let ws: TestWorkspace
let server: Server
let port: number

beforeAll(async () => {
  ws = await openTestWorkspace()
  // The renderer folder sits next to a secret that must stay out of reach.
  const rendererDir = join(ws.dir, 'renderer')
  mkdirSync(rendererDir)
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Promoledger</title>')
  writeFileSync(join(ws.dir, 'secret.txt'), 'do not serve')
  server = createWebHost({ handlers: ws.handlers, jobs: ws.jobs, rendererDir, token: TOKEN })
  port = await listen(server, 0)
})
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
  await ws.close()
})

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** A raw HTTP request, so the test controls the path, Host and Origin exactly. */
function send(
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: string; host?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: options.host ?? '127.0.0.1',
        port,
        method,
        path,
        headers: { host: `127.0.0.1:${port}`, ...options.headers },
      },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (body += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }

function api(method: string, input: unknown, headers: Record<string, string> = auth) {
  return send('POST', `/api/${method}`, { headers, body: JSON.stringify(input) })
}

describe('the browser-mode host', () => {
  it('listens on 127.0.0.1 only', () => {
    expect((server.address() as AddressInfo).address).toBe('127.0.0.1')
  })

  it('cannot be reached on any other interface', async () => {
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((address) => address && !address.internal && address.family === 'IPv4')
    for (const other of others) {
      await expect(send('GET', '/', { host: other?.address })).rejects.toMatchObject({
        code: 'ECONNREFUSED',
      })
    }
  })

  it('answers an authorized call with its envelope', async () => {
    const reply = await api('businesses.list', {})
    expect(reply.status).toBe(200)
    expect(JSON.parse(reply.body)).toEqual({ ok: true, value: expect.any(Array) })
    expect(reply.headers['cache-control']).toBe('no-store')
  })

  it('accepts its own origin, by either loopback name', async () => {
    for (const origin of [`http://127.0.0.1:${port}`, `http://localhost:${port}`]) {
      const reply = await api('businesses.list', {}, { ...auth, origin })
      expect(reply.status).toBe(200)
    }
  })

  it('refuses a call without the token, or with a wrong one, with 401', async () => {
    const missing = await api('businesses.list', {}, { 'content-type': 'application/json' })
    expect(missing.status).toBe(401)
    expect(JSON.parse(missing.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
    const wrong = await api('businesses.list', {}, { authorization: `Bearer ${TOKEN}x` })
    expect(wrong.status).toBe(401)
  })

  it('refuses another origin with 403, even with the token', async () => {
    const reply = await api('businesses.list', {}, { ...auth, origin: 'http://evil.example' })
    expect(reply.status).toBe(403)
    const sneaky = await api(
      'businesses.list',
      {},
      { ...auth, origin: `http://127.0.0.1:${port}.evil.example` },
    )
    expect(sneaky.status).toBe(403)
  })

  it('refuses a foreign Host header (DNS rebinding) with 421', async () => {
    const reply = await send('POST', '/api/businesses.list', {
      headers: { ...auth, host: `evil.example:${port}` },
      body: '{}',
    })
    expect(reply.status).toBe(421)
    const wrongPort = await send('GET', '/', { headers: { host: `127.0.0.1:${port + 1}` } })
    expect(wrongPort.status).toBe(421)
  })

  it('reports invalid input with its code and the offending field', async () => {
    const reply = await api('businesses.create', {
      name: '',
      currency: 'EUR',
      timeZone: 'Mars/Olympus',
    })
    expect(reply.status).toBe(200)
    const envelope = JSON.parse(reply.body) as {
      ok: boolean
      error: { code: string; field: string; issues: { field: string }[] }
    }
    expect(envelope.ok).toBe(false)
    expect(envelope.error.code).toBe('invalid_input')
    expect(envelope.error.field).toBe('name')
    expect(envelope.error.issues.map((issue) => issue.field)).toEqual(['name', 'timeZone'])
  })

  it('reports an unknown method', async () => {
    const reply = await api('businesses.drop', {})
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'unknown_method' } })
  })

  it('refuses a body that is not JSON, and API calls that are not POST', async () => {
    const reply = await send('POST', '/api/businesses.list', { headers: auth, body: '{nope' })
    expect(reply.status).toBe(400)
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect((await send('GET', '/api/businesses.list', { headers: auth })).status).toBe(405)
  })

  it('serves the renderer with the security headers', async () => {
    const reply = await send('GET', '/')
    expect(reply.status).toBe(200)
    expect(reply.body).toContain('<title>Promoledger</title>')
    expect(reply.headers['content-security-policy']).toContain("script-src 'self'")
    expect(reply.headers['content-security-policy']).toContain("frame-ancestors 'none'")
    expect(reply.headers['x-content-type-options']).toBe('nosniff')
  })

  it.each([
    '/../secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/a/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/missing.js',
  ])('answers 404 for %s', async (path) => {
    const reply = await send('GET', path)
    expect(reply.status).toBe(404)
    expect(reply.body).not.toContain('do not serve')
  })

  it('downloads a finished export with the token', async () => {
    const business = await ws.call('businesses.create', {
      name: 'Corner Bakery',
      currency: 'EUR',
      timeZone: 'Europe/Paris',
    })
    const started = JSON.parse((await api('exports.codes', { businessId: business.id })).body) as {
      value: { jobId: string }
    }
    const { jobId } = started.value
    expect((await ws.settle(jobId)).status).toBe('done')
    const reply = await send('GET', `/download/${jobId}?token=${TOKEN}`)
    expect(reply.status).toBe(200)
    expect(reply.headers['content-type']).toContain('spreadsheetml')
    expect(reply.headers['content-disposition']).toBe(
      'attachment; filename="codes-Corner-Bakery-2026-03-10.xlsx"',
    )
    expect(reply.body.startsWith('PK')).toBe(true) // an xlsx is a zip
  })

  it('refuses a download without the token', async () => {
    expect((await send('GET', '/download/some-job')).status).toBe(401)
    expect((await send('GET', `/download/some-job?token=${TOKEN}`)).status).toBe(404)
  })
})

describe('the browser-mode host with malformed paths', () => {
  it('answers 404, not a server error, for a broken percent-encoding', async () => {
    expect((await send('GET', '/%E0%A4%A')).status).toBe(404)
  })

  it('reports an unknown method for a broken percent-encoding in the API path', async () => {
    const reply = await api('%E0%A4%A', {})
    expect(reply.status).toBe(200)
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'unknown_method' } })
  })
})
