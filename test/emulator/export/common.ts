// Pieces shared by the swagger and oas30 exporters; both read only the deployment's snapshot.
import { badRequest } from '../errors.js'
import type { ApiSnapshot, DeploymentState, Dict, MethodState, ModelState, ResourceState } from '../types.js'

export type Json = Dict<unknown>
export type Extension = 'integrations' | 'apigateway' | 'authorizers' | 'postman'
const EXTENSIONS: Extension[] = ['integrations', 'apigateway', 'authorizers', 'postman']

export interface ExportInput {
  restApiId: string
  region: string
  stageName: string
  deployment: DeploymentState
  extensions: Set<Extension>
}

/** `extensions=integrations,postman` etc. Any combination is accepted ([MODEL]). */
export function parseExtensions(value: string | null): Set<Extension> {
  const result = new Set<Extension>()
  for (const raw of (value ?? '').split(',')) {
    const name = raw.trim().toLowerCase()
    if (name === '') continue
    if (!EXTENSIONS.includes(name as Extension)) throw badRequest(`Invalid extensions value specified: ${raw}`)
    result.add(name as Extension)
  }
  return result
}

export const withIntegrations = (input: ExportInput) =>
  input.extensions.has('integrations') || input.extensions.has('apigateway')
export const withAuthorizers = (input: ExportInput) =>
  input.extensions.has('authorizers') || input.extensions.has('apigateway')
export const withApigateway = (input: ExportInput) => input.extensions.has('apigateway')

/** `info.version`: the API's version, else the deployment time (AWS prints e.g. `2022-01-01T01:01:01Z`). */
export function exportVersion(input: ExportInput): string {
  const { snapshot, createdDate } = input.deployment
  return snapshot.version ?? new Date(Math.floor(createdDate / 1000) * 1000).toISOString().replace('.000Z', 'Z')
}

const METHOD_ORDER = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'ANY']

/** Resources that have methods, by path; their methods in a stable order. */
export function exportedResources(snapshot: ApiSnapshot): Array<{ resource: ResourceState; methods: MethodState[] }> {
  return snapshot.resources
    .filter((r) => Object.keys(r.methods).length > 0)
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((resource) => ({
      resource,
      methods: Object.values(resource.methods).sort(
        (a, b) => METHOD_ORDER.indexOf(a.httpMethod) - METHOD_ORDER.indexOf(b.httpMethod),
      ),
    }))
}

export const operationKey = (httpMethod: string) =>
  httpMethod === 'ANY' ? 'x-amazon-apigateway-any-method' : httpMethod.toLowerCase()

export interface Parameter {
  name: string
  in: 'path' | 'query' | 'header'
  required: boolean
}

export function methodParameters(method: MethodState): Parameter[] {
  const result: Parameter[] = []
  for (const [key, required] of Object.entries(method.requestParameters ?? {})) {
    const match = /^method\.request\.(path|querystring|header)\.(.+)$/.exec(key)
    if (!match) continue
    const where = match[1] === 'querystring' ? 'query' : (match[1] as 'path' | 'header')
    result.push({ name: match[2] as string, in: where, required: where === 'path' || required })
  }
  return result
}

export function responseHeaders(responseParameters: Dict<boolean> | undefined): string[] {
  return Object.keys(responseParameters ?? {})
    .filter((k) => k.startsWith('method.response.header.'))
    .map((k) => k.slice('method.response.header.'.length))
}

/** Picks the JSON model if there is one, else the first. */
export function preferredModel(models: Dict<string> | undefined): string | undefined {
  if (!models) return undefined
  return models['application/json'] ?? Object.values(models)[0]
}

const unique = (values: string[]) => [...new Set(values)]

export function consumes(method: MethodState): string[] {
  return unique([
    ...Object.keys(method.requestModels ?? {}),
    ...Object.keys(method.methodIntegration?.requestTemplates ?? {}),
  ])
}

export function produces(method: MethodState): string[] {
  const fromModels = Object.values(method.methodResponses).flatMap((r) => Object.keys(r.responseModels ?? {}))
  const fromTemplates = Object.values(method.methodIntegration?.integrationResponses ?? {}).flatMap((r) =>
    Object.keys(r.responseTemplates ?? {}),
  )
  return unique([...fromModels, ...fromTemplates])
}

const MODEL_REF = /^(?:#\/definitions\/|https:\/\/apigateway\.amazonaws\.com\/restapis\/[^/]+\/models\/)(.+)$/

function rewriteRefs(value: unknown, prefix: string, found: (name: string) => void): unknown {
  if (Array.isArray(value)) return value.map((v) => rewriteRefs(v, prefix, found))
  if (typeof value !== 'object' || value === null) return value
  const out: Json = {}
  for (const [key, child] of Object.entries(value)) {
    const match = key === '$ref' && typeof child === 'string' ? MODEL_REF.exec(child) : null
    if (match) {
      found(match[1] as string)
      out[key] = `${prefix}${match[1]}`
    } else {
      out[key] = rewriteRefs(child, prefix, found)
    }
  }
  return out
}

/**
 * The models a stage's methods use, following references between models, with `$schema` dropped and
 * references rewritten to `prefix` (`#/definitions/` or `#/components/schemas/`).
 */
export function exportedModels(snapshot: ApiSnapshot, prefix: string): Json {
  const byName = new Map<string, ModelState>(snapshot.models.map((m) => [m.name, m]))
  const pending: string[] = []
  for (const { methods } of exportedResources(snapshot)) {
    for (const method of methods) {
      pending.push(...Object.values(method.requestModels ?? {}))
      for (const response of Object.values(method.methodResponses))
        pending.push(...Object.values(response.responseModels ?? {}))
    }
  }
  const result: Json = {}
  while (pending.length > 0) {
    const name = pending.shift() as string
    const model = byName.get(name)
    if (!model || name in result) continue
    let schema: unknown = { type: 'object' }
    try {
      schema = model.schema ? JSON.parse(model.schema) : schema
    } catch {
      // a non-JSON schema is exported as an empty object schema
    }
    const { $schema: _ignored, ...rest } = (schema ?? {}) as Json
    result[name] = rewriteRefs(rest, prefix, (ref) => pending.push(ref))
  }
  return result
}
