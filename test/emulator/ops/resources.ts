// Resources, methods, method responses, integrations and models: enough to build and export an API.
import type { Handler, RequestContext } from '../context.js'
import { badRequest, conflict, notFound } from '../errors.js'
import { optBool, optMap, optNumber, optString, optStringList, reqString } from '../input.js'
import { paginate } from '../pagination.js'
import { integrationToWire, methodToWire, resourceToWire } from '../serialize.js'
import { addModel, addResource, getMethod, getResource, getRestApi, removeResource } from '../state.js'
import type {
  Dict,
  IntegrationResponseState,
  IntegrationState,
  MethodResponseState,
  MethodState,
  ModelState,
  RestApiState,
} from '../types.js'
import { PATH_PART, PATH_PART_MESSAGE } from '../validation.js'

export const HTTP_METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'ANY']
const AUTHORIZATION_TYPES = ['NONE', 'AWS_IAM', 'CUSTOM', 'COGNITO_USER_POOLS']
const INTEGRATION_TYPES = ['HTTP', 'AWS', 'MOCK', 'HTTP_PROXY', 'AWS_PROXY']

function apiAndResource(ctx: RequestContext) {
  const api = getRestApi(ctx.state, ctx.params.restApiId as string)
  const resource = getResource(api, ctx.params.resourceId as string)
  return { api, resource }
}

function modelsMustExist(api: RestApiState, models: Dict<string> | undefined): void {
  for (const name of Object.values(models ?? {})) {
    if (!api.models.has(name)) throw badRequest(`Invalid model identifier specified: ${name}`)
  }
}

export const getResources: Handler = (ctx) => {
  const api = getRestApi(ctx.state, ctx.params.restApiId as string)
  const embed = ctx.query.getAll('embed').flatMap((v) => v.split(','))
  const items = [...api.resources.values()].map((r) => resourceToWire(r, embed.includes('methods')))
  return { status: 200, json: paginate(items, ctx.query) }
}

export const getResourceOp: Handler = (ctx) => {
  const { resource } = apiAndResource(ctx)
  const embed = ctx.query.getAll('embed').flatMap((v) => v.split(','))
  return { status: 200, json: resourceToWire(resource, embed.includes('methods')) }
}

export const createResource: Handler = (ctx) => {
  const api = getRestApi(ctx.state, ctx.params.restApiId as string)
  const parent = getResource(api, ctx.params.parentId as string)
  const pathPart = optString(ctx.body, 'pathPart') ?? ''
  if (!PATH_PART.test(pathPart)) throw badRequest(PATH_PART_MESSAGE)
  const sibling = [...api.resources.values()].some((r) => r.parentId === parent.id && r.pathPart === pathPart)
  if (sibling) throw conflict(`Another resource with the same parent already has this name: ${pathPart}`)
  return { status: 201, json: resourceToWire(addResource(api, parent, pathPart), false) }
}

export const deleteResource: Handler = (ctx) => {
  const { api, resource } = apiAndResource(ctx)
  if (resource.id === api.rootResourceId) throw badRequest('Cannot delete the root resource of a REST API')
  removeResource(api, resource.id)
  return { status: 202 }
}

export const putMethod: Handler = (ctx) => {
  const { api, resource } = apiAndResource(ctx)
  const httpMethod = (ctx.params.httpMethod as string).toUpperCase()
  if (!HTTP_METHODS.includes(httpMethod)) {
    throw badRequest(`Invalid HttpMethod specified. Valid options are ${HTTP_METHODS.join(',')}`)
  }
  const authorizationType = reqString(
    ctx.body,
    'authorizationType',
    'Invalid authorization type specified',
  ).toUpperCase()
  if (!AUTHORIZATION_TYPES.includes(authorizationType)) throw badRequest('Invalid authorization type specified')
  const authorizerId = optString(ctx.body, 'authorizerId')
  if ((authorizationType === 'CUSTOM' || authorizationType === 'COGNITO_USER_POOLS') && !authorizerId) {
    throw badRequest(
      'Invalid authorizer ID specified. Setting the authorization type to CUSTOM or COGNITO_USER_POOLS requires a valid authorizer.',
    )
  }
  if (resource.methods[httpMethod]) throw conflict('Method already exists for this resource')
  const requestModels = optMap<string>(ctx.body, 'requestModels', 'string')
  modelsMustExist(api, requestModels)
  const method: MethodState = {
    httpMethod,
    authorizationType,
    apiKeyRequired: optBool(ctx.body, 'apiKeyRequired') ?? false,
    methodResponses: {},
  }
  const optional = {
    authorizerId,
    operationName: optString(ctx.body, 'operationName'),
    requestParameters: optMap<boolean>(ctx.body, 'requestParameters', 'boolean'),
    requestModels,
    requestValidatorId: optString(ctx.body, 'requestValidatorId'),
    authorizationScopes: optStringList(ctx.body, 'authorizationScopes'),
  }
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) Object.assign(method, { [key]: value })
  resource.methods[httpMethod] = method
  return { status: 201, json: methodToWire(method) }
}

export const getMethodOp: Handler = (ctx) => {
  const { resource } = apiAndResource(ctx)
  return { status: 200, json: methodToWire(getMethod(resource, ctx.params.httpMethod as string)) }
}

export const deleteMethod: Handler = (ctx) => {
  const { resource } = apiAndResource(ctx)
  const method = getMethod(resource, ctx.params.httpMethod as string)
  delete resource.methods[method.httpMethod]
  return { status: 204 }
}

