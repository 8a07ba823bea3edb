// What a handler receives and returns; handlers are synchronous functions over the in-memory state.
import type { IncomingHttpHeaders } from 'node:http'
import type { DeploymentVariablesMode, Dict, EmulatorState, RestApiLimits } from './types.js'

export interface ResolvedOptions {
  region: string
  accountId: string
  stagesPerApi: number
  deploymentVariables: DeploymentVariablesMode
  cacheClusterTransitionMs: number
  restApiLimits: RestApiLimits
}

export interface RequestContext {
  state: EmulatorState
  options: ResolvedOptions
  params: Dict<string>
  query: URLSearchParams
  headers: IncomingHttpHeaders
  /** Parsed JSON body, `{}` when there is none or it is not a JSON object. */
  body: Dict<unknown>
  rawBody: Buffer
  /** epoch milliseconds of this request */
  now: number
}

export interface HandlerResult {
  status: number
  /** JSON body; omitted for empty responses. */
  json?: unknown
  /** Raw body with its own headers (GetExport). */
  raw?: { body: Buffer; headers: Dict<string> }
}

export type Handler = (ctx: RequestContext) => HandlerResult

export interface Route {
  method: string
  /** Path template such as `/restapis/{restApiId}/stages/{stageName}`. */
  path: string
  operation: string
  handler: Handler
  /** Extra query parameters that select this route, e.g. `{ mode: 'import' }`. */
  query?: Dict<string>
}
