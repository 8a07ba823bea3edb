// ImportRestApi: builds resources, methods, integrations and models from an OpenAPI 2.0 / 3.0 document.
import { parse as parseYaml } from 'yaml'
import { badRequest } from './errors.js'
import { newId } from './ids.js'
import { addModel, addRestApi, ensureResourcePath } from './state.js'
import type {
  Dict,
  EmulatorState,
  IntegrationResponseState,
  IntegrationState,
  MethodResponseState,
  MethodState,
  ResourceState,
  RestApiState,
} from './types.js'

type Obj = Dict<unknown>

const VERBS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'x-amazon-apigateway-any-method']
const DEFINITIONS_REF = '#/definitions/'
const COMPONENTS_REF = '#/components/schemas/'

const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value)
const obj = (value: unknown): Obj => (isObj(value) ? value : {})
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : [])
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)
const strings = (value: unknown): string[] | undefined =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined

function parseDocument(text: string): Obj {
  let doc: unknown
  try {
    doc = parseYaml(text)
  } catch {
    throw badRequest('Invalid OpenAPI input: the document is neither JSON nor YAML')
  }
  if (!isObj(doc) || (typeof doc.swagger !== 'string' && typeof doc.openapi !== 'string')) {
    throw badRequest('Invalid OpenAPI input: expected a swagger 2.0 or openapi 3.0 document')
  }
  if (!str(obj(doc.info).title)) throw badRequest('Invalid OpenAPI input: info.title is required')
  return doc
}

/** Rewrites OAS3 schema references to the `#/definitions/` form the emulator stores. */
function normaliseRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normaliseRefs)
  if (!isObj(value)) return value
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) =>
      k === '$ref' && typeof v === 'string' ? [k, v.replace(COMPONENTS_REF, DEFINITIONS_REF)] : [k, normaliseRefs(v)],
    ),
  )
}

function refName(schema: unknown): string | undefined {
  const ref = str(obj(schema).$ref)
  return ref ? ref.slice(ref.lastIndexOf('/') + 1) : undefined
}

interface Security {
  apiKeys: Set<string>
  sigv4: Set<string>
  authorizers: Map<string, string>
}

function readSecurity(doc: Obj, api: RestApiState): Security {
  const definitions = obj(doc.securityDefinitions ?? obj(doc.components).securitySchemes)
  const security: Security = { apiKeys: new Set(), sigv4: new Set(), authorizers: new Map() }
  for (const [name, raw] of Object.entries(definitions)) {
    const def = obj(raw)
    const authorizer = obj(def['x-amazon-apigateway-authorizer'])
    if (Object.keys(authorizer).length > 0) {
      const id = newId(6)
      api.authorizers.set(id, {
        id,
        name,
        type: (str(authorizer.type) ?? 'token').toUpperCase(),
        ...(str(authorizer.authorizerUri) ? { authorizerUri: str(authorizer.authorizerUri) as string } : {}),
        identitySource: str(authorizer.identitySource) ?? `method.request.header.${str(def.name) ?? 'Authorization'}`,
      })
      security.authorizers.set(name, id)
    } else if (str(def['x-amazon-apigateway-authtype'])?.toLowerCase() === 'awssigv4') {
      security.sigv4.add(name)
    } else if (def.type === 'apiKey') {
      security.apiKeys.add(name)
    }
  }
  return security
}

export function importSpec(state: EmulatorState, text: string, now: number, endpointType?: string): RestApiState {
  const doc = parseDocument(text)
  const info = obj(doc.info)
  const apiKeySource = str(doc['x-amazon-apigateway-api-key-source'])
  const api = addRestApi(
    state,
    {
      name: str(info.title) as string,
      description: str(info.description),
      version: str(info.version),
      binaryMediaTypes: strings(doc['x-amazon-apigateway-binary-media-types']),
      apiKeySource: apiKeySource?.toUpperCase(),
      endpointTypes: endpointType ? [endpointType.toUpperCase()] : undefined,
    },
    now,
  )
  const schemas = obj(doc.definitions ?? obj(doc.components).schemas)
  for (const [name, schema] of Object.entries(schemas)) {
    addModel(api, { name, contentType: 'application/json', schema: JSON.stringify(normaliseRefs(schema)) })
  }
  const security = readSecurity(doc, api)
  for (const [path, rawItem] of Object.entries(obj(doc.paths))) {
    const item = obj(rawItem)
    const resource = ensureResourcePath(api, path)
    for (const verb of VERBS) {
      if (!isObj(item[verb])) continue
      const httpMethod = verb === 'x-amazon-apigateway-any-method' ? 'ANY' : verb.toUpperCase()
      resource.methods[httpMethod] = buildMethod(doc, list(item.parameters), item[verb], httpMethod, resource, security)
    }
  }
  return api
}

