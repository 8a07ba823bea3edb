// Test helpers that build an API straight into the state (no HTTP calls, nothing logged).
import { HTTP_METHODS } from './ops/resources.js'
import { addModel, addRestApi, ensureResourcePath, getRestApi, removeResource } from './state.js'
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

export interface RouteSpec {
  /** Lambda function name or ARN: an AWS_PROXY integration. */
  lambda?: string
  /** Backend URL: an HTTP_PROXY integration (path parameters are mapped through). */
  http?: string
  /** Any other integration, written out in full. Default: a MOCK answering 200. */
  integration?: Partial<IntegrationState> & { type: string }
  authorizationType?: 'NONE' | 'AWS_IAM' | 'CUSTOM' | 'COGNITO_USER_POOLS'
  /** Name of an authorizer from `DefineApiOptions.authorizers` (sets CUSTOM unless told otherwise). */
  authorizer?: string
  apiKeyRequired?: boolean
  operationName?: string
  requestParameters?: Dict<boolean>
  requestModels?: Dict<string>
  /** Method responses by status code. Default: `{ '200': {} }`. */
  responses?: Dict<{ models?: Dict<string>; headers?: string[] }>
}

/** Routes keyed `'<METHOD> <path>'`, e.g. `'GET /pets/{petId}'` or `'ANY /orders'`. */
export type RouteTable = Dict<RouteSpec>

export interface DefineApiOptions {
  /** JSON schemas by model name; references use `#/definitions/<Name>`. */
  models?: Dict<object>
  authorizers?: Dict<{
    type: 'TOKEN' | 'REQUEST' | 'COGNITO_USER_POOLS'
    authorizerUri?: string
    identitySource?: string
  }>
}

function lambdaUri(state: EmulatorState, fn: string): string {
  const arn = fn.startsWith('arn:') ? fn : `arn:aws:lambda:${state.region}:${state.accountId}:function:${fn}`
  return `arn:aws:apigateway:${state.region}:lambda:path/2015-03-31/functions/${arn}/invocations`
}

function buildIntegration(state: EmulatorState, spec: RouteSpec, resource: ResourceState): IntegrationState {
  const pathParams = [...resource.path.matchAll(/\{([^}+]+)\+?\}/g)].map((m) => m[1] as string)
  const base = {
    passthroughBehavior: 'WHEN_NO_MATCH',
    timeoutInMillis: 29000,
    cacheNamespace: resource.id,
    cacheKeyParameters: [],
    integrationResponses: {} as Dict<IntegrationResponseState>,
  }
  if (spec.lambda) return { ...base, type: 'AWS_PROXY', httpMethod: 'POST', uri: lambdaUri(state, spec.lambda) }
  if (spec.http) {
    const integration: IntegrationState = { ...base, type: 'HTTP_PROXY', httpMethod: 'ANY', uri: spec.http }
    if (pathParams.length > 0) {
      integration.requestParameters = Object.fromEntries(
        pathParams.map((p) => [`integration.request.path.${p}`, `method.request.path.${p}`]),
      )
    }
    return integration
  }
  if (spec.integration) return { ...base, ...structuredClone(spec.integration) } as IntegrationState
  return {
    ...base,
    type: 'MOCK',
    requestTemplates: { 'application/json': '{"statusCode": 200}' },
    integrationResponses: { '200': { statusCode: '200' } },
  }
}

function buildMethod(
  state: EmulatorState,
  api: RestApiState,
  httpMethod: string,
  spec: RouteSpec,
  resource: ResourceState,
) {
  const method: MethodState = {
    httpMethod,
    authorizationType: spec.authorizationType ?? (spec.authorizer ? 'CUSTOM' : 'NONE'),
    apiKeyRequired: spec.apiKeyRequired ?? false,
    methodResponses: {},
  }
  if (spec.authorizer) {
    const authorizer = [...api.authorizers.values()].find((a) => a.name === spec.authorizer)
    if (!authorizer) throw new Error(`defineApi: unknown authorizer ${spec.authorizer}`)
    method.authorizerId = authorizer.id
  }
  if (spec.operationName) method.operationName = spec.operationName
  const pathParams = [...resource.path.matchAll(/\{([^}+]+)\+?\}/g)].map((m) => m[1] as string)
  const requestParameters = {
    ...Object.fromEntries(pathParams.map((p) => [`method.request.path.${p}`, true])),
    ...spec.requestParameters,
  }
  if (Object.keys(requestParameters).length > 0) method.requestParameters = requestParameters
  if (spec.requestModels) method.requestModels = { ...spec.requestModels }
  for (const [statusCode, response] of Object.entries(spec.responses ?? { '200': {} })) {
    const methodResponse: MethodResponseState = { statusCode }
    if (response.models) methodResponse.responseModels = { ...response.models }
    if (response.headers?.length) {
      methodResponse.responseParameters = Object.fromEntries(
        response.headers.map((h) => [`method.response.header.${h}`, false]),
      )
    }
    method.methodResponses[statusCode] = methodResponse
  }
  method.methodIntegration = buildIntegration(state, spec, resource)
  return method
}