export const putMethodResponse: Handler = (ctx) => {
  const { api, resource } = apiAndResource(ctx)
  const method = getMethod(resource, ctx.params.httpMethod as string)
  const statusCode = ctx.params.statusCode as string
  const response: MethodResponseState = { statusCode }
  const responseParameters = optMap<boolean>(ctx.body, 'responseParameters', 'boolean')
  const responseModels = optMap<string>(ctx.body, 'responseModels', 'string')
  modelsMustExist(api, responseModels)
  if (responseParameters) response.responseParameters = responseParameters
  if (responseModels) response.responseModels = responseModels
  method.methodResponses[statusCode] = response
  return { status: 201, json: response }
}

export const putIntegration: Handler = (ctx) => {
  const { resource } = apiAndResource(ctx)
  const method = getMethod(resource, ctx.params.httpMethod as string)
  const type = reqString(ctx.body, 'type', 'Invalid integration type specified').toUpperCase()
  if (!INTEGRATION_TYPES.includes(type)) throw badRequest('Invalid integration type specified')
  const httpMethod = optString(ctx.body, 'httpMethod')?.toUpperCase()
  const uri = optString(ctx.body, 'uri')
  if (type !== 'MOCK') {
    if (!httpMethod) throw badRequest('Enumeration value for HttpMethod must be non-empty')
    if (!uri) {
      throw badRequest(
        type.startsWith('HTTP') ? 'Invalid HTTP endpoint specified for URI' : 'Invalid ARN specified in the request',
      )
    }
  }
  const integration: IntegrationState = {
    type,
    passthroughBehavior: optString(ctx.body, 'passthroughBehavior')?.toUpperCase() ?? 'WHEN_NO_MATCH',
    timeoutInMillis: optNumber(ctx.body, 'timeoutInMillis') ?? 29000,
    cacheNamespace: optString(ctx.body, 'cacheNamespace') ?? resource.id,
    cacheKeyParameters: optStringList(ctx.body, 'cacheKeyParameters') ?? [],
    integrationResponses: {},
  }
  const optional = {
    httpMethod,
    uri,
    connectionType: optString(ctx.body, 'connectionType'),
    connectionId: optString(ctx.body, 'connectionId'),
    credentials: optString(ctx.body, 'credentials'),
    requestParameters: optMap<string>(ctx.body, 'requestParameters', 'string'),
    requestTemplates: optMap<string>(ctx.body, 'requestTemplates', 'string'),
    contentHandling: optString(ctx.body, 'contentHandling'),
  }
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) Object.assign(integration, { [key]: value })
  }
  method.methodIntegration = integration
  return { status: 201, json: integrationToWire(integration) }
}

export const getIntegration: Handler = (ctx) => {
  const { resource } = apiAndResource(ctx)
  const integration = getMethod(resource, ctx.params.httpMethod as string).methodIntegration
  if (!integration) throw notFound('Invalid Integration identifier specified')
  return { status: 200, json: integrationToWire(integration) }
}

export const putIntegrationResponse: Handler = (ctx) => {
  const { resource } = apiAndResource(ctx)
  const integration = getMethod(resource, ctx.params.httpMethod as string).methodIntegration
  if (!integration) throw notFound('Invalid Integration identifier specified')
  const statusCode = ctx.params.statusCode as string
  const response: IntegrationResponseState = { statusCode }
  const optional = {
    selectionPattern: optString(ctx.body, 'selectionPattern'),
    responseParameters: optMap<string>(ctx.body, 'responseParameters', 'string'),
    responseTemplates: optMap<string>(ctx.body, 'responseTemplates', 'string'),
    contentHandling: optString(ctx.body, 'contentHandling'),
  }
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined && value !== '') Object.assign(response, { [key]: value })
  }
  integration.integrationResponses[statusCode] = response
  return { status: 201, json: response }
}

const modelToWire = (model: ModelState) => ({ ...model })

export const createModel: Handler = (ctx) => {
  const api = getRestApi(ctx.state, ctx.params.restApiId as string)
  const name = reqString(ctx.body, 'name', 'Invalid model name specified')
  if (!/^[A-Za-z0-9]+$/.test(name)) throw badRequest('Model name must be alphanumeric')
  const contentType = reqString(ctx.body, 'contentType', 'Invalid content type specified')
  if (api.models.has(name)) throw conflict('Model name already exists for this REST API')
  const description = optString(ctx.body, 'description')
  const schema = optString(ctx.body, 'schema')
  if (contentType === 'application/json' && !schema)
    throw badRequest('Model schema must have at least 1 property or array items defined')
  const model = addModel(api, {
    name,
    contentType,
    ...(description ? { description } : {}),
    ...(schema ? { schema } : {}),
  })
  return { status: 201, json: modelToWire(model) }
}

export const getModels: Handler = (ctx) => {
  const api = getRestApi(ctx.state, ctx.params.restApiId as string)
  return { status: 200, json: paginate([...api.models.values()].map(modelToWire), ctx.query) }
}

export const getModel: Handler = (ctx) => {
  const api = getRestApi(ctx.state, ctx.params.restApiId as string)
  const model = api.models.get(ctx.params.modelName as string)
  if (!model) throw notFound(`Invalid model name specified: ${ctx.params.modelName}`)
  return { status: 200, json: modelToWire(model) }
}
