// A local AWS API Gateway (REST API v1) control-plane emulator for tests, speaking the SDK's REST-JSON protocol.
import type { AddressInfo } from 'node:net'
import { type DefineApiOptions, defineApi, type RouteTable, seedSampleApi } from './api-builder.js'
import type { ResolvedOptions } from './context.js'
import { Faults } from './faults.js'
import { type AfterHook, Hooks } from './hooks.js'
import type { BasePathMode } from './import/base-path.js'
import { importDefinition, type PutDefinitionOptions, putDefinition } from './import/run.js'
import { Quotas } from './quotas.js'
import { Router } from './router.js'
import { ROUTES } from './routes.js'
import { createEmulatorServer } from './server.js'
import { createState } from './state.js'
import type { CallRecord, EmulatorOptions, EmulatorState, FaultSpec, ImportHookSpec } from './types.js'

export type { DefineApiOptions, RouteSpec, RouteTable } from './api-builder.js'
export type { AfterHook } from './hooks.js'
export type { PutDefinitionOptions } from './import/run.js'
export type * from './types.js'

/** An OpenAPI document as text (JSON or YAML) or as an object. */
export type Definition = string | object

export interface Emulator {
  /** `http://127.0.0.1:PORT`, to pass as the SDK client's `endpoint`. */
  readonly url: string
  readonly port: number
  readonly region: string
  /** Every call received, in order, including failed, fault-injected and throttled ones. */
  readonly calls: CallRecord[]
  /** Calls that change state (every non-GET operation). */
  writes(): CallRecord[]
  clearCalls(): void
  readonly faults: {
    inject(spec: FaultSpec): void
    clear(): void
    pending(): FaultSpec[]
  }
  /**
   * Code run right after a successful call, before its answer is sent, e.g. a foreign import between this
   * run's PutRestApi and its CreateDeployment:
   * `emu.hooks.after('PutRestApi', () => emu.putDefinition(id, other, { mode: 'overwrite' }), { times: 1 })`.
   */
  readonly hooks: {
    after(operation: string, hook: AfterHook, options?: { times?: number }): void
    clear(): void
    pending(): Array<{ operation: string; times: number }>
    failures(): Error[]
  }
  /** The live in-memory state (REST APIs with resources, deployments and their snapshots, stages; tags). */
  readonly state: EmulatorState
  /** Creates a small realistic API (see api-builder.ts) and returns its id. */
  seedSampleApi(options?: { name?: string }): { restApiId: string }
  /** Replaces the API's resources with the given routes, e.g. `{ 'GET /pets': { lambda: 'list' } }`. */
  defineApi(restApiId: string, routes: RouteTable, options?: DefineApiOptions): void
  /** PutRestApi straight into the state: not logged, no quotas, no hooks (default mode `merge`, as AWS). */
  putDefinition(restApiId: string, definition: Definition, options?: PutDefinitionOptions): { warnings: string[] }
  /** ImportRestApi straight into the state: not logged, no quotas, no hooks, no per-region cap. */
  importDefinition(
    definition: Definition,
    options?: { endpointType?: string; basePath?: BasePathMode },
  ): { restApiId: string; warnings: string[] }
  stop(): Promise<void>
}

const DEFAULT_LIMITS = { regional: 600, edge: 120, private: 600 }

const bodyOf = (definition: Definition) =>
  Buffer.from(typeof definition === 'string' ? definition : JSON.stringify(definition))

/** The API a call named in its path (`/restapis/{id}…`). */
const apiIdOf = (call: CallRecord) => /^\/restapis\/([^/]+)/.exec(call.path)?.[1] ?? ''

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const resolved: ResolvedOptions = {
    region: options.region ?? 'us-east-1',
    accountId: options.accountId ?? '123456789012',
    stagesPerApi: options.stagesPerApi ?? 10,
    deploymentVariables: options.deploymentVariables ?? 'merge',
    cacheClusterTransitionMs: options.cacheClusterTransitionMs ?? 0,
    restApiLimits: { ...DEFAULT_LIMITS, ...options.restApiLimits },
  }
  const state = createState(resolved.region, resolved.accountId)
  const calls: CallRecord[] = []
  const faults = new Faults()
  const hooks = new Hooks()
  const seed = (name?: string) => seedSampleApi(state, name)
  const addImportHook = (spec: ImportHookSpec) => {
    const times = spec.times !== undefined && spec.times < 0 ? Number.POSITIVE_INFINITY : spec.times
    const { restApiId, body, mode } = spec.putRestApi
    hooks.after(spec.after, (_, call) => putDefinition(state, restApiId ?? apiIdOf(call), bodyOf(body), { mode }), {
      ...(times !== undefined ? { times } : {}),
    })
  }
  const server = createEmulatorServer({
    state,
    options: resolved,
    router: new Router(ROUTES),
    faults,
    quotas: new Quotas(options.quotas ?? { enabled: false }),
    hooks,
    calls,
    latencyMs: options.latencyMs ?? 0,
    control: {
      calls: () => calls,
      clearCalls: () => {
        calls.length = 0
      },
      injectFault: (spec) => faults.inject(spec),
      clearFaults: () => faults.clear(),
      pendingFaults: () => faults.pending(),
      state: () => state,
      seedSampleApi: seed,
      addImportHook,
      // Infinity does not survive JSON: -1 stands for "always", as for faults sent to the control surface.
      pendingHooks: () => hooks.pending().map((h) => ({ ...h, times: Number.isFinite(h.times) ? h.times : -1 })),
      clearHooks: () => hooks.clear(),
    },
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    region: resolved.region,
    calls,
    writes: () => calls.filter((c) => c.write),
    clearCalls: () => {
      calls.length = 0
    },
    faults: {
      inject: (spec) => faults.inject(spec),
      clear: () => faults.clear(),
      pending: () => faults.pending(),
    },
    hooks: {
      after: (operation, hook, hookOptions) => hooks.after(operation, hook, hookOptions),
      clear: () => hooks.clear(),
      pending: () => hooks.pending(),
      failures: () => hooks.failures(),
    },
    state,
    seedSampleApi: (opts) => seed(opts?.name),
    defineApi: (restApiId, routes, defineOptions) => defineApi(state, restApiId, routes, defineOptions),
    putDefinition: (restApiId, definition, putOptions) => {
      const { warnings } = putDefinition(state, restApiId, bodyOf(definition), putOptions)
      return { warnings }
    },
    importDefinition: (definition, importOptions = {}) => {
      const { api, warnings } = importDefinition(state, bodyOf(definition), { ...importOptions, now: Date.now() })
      return { restApiId: api.id, warnings }
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      }),
  }
}
