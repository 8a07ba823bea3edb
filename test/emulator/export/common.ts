// Pieces shared by the swagger and oas30 exporters; both read only the deployment's snapshot.
import { badRequest } from '../errors.js'
import type {
  ApiSnapshot,
  DeploymentState,
  Dict,
  IntegrationState,
  MethodState,
  ModelState,
  ResourceState,
} from '../types.js'

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

/** `x-amazon-apigateway-integration`, in AWS's export form (lower-case type and passthrough behaviour). */
export function integrationExtension(integration: IntegrationState): Json {
  const out: Json = { type: integration.type.toLowerCase() }
  if (integration.httpMethod) out.httpMethod = integration.httpMethod
  if (integration.uri) out.uri = integration.uri
  if (integration.credentials) out.credentials = integration.credentials
  if (integration.connectionType && integration.connectionType !== 'INTERNET') {
    out.connectionType = integration.connectionType
    if (integration.connectionId) out.connectionId = integration.connectionId
  }
  const responses = Object.values(integration.integrationResponses)
  if (responses.length > 0) {
    out.responses = Object.fromEntries(
      responses.map((r) => {
        const response: Json = { statusCode: r.statusCode }
        if (r.responseParameters && Object.keys(r.responseParameters).length > 0)
          response.responseParameters = { ...r.responseParameters }
        if (r.responseTemplates && Object.keys(r.responseTemplates).length > 0)
          response.responseTemplates = { ...r.responseTemplates }
        if (r.contentHandling) response.contentHandling = r.contentHandling
        return [r.selectionPattern || 'default', response]
      }),
    )
  }
  if (integration.requestParameters && Object.keys(integration.requestParameters).length > 0) {
    out.requestParameters = { ...integration.requestParameters }
  }
  if (integration.requestTemplates && Object.keys(integration.requestTemplates).length > 0) {
    out.requestTemplates = { ...integration.requestTemplates }
  }
  out.passthroughBehavior = integration.passthroughBehavior.toLowerCase()
  if (integration.contentHandling) out.contentHandling = integration.contentHandling
  if (integration.timeoutInMillis !== 29000) out.timeoutInMillis = integration.timeoutInMillis
  if (integration.cacheKeyParameters.length > 0) out.cacheKeyParameters = [...integration.cacheKeyParameters]
  return out
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

export interface Security {
  requirement: Json[]
  definitions: Json
}

/** Security requirements and their definitions for one method (api key, IAM, Lambda/Cognito authorizers). */
export function methodSecurity(method: MethodState, snapshot: ApiSnapshot, input: ExportInput): Security {
  const requirement: Json[] = []
  const definitions: Json = {}
  const extended = withAuthorizers(input)
  if (method.authorizationType === 'AWS_IAM') {
    requirement.push({ sigv4: [] })
    definitions.sigv4 = {
      type: 'apiKey',
      name: 'Authorization',
      in: 'header',
      ...(extended ? { 'x-amazon-apigateway-authtype': 'awsSigv4' } : {}),
    }
  }
  const authorizer = snapshot.authorizers.find((a) => a.id === method.authorizerId)
  if (authorizer && (method.authorizationType === 'CUSTOM' || method.authorizationType === 'COGNITO_USER_POOLS')) {
    requirement.push({ [authorizer.name]: [] })
    const header = /^method\.request\.header\.([^,]+)$/.exec(authorizer.identitySource ?? '')?.[1] ?? 'Authorization'
    const definition: Json = { type: 'apiKey', name: header, in: 'header' }
    if (extended) {
      const cognito = authorizer.type === 'COGNITO_USER_POOLS'
      definition['x-amazon-apigateway-authtype'] = cognito ? 'cognito_user_pools' : 'custom'
      const details: Json = { type: cognito ? 'cognito_user_pools' : authorizer.type.toLowerCase() }
      if (authorizer.authorizerUri) details.authorizerUri = authorizer.authorizerUri
      if (authorizer.providerARNs) details.providerARNs = [...authorizer.providerARNs]
      if (authorizer.type === 'REQUEST' && authorizer.identitySource) details.identitySource = authorizer.identitySource
      if (authorizer.authorizerResultTtlInSeconds !== undefined) {
        details.authorizerResultTtlInSeconds = authorizer.authorizerResultTtlInSeconds
      }
      definition['x-amazon-apigateway-authorizer'] = details
    }
    definitions[authorizer.name] = definition
  }
  if (method.apiKeyRequired) {
    requirement.push({ api_key: [] })
    definitions.api_key = { type: 'apiKey', name: 'x-api-key', in: 'header' }
  }
  return { requirement, definitions }
}

/** Top-level `x-amazon-apigateway-*` fields added by `extensions=apigateway`. */
export function apigatewayTopLevel(input: ExportInput): Json {
  if (!withApigateway(input)) return {}
  const { snapshot } = input.deployment
  const out: Json = {}
  if (snapshot.binaryMediaTypes.length > 0)
    out['x-amazon-apigateway-binary-media-types'] = [...snapshot.binaryMediaTypes]
  if (snapshot.apiKeySource !== 'HEADER') out['x-amazon-apigateway-api-key-source'] = snapshot.apiKeySource
  return out
}
