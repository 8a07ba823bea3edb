// The two import operations end to end, shared by the HTTP handlers and the test helpers (hooks, putDefinition).
import { badRequest } from '../errors.js'
import { getRestApi } from '../state.js'
import type { EmulatorState, RestApiState } from '../types.js'
import { applyDefinition, createRestApiFrom, type PutMode } from './apply.js'
import type { BasePathMode } from './base-path.js'
import { warningsFailure } from './definition.js'
import { parseDefinition } from './document.js'
import { readDefinition } from './read.js'

export interface PutDefinitionOptions {
  /** AWS's default is `merge`. */
  mode?: PutMode | undefined
  basePath?: BasePathMode | undefined
  failOnWarnings?: boolean | undefined
}

export interface ImportResult {
  api: RestApiState
  warnings: string[]
}

/** PutRestApi: the body is parsed before the API is looked up [AWS-REC 2025-11-18]; errors change nothing. */
export function putDefinition(
  state: EmulatorState,
  restApiId: string,
  body: Buffer,
  options: PutDefinitionOptions = {},
): ImportResult {
  const parsed = parseDefinition(body)
  const api = getRestApi(state, restApiId)
  const definition = readDefinition(parsed, options.basePath ?? 'ignore')
  if (options.failOnWarnings && definition.warnings.length > 0) throw warningsFailure(definition.warnings)
  applyDefinition(api, definition, options.mode ?? 'merge')
  return { api, warnings: definition.warnings }
}

export interface ImportDefinitionOptions {
  /** AWS's default is EDGE. */
  endpointType?: string | undefined
  basePath?: BasePathMode | undefined
  failOnWarnings?: boolean | undefined
  now: number
  /** Refuses the import (400) when the API could not be created, e.g. the per-region cap is reached. */
  admit?: (endpointType: string) => void
}

const ENDPOINT_TYPES = ['EDGE', 'REGIONAL', 'PRIVATE']

export function importDefinition(state: EmulatorState, body: Buffer, options: ImportDefinitionOptions): ImportResult {
  const parsed = parseDefinition(body)
  const endpointType = (options.endpointType ?? 'EDGE').toUpperCase()
  if (!ENDPOINT_TYPES.includes(endpointType)) {
    throw badRequest(`Invalid endpoint configuration type specified: ${options.endpointType}`)
  }
  const definition = readDefinition(parsed, options.basePath ?? 'ignore')
  if (options.failOnWarnings && definition.warnings.length > 0) throw warningsFailure(definition.warnings)
  options.admit?.(endpointType)
  const api = createRestApiFrom(state, definition, { endpointType, now: options.now })
  return { api, warnings: definition.warnings }
}

export function putMode(value: string | null): PutMode {
  if (value === null || value === 'merge' || value === 'overwrite') return value ?? 'merge'
  throw badRequest(`Invalid mode specified: ${value}. Valid values are merge and overwrite`)
}
