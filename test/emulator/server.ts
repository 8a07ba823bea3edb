// The HTTP side: reads a request, logs it, applies faults and quotas, runs the handler, writes the answer.
import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { HandlerResult, ResolvedOptions } from './context.js'
import { type ControlSurface, handleControl } from './control.js'
import { ApiError } from './errors.js'
import type { Faults } from './faults.js'
import type { Hooks } from './hooks.js'
import { type Quotas, quotaBucket } from './quotas.js'
import type { Router } from './router.js'
import type { CallRecord, Dict, EmulatorState } from './types.js'

export interface ServerDeps {
  state: EmulatorState
  options: ResolvedOptions
  router: Router
  faults: Faults
  quotas: Quotas
  hooks: Hooks
  calls: CallRecord[]
  latencyMs: number
  control: ControlSurface
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function parseJson(raw: Buffer): unknown {
  if (raw.length === 0) return undefined
  try {
    return JSON.parse(raw.toString('utf8'))
  } catch {
    return undefined
  }
}

function queryRecord(query: URLSearchParams): Dict<string | string[]> {
  const out: Dict<string | string[]> = {}
  for (const key of new Set(query.keys())) {
    const values = query.getAll(key)
    out[key] = values.length === 1 ? (values[0] as string) : values
  }
  return out
}

function errorResult(error: ApiError): HandlerResult & { error: ApiError } {
  return { status: error.status, error }
}

function send(res: ServerResponse, result: HandlerResult & { error?: ApiError }): void {
  const headers: Dict<string> = { 'x-amzn-requestid': randomUUID() }
  let body: Buffer
  if (result.error) {
    headers['x-amzn-errortype'] = result.error.type
    headers['content-type'] = 'application/json'
    if (result.error.retryAfterSeconds !== undefined) headers['retry-after'] = String(result.error.retryAfterSeconds)
    body = Buffer.from(JSON.stringify({ message: result.error.message }))
  } else if (result.raw) {
    Object.assign(headers, result.raw.headers)
    body = result.raw.body
  } else {
    headers['content-type'] = 'application/json'
    body = Buffer.from(result.json === undefined ? '{}' : JSON.stringify(result.json))
  }
  headers['content-length'] = String(body.length)
  res.writeHead(result.status, headers)
  res.end(body)
}

async function handle(deps: ServerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const at = Date.now()
  const rawBody = await readBody(req)
  const url = new URL(req.url ?? '/', 'http://127.0.0.1')
  const method = (req.method ?? 'GET').toUpperCase()
  if (url.pathname.startsWith('/__emulator/')) return handleControl(deps.control, method, url, rawBody, res)

  const match = deps.router.match(method, url.pathname, url.searchParams)
  const operation = match?.route.operation ?? 'Unknown'
  const parsed = parseJson(rawBody)
  const record: CallRecord = {
    operation,
    method,
    path: url.pathname,
    query: queryRecord(url.searchParams),
    // An OpenAPI body in YAML is kept as text, so tests can see what an import sent.
    body: parsed ?? (rawBody.length > 0 ? rawBody.toString('utf8') : undefined),
    status: 0,
    write: method !== 'GET',
    at,
  }
  let result: HandlerResult & { error?: ApiError }
  const fault = deps.faults.take(operation)
  if (fault?.kind === 'drop') {
    deps.calls.push(record)
    req.socket.destroy()
    return
  }
  if (fault) {
    result = errorResult(fault.error)
  } else if (!match) {
    result = errorResult(
      new ApiError(404, 'UnknownOperationException', `The emulator does not serve ${method} ${url.pathname}`),
    )
  } else {
    const throttled = deps.quotas.check(quotaBucket(operation, url.searchParams, parsed))
    result = throttled ? errorResult(throttled) : runHandler(deps, match, url, req, rawBody, parsed, at)
  }
  if (deps.latencyMs > 0) await sleep(deps.latencyMs)
  record.status = result.status
  if (!result.error) deps.hooks.fire(deps.state, record)
  deps.calls.push(record)
  send(res, result)
}

function runHandler(
  deps: ServerDeps,
  match: NonNullable<ReturnType<Router['match']>>,
  url: URL,
  req: IncomingMessage,
  rawBody: Buffer,
  parsed: unknown,
  now: number,
): HandlerResult & { error?: ApiError } {
  try {
    const body =
      typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Dict<unknown>) : {}
    return match.route.handler({
      state: deps.state,
      options: deps.options,
      params: match.params,
      query: url.searchParams,
      headers: req.headers,
      body,
      rawBody,
      now,
    })
  } catch (error) {
    if (error instanceof ApiError) return errorResult(error)
    const message = error instanceof Error ? error.message : String(error)
    return errorResult(new ApiError(500, 'InternalFailure', `emulator bug: ${message}`))
  }
}

export function createEmulatorServer(deps: ServerDeps): Server {
  return createServer((req, res) => {
    handle(deps, req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, errorResult(new ApiError(500, 'InternalFailure', String(error))))
    })
  })
}