function buildMethod(
  doc: Obj,
  pathParameters: unknown[],
  op: Obj,
  httpMethod: string,
  resource: ResourceState,
  security: Security,
): MethodState {
  const method: MethodState = { httpMethod, authorizationType: 'NONE', apiKeyRequired: false, methodResponses: {} }
  const operationId = str(op.operationId)
  if (operationId) method.operationName = operationId
  for (const requirement of list(op.security ?? doc.security)) {
    for (const name of Object.keys(obj(requirement))) {
      if (security.apiKeys.has(name)) method.apiKeyRequired = true
      if (security.sigv4.has(name)) method.authorizationType = 'AWS_IAM'
      const authorizerId = security.authorizers.get(name)
      if (authorizerId) Object.assign(method, { authorizationType: 'CUSTOM', authorizerId })
    }
  }
  const requestParameters: Dict<boolean> = {}
  const requestModels: Dict<string> = {}
  for (const raw of [...pathParameters, ...list(op.parameters)]) {
    const param = obj(raw)
    const where = str(param.in)
    const name = str(param.name)
    if (where === 'body') {
      const model = refName(param.schema)
      const types = strings(op.consumes ?? doc.consumes) ?? ['application/json']
      if (model) for (const type of types) requestModels[type] = model
    } else if (name && (where === 'path' || where === 'query' || where === 'header')) {
      const location = where === 'query' ? 'querystring' : where
      requestParameters[`method.request.${location}.${name}`] = where === 'path' || param.required === true
    }
  }
  for (const [type, media] of Object.entries(obj(obj(op.requestBody).content))) {
    const model = refName(obj(media).schema)
    if (model) requestModels[type] = model
  }
  if (Object.keys(requestParameters).length > 0) method.requestParameters = requestParameters
  if (Object.keys(requestModels).length > 0) method.requestModels = requestModels
  const produces = strings(op.produces ?? doc.produces) ?? ['application/json']
  for (const [statusCode, raw] of Object.entries(obj(op.responses))) {
    if (!/^\d{3}$/.test(statusCode)) continue
    method.methodResponses[statusCode] = buildMethodResponse(statusCode, obj(raw), produces)
  }
  const integration = obj(op['x-amazon-apigateway-integration'])
  if (Object.keys(integration).length > 0) method.methodIntegration = buildIntegration(integration, resource.id)
  return method
}

function buildMethodResponse(statusCode: string, response: Obj, produces: string[]): MethodResponseState {
  const result: MethodResponseState = { statusCode }
  const headers = Object.keys(obj(response.headers))
  if (headers.length > 0) {
    result.responseParameters = Object.fromEntries(headers.map((h) => [`method.response.header.${h}`, false]))
  }
  const models: Dict<string> = {}
  const swaggerModel = refName(response.schema)
  if (swaggerModel) for (const type of produces) models[type] = swaggerModel
  for (const [type, media] of Object.entries(obj(response.content))) {
    const model = refName(obj(media).schema)
    if (model) models[type] = model
  }
  if (Object.keys(models).length > 0) result.responseModels = models
  return result
}

function buildIntegration(raw: Obj, resourceId: string): IntegrationState {
  const integration: IntegrationState = {
    type: (str(raw.type) ?? 'mock').toUpperCase(),
    passthroughBehavior: (str(raw.passthroughBehavior) ?? 'when_no_match').toUpperCase(),
    timeoutInMillis: typeof raw.timeoutInMillis === 'number' ? raw.timeoutInMillis : 29000,
    cacheNamespace: str(raw.cacheNamespace) ?? resourceId,
    cacheKeyParameters: strings(raw.cacheKeyParameters) ?? [],
    integrationResponses: {},
  }
  for (const key of [
    'httpMethod',
    'uri',
    'credentials',
    'connectionType',
    'connectionId',
    'contentHandling',
  ] as const) {
    const value = str(raw[key])
    if (value) integration[key] = key === 'httpMethod' ? value.toUpperCase() : value
  }
  if (isObj(raw.requestParameters)) integration.requestParameters = { ...(raw.requestParameters as Dict<string>) }
  if (isObj(raw.requestTemplates)) integration.requestTemplates = { ...(raw.requestTemplates as Dict<string>) }
  for (const [pattern, rawResponse] of Object.entries(obj(raw.responses))) {
    const response = obj(rawResponse)
    const statusCode = str(response.statusCode) ?? '200'
    const result: IntegrationResponseState = { statusCode }
    if (pattern !== 'default') result.selectionPattern = pattern
    if (isObj(response.responseParameters))
      result.responseParameters = { ...(response.responseParameters as Dict<string>) }
    if (isObj(response.responseTemplates))
      result.responseTemplates = { ...(response.responseTemplates as Dict<string>) }
    const contentHandling = str(response.contentHandling)
    if (contentHandling) result.contentHandling = contentHandling
    integration.integrationResponses[statusCode] = result
  }
  return integration
}
