import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'
import { timingSafeEqual } from 'node:crypto'
import type { Handlers } from '../api/context'
import { dispatch } from '../api/dispatch'
import type { JobRunner } from '../jobs/job-runner'
import { CONTENT_SECURITY_POLICY } from './csp'

export interface WebHostOptions {
  handlers: Handlers
  jobs: JobRunner
  /** The built renderer (out/renderer). */
  rendererDir: string
  token: string
}

const MAX_BODY_BYTES = 5 * 1024 * 1024
/** Methods that carry a file as base64 (at most 20 MB, about 27 MB encoded: see contract/upload.ts). */
const UPLOAD_METHODS = new Set(['products.import', 'orderImports.upload'])
const MAX_UPLOAD_BODY_BYTES = 28 * 1024 * 1024
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.json': 'application/json',
}
const SECURITY_HEADERS = {
  'Content-Security-Policy': `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
}

/**
 * The browser-mode host: the built renderer and `POST /api/<method>` over the same dispatch as
 * Electron IPC. Listens on 127.0.0.1 only; every API call needs the per-launch token, and
 * requests from other origins or host names (DNS rebinding) are refused.
 */
export function createWebHost(options: WebHostOptions): Server {
  const server = createServer((request, response) => {
    handle(options, server, request, response).catch((error: unknown) => {
      console.error('[promoledger] web host error:', error)
      if (!response.headersSent)
        sendJson(response, 500, {
          ok: false,
          error: { code: 'internal', message: 'The server failed to answer.' },
        })
      else response.destroy()
    })
  })
  return server
}

/** Starts listening on 127.0.0.1; port 0 picks a free port. Resolves to the bound port. */
export function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => {
      const address = server.address()
      resolve(typeof address === 'object' && address ? address.port : port)
    })
  })
}

async function handle(
  options: WebHostOptions,
  server: Server,
  request: IncomingMessage,
  response: ServerResponse,
) {
  const port = (server.address() as { port: number } | null)?.port ?? 0
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`]
  if (!allowedHosts.includes(request.headers.host ?? ''))
    return sendText(response, 421, 'Unknown host.')
  const origin = request.headers.origin
  if (origin !== undefined && !allowedHosts.some((host) => origin === `http://${host}`)) {
    return sendJson(response, 403, {
      ok: false,
      error: { code: 'unauthorized', message: 'Requests from other sites are refused.' },
    })
  }
  const url = new URL(request.url ?? '/', `http://${allowedHosts[0]}`)

  if (url.pathname.startsWith('/api/')) {
    if (request.method !== 'POST') return sendText(response, 405, 'Use POST.')
    if (!tokenMatches(bearer(request), options.token)) return unauthorized(response)
    const method = url.pathname.slice(5)
    const name = decodePath(method) ?? method
    const body = await readJson(
      request,
      UPLOAD_METHODS.has(name) ? MAX_UPLOAD_BODY_BYTES : MAX_BODY_BYTES,
    )
    if (body === TOO_LARGE)
      return sendJson(response, 413, {
        ok: false,
        error: {
          code: 'invalid_input',
          message: UPLOAD_METHODS.has(name)
            ? 'The file is larger than 20 MB; split it into smaller files.'
            : 'The request is too large.',
        },
      })
    if (body === INVALID)
      return sendJson(response, 400, {
        ok: false,
        error: { code: 'invalid_input', message: 'The request body is not JSON.' },
      })
    return sendJson(response, 200, await dispatch(options.handlers, name, body))
  }
  if (url.pathname.startsWith('/download/')) {
    if (!tokenMatches(url.searchParams.get('token') ?? '', options.token))
      return unauthorized(response)
    return sendDownload(options.jobs, url.pathname.slice('/download/'.length), response)
  }
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return sendText(response, 405, 'Method not allowed.')
  return sendStatic(options.rendererDir, url.pathname, response)
}

function bearer(request: IncomingMessage): string {
  const header = request.headers.authorization ?? ''
  return header.startsWith('Bearer ') ? header.slice(7) : ''
}

function tokenMatches(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

function unauthorized(response: ServerResponse) {
  sendJson(response, 401, {
    ok: false,
    error: {
      code: 'unauthorized',
      message:
        'This page needs the address printed when Promoledger started (it carries the access token).',
    },
  })
}

const TOO_LARGE = Symbol('too large')
const INVALID = Symbol('invalid')

async function readJson(request: IncomingMessage, maxBytes: number): Promise<unknown> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    size += (chunk as Buffer).length
    if (size > maxBytes) return TOO_LARGE
    chunks.push(chunk as Buffer)
  }
  if (size === 0) return {}
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown
  } catch {
    return INVALID
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  })
  response.end(JSON.stringify(body))
}

function sendText(response: ServerResponse, status: number, text: string) {
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' })
  response.end(text)
}

/** Percent-decoding that gives null for a malformed escape, which would otherwise throw (a 500). */
function decodePath(text: string): string | null {
  try {
    return decodeURIComponent(text)
  } catch {
    return null
  }
}

function sendStatic(rendererDir: string, pathname: string, response: ServerResponse) {
  const decoded = decodePath(pathname === '/' ? '/index.html' : pathname)
  if (decoded === null) return sendText(response, 404, 'Not found.')
  const relative = normalize(decoded).replace(/^([/\\])+/, '')
  const file = join(rendererDir, relative)
  if (!file.startsWith(rendererDir + sep) || !existsSync(file) || !statSync(file).isFile()) {
    return sendText(response, 404, 'Not found.')
  }
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'Cache-Control': relative === 'index.html' ? 'no-store' : 'max-age=3600',
  })
  createReadStream(file).pipe(response)
}

function sendDownload(jobs: JobRunner, jobId: string, response: ServerResponse) {
  let file: { path: string; fileName: string }
  try {
    file = jobs.fileOf(decodeURIComponent(jobId))
  } catch {
    return sendText(response, 404, 'This export is not available any more.')
  }
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'Content-Disposition': `attachment; filename="${file.fileName.replace(/"/g, '')}"`,
    'Cache-Control': 'no-store',
  })
  createReadStream(file.path).pipe(response)
}
