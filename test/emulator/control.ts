// `/__emulator/*`: lets a process outside the test read the call log and state, inject faults and add hooks.
import type { ServerResponse } from 'node:http'
import type { CallRecord, Dict, EmulatorState, FaultSpec, ImportHookSpec } from './types.js'

export interface ControlSurface {
  calls: () => CallRecord[]
  clearCalls: () => void
  injectFault: (spec: FaultSpec) => void
  clearFaults: () => void
  pendingFaults: () => FaultSpec[]
  state: () => EmulatorState
  seedSampleApi: (name?: string) => { restApiId: string }
  addImportHook: (spec: ImportHookSpec) => void
  pendingHooks: () => Array<{ operation: string; times: number }>
  clearHooks: () => void
}

function reply(res: ServerResponse, status: number, body?: unknown): void {
  const text = body === undefined ? '' : JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) })
  res.end(text)
}

/** Maps become plain objects so the state can be sent as JSON. */
export function toJson(value: unknown): unknown {
  if (value instanceof Map) return Object.fromEntries([...value.entries()].map(([k, v]) => [String(k), toJson(v)]))
  if (Array.isArray(value)) return value.map(toJson)
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJson(v)]))
  }
  return value
}

export function handleControl(
  control: ControlSurface,
  method: string,
  url: URL,
  raw: Buffer,
  res: ServerResponse,
): void {
  try {
    const body = raw.length > 0 ? (JSON.parse(raw.toString('utf8')) as unknown) : undefined
    const [status, payload] = dispatch(control, `${method} ${url.pathname.replace(/\/+$/, '')}`, body)
    reply(res, status, payload)
  } catch (error) {
    reply(res, 400, { message: error instanceof Error ? error.message : String(error) })
  }
}

function dispatch(control: ControlSurface, route: string, body: unknown): [number, unknown] {
  switch (route) {
    case 'GET /__emulator/calls':
      return [200, { calls: control.calls() }]
    case 'DELETE /__emulator/calls':
      control.clearCalls()
      return [204, undefined]
    case 'GET /__emulator/faults':
      return [200, { faults: control.pendingFaults() }]
    case 'POST /__emulator/faults':
      for (const spec of Array.isArray(body) ? body : [body]) control.injectFault(spec as FaultSpec)
      return [204, undefined]
    case 'DELETE /__emulator/faults':
      control.clearFaults()
      return [204, undefined]
    case 'GET /__emulator/state':
      return [200, toJson(control.state())]
    case 'GET /__emulator/hooks':
      return [200, { hooks: control.pendingHooks() }]
    case 'POST /__emulator/hooks':
      for (const spec of Array.isArray(body) ? body : [body]) control.addImportHook(spec as ImportHookSpec)
      return [204, undefined]
    case 'DELETE /__emulator/hooks':
      control.clearHooks()
      return [204, undefined]
    case 'POST /__emulator/seed':
      return [201, control.seedSampleApi((body as Dict<string> | undefined)?.name)]
    default:
      return [404, { message: `unknown control route ${route}` }]
  }
}