/** Replaces every resource of the API (the root id is kept) with the given routes. */
export function defineApi(state: EmulatorState, restApiId: string, routes: RouteTable, options: DefineApiOptions = {}) {
  const api = getRestApi(state, restApiId)
  for (const resource of [...api.resources.values()]) {
    if (resource.id !== api.rootResourceId) removeResource(api, resource.id)
  }
  const root = api.resources.get(api.rootResourceId) as ResourceState
  root.methods = {}
  for (const [name, schema] of Object.entries(options.models ?? {})) {
    addModel(api, { name, contentType: 'application/json', schema: JSON.stringify(schema) })
  }
  if (options.authorizers) {
    api.authorizers.clear()
    for (const [name, spec] of Object.entries(options.authorizers)) {
      const id = `auth${api.authorizers.size + 1}`
      api.authorizers.set(id, { id, name, ...spec })
    }
  }
  for (const [key, spec] of Object.entries(routes)) {
    const match = /^([A-Z]+)\s+(\/\S*)$/.exec(key.trim())
    if (!match || !HTTP_METHODS.includes(match[1] as string)) {
      throw new Error(`defineApi: route key must look like 'GET /path', got '${key}'`)
    }
    const resource = ensureResourcePath(api, match[2] as string)
    resource.methods[match[1] as string] = buildMethod(state, api, match[1] as string, spec, resource)
  }
}

/** A small realistic API: /, /pets (GET, POST), /pets/{petId} (GET, DELETE), /orders (ANY). */
export function seedSampleApi(state: EmulatorState, name = 'pets-api', now = Date.now()): { restApiId: string } {
  const api = addRestApi(
    state,
    { name, description: 'Sample pets API seeded by the emulator', defaultModels: true },
    now,
  )
  const pet = {
    type: 'object',
    required: ['id', 'type'],
    properties: { id: { type: 'integer' }, type: { type: 'string' }, price: { type: 'number' } },
  }
  defineApi(
    state,
    api.id,
    {
      'GET /pets': {
        lambda: `${name}-list-pets`,
        operationName: 'ListPets',
        requestParameters: { 'method.request.querystring.type': false, 'method.request.querystring.page': false },
        responses: { '200': { models: { 'application/json': 'Pets' }, headers: ['Access-Control-Allow-Origin'] } },
      },
      'POST /pets': {
        lambda: `${name}-create-pet`,
        operationName: 'CreatePet',
        requestModels: { 'application/json': 'NewPet' },
        responses: {
          '201': { models: { 'application/json': 'Pet' } },
          '400': { models: { 'application/json': 'Error' } },
        },
      },
      'GET /pets/{petId}': {
        http: 'https://petstore.example.com/pets/{petId}',
        operationName: 'GetPet',
        responses: {
          '200': { models: { 'application/json': 'Pet' } },
          '404': { models: { 'application/json': 'Error' } },
        },
      },
      'DELETE /pets/{petId}': {
        lambda: `${name}-delete-pet`,
        operationName: 'DeletePet',
        apiKeyRequired: true,
        responses: { '204': {} },
      },
      'ANY /orders': { http: 'https://orders.example.com/orders', authorizationType: 'AWS_IAM' },
    },
    {
      models: {
        Pet: pet,
        Pets: { type: 'array', items: { $ref: '#/definitions/Pet' } },
        NewPet: {
          type: 'object',
          required: ['type'],
          properties: { type: { type: 'string' }, price: { type: 'number' } },
        },
      },
    },
  )
  return { restApiId: api.id }
}
