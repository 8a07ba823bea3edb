// A local AWS API Gateway (REST API v1) control-plane emulator for tests, speaking the SDK's REST-JSON protocol.
import type { AddressInfo } from 'node:net'
import { type DefineApiOptions, defineApi, type RouteTable, seedSampleApi } from './api-builder.js'
import type { ResolvedOptions } from './context.js'
import { Faults } from './faults.js'
import { Quotas } from './quotas.js'
import { Router } from './router.js'
import { ROUTES } from './routes.js'
import { createEmulatorServer } from './server.js'
import { createState } from './state.js'
import type { CallRecord, EmulatorOptions, EmulatorState, FaultSpec } from './types.js'

export type { DefineApiOptions, RouteSpec, RouteTable } from './api-builder.js'
export type * from './types.js'

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
  /** The live in-memory state (REST APIs with resources, deployments and their snapshots, stages; tags). */
  readonly state: EmulatorState
  /** Creates a small realistic API (see api-builder.ts) and returns its id. */
  seedSampleApi(options?: { name?: string }): { restApiId: string }
  /** Replaces the API's resources with the given routes, e.g. `{ 'GET /pets': { lambda: 'list' } }`. */
  defineApi(restApiId: string, routes: RouteTable, options?: DefineApiOptions): void
  stop(): Promise<void>
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const resolved: ResolvedOptions = {
    region: options.region ?? 'us-east-1',
    accountId: options.accountId ?? '123456789012',
    stagesPerApi: options.stagesPerApi ?? 10,
    deploymentVariables: options.deploymentVariables ?? 'merge',
    cacheClusterTransitionMs: options.cacheClusterTransitionMs ?? 0,
  }
  const state = createState(resolved.region, resolved.accountId)
  const calls: CallRecord[] = []
  const faults = new Faults()
  const seed = (name?: string) => seedSampleApi(state, name)
  const server = createEmulatorServer({
    state,
    options: resolved,
    router: new Router(ROUTES),
    faults,
    quotas: new Quotas(options.quotas ?? { enabled: false }),
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
    state,
    seedSampleApi: (opts) => seed(opts?.name),
    defineApi: (restApiId, routes, defineOptions) => defineApi(state, restApiId, routes, defineOptions),
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      }),
  }
}
