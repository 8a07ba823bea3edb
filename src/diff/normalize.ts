// Turns what API Gateway gives us (GetExport oas30 or swagger, with or without the x-amazon-apigateway-* extensions,
// or a deployment's `apiSummary` map from GetDeployment embed=apisummary) into one comparable shape: an OpenAPI 3.0
// document that keeps only what differs between API versions.

import type { DefinitionFormat } from './api-diff-types.js'
import { isRecord, type Json, recordOf } from './json.js'
import { ANY_METHOD_KEY, operationKey } from './operation-keys.js'
import { swaggerToOas3 } from './swagger.js'

export interface Normalized {
  format: DefinitionFormat
  doc: Json
  /** The document shares no object with the input (api-smart-diff writes into what it compares). */
  owned: boolean
}

/** Top-level keys that differ between stages or between exports of one API version, or only document it (tags). */
const IGNORED_TOP_LEVEL = new Set(['openapi', 'swagger', 'info', 'servers', 'host', 'basePath', 'schemes', 'tags'])

/**
 * Detects the input's kind and converts it to a plain OpenAPI 3.0 document with only what matters for a diff. With
 * `copy` false, an OpenAPI 3 document keeps the input's objects (not `owned`), operations included, whose responses
 * are left as they are: completeOperation finishes an operation.
 */
export function normalizeDefinition(input: object | undefined, copy = true): Normalized {
  if (input === undefined || input === null) return { format: 'none', doc: emptyDoc(), owned: true }
  const src = input as Json
  // Moto and other emulators answer an oas30 export with Swagger 2.0, so the format comes from the document.
  if (typeof src.swagger === 'string') return { format: 'swagger', doc: comparable(swaggerToOas3(src)), owned: true }
  if (typeof src.openapi === 'string') {
    return { format: 'oas30', doc: comparable(copy ? structuredClone(src) : src, !copy), owned: copy }
  }
  const summary = isRecord(src.apiSummary) ? src.apiSummary : src
  if (looksLikeApiSummary(summary)) {
    return { format: 'apisummary', doc: comparable(apiSummaryToOas3(summary)), owned: true }
  }
  throw new Error('Not an API definition: expected an OpenAPI 3.0 or Swagger 2.0 document, or a deployment apiSummary')
}

function emptyDoc(): Json {
  return comparable({})
}

// Path items keep their operations only, each with the path-level parameters merged in. api-smart-diff's own
// transformPathItems would append path-level parameters without letting an operation override one (same name and
// `in`), and would copy the path item's summary, servers and extensions into every operation.
function comparable(doc: Json, partial = false): Json {
  const out: Json = { openapi: '3.0.1', info: { title: '', version: '' } }
  for (const [key, value] of Object.entries(doc)) {
    if (!IGNORED_TOP_LEVEL.has(key) && key !== 'paths') out[key] = value
  }
  const paths: Json = {}
  for (const [path, item] of Object.entries(isRecord(doc.paths) ? doc.paths : {})) {
    if (!isRecord(item)) continue
    const shared = Array.isArray(item.parameters) ? item.parameters : []
    const operations: Json = {}
    for (const [key, op] of Object.entries(item)) {
      const method = operationKey(key)
      if (!isRecord(op) || method === undefined) continue
      const normalized = partial ? op : completeOperation(op)
      operations[method] =
        shared.length > 0 ? { ...normalized, parameters: mergeParameters(shared, op.parameters) } : normalized
    }
    paths[path] = operations
  }
  // Paths last, as in exports: api-smart-diff compares in key order, so it meets the components first.
  out.paths = paths
  return out
}

/** oas30 exports write `content: {}` for a response without a body; swagger exports write nothing. Same meaning. */
export function completeOperation(op: Json): Json {
  if (!isRecord(op.responses)) return op
  const responses = Object.entries(op.responses).map(([code, r]): [string, unknown] => [code, completeResponse(r)])
  return { ...op, responses: recordOf(responses) }
}

/** An operation's response without an empty `content`; the same object when there is nothing to drop. */
export function completeResponse(response: unknown): unknown {
  if (!isRecord(response) || !isRecord(response.content) || Object.keys(response.content).length > 0) return response
  const { content: _empty, ...rest } = response
  return rest
}

/** Path-level parameters apply to every operation unless the operation redefines them (same name and `in`). */
function mergeParameters(shared: unknown[], own: unknown): unknown[] {
  const ownList = Array.isArray(own) ? own : []
  const key = (p: unknown) => (isRecord(p) ? `${String(p.in)}:${String(p.name)}` : '')
  const ownKeys = new Set(ownList.map(key))
  return [...shared.filter((p) => !ownKeys.has(key(p))), ...ownList]
}

function looksLikeApiSummary(value: unknown): value is Record<string, Record<string, Json>> {
  if (!isRecord(value)) return false
  return Object.entries(value).every(
    ([path, methods]) =>
      path.startsWith('/') &&
      isRecord(methods) &&
      Object.values(methods).every((m) => isRecord(m) && ('authorizationType' in m || 'apiKeyRequired' in m)),
  )
}

/** `{ "/pets": { "GET": { authorizationType, apiKeyRequired } } }` → paths whose security names the auth type. */
function apiSummaryToOas3(summary: Record<string, Record<string, Json>>): Json {
  const paths: Json = {}
  for (const [path, methods] of Object.entries(summary)) {
    const item: Json = {}
    for (const [method, info] of Object.entries(methods)) {
      const requirement: Record<string, string[]> = {}
      const authType = typeof info.authorizationType === 'string' ? info.authorizationType : 'NONE'
      if (authType !== 'NONE') requirement[authType] = []
      if (info.apiKeyRequired === true) requirement.api_key = []
      const op: Json = { responses: {} }
      if (Object.keys(requirement).length > 0) op.security = [requirement]
      item[method.toUpperCase() === 'ANY' ? ANY_METHOD_KEY : method.toLowerCase()] = op
    }
    paths[path] = item
  }
  return { openapi: '3.0.1', paths }
}
