// The in-memory store and the lookups every operation shares, with AWS's not-found messages.
import { notFound } from './errors.js'
import { newId } from './ids.js'
import type {
  DeploymentState,
  EmulatorState,
  MethodState,
  ModelState,
  ResourceState,
  RestApiState,
  StageState,
  UsagePlanState,
} from './types.js'

export function createState(region: string, accountId: string): EmulatorState {
  return { region, accountId, restApis: new Map(), usagePlans: new Map(), domainNames: new Map(), tags: new Map() }
}

export function getRestApi(state: EmulatorState, restApiId: string): RestApiState {
  const api = state.restApis.get(restApiId)
  if (!api) throw notFound(`Invalid API identifier specified ${state.accountId}:${restApiId}`)
  return api
}

export function getStage(api: RestApiState, stageName: string): StageState {
  const stage = api.stages.get(stageName)
  if (!stage) throw notFound('Invalid Stage identifier specified')
  return stage
}

export function getDeployment(api: RestApiState, deploymentId: string): DeploymentState {
  const deployment = api.deployments.get(deploymentId)
  if (!deployment) throw notFound('Invalid Deployment identifier specified')
  return deployment
}

export function getResource(api: RestApiState, resourceId: string): ResourceState {
  const resource = api.resources.get(resourceId)
  if (!resource) throw notFound('Invalid Resource identifier specified')
  return resource
}

export function getMethod(resource: ResourceState, httpMethod: string): MethodState {
  const method = resource.methods[httpMethod.toUpperCase()]
  if (!method) throw notFound('Invalid Method identifier specified')
  return method
}

export function getUsagePlan(state: EmulatorState, usagePlanId: string): UsagePlanState {
  const plan = state.usagePlans.get(usagePlanId)
  if (!plan) throw notFound('Invalid Usage Plan ID specified')
  return plan
}

export function stageArn(state: EmulatorState, restApiId: string, stageName: string): string {
  return `arn:aws:apigateway:${state.region}::/restapis/${restApiId}/stages/${stageName}`
}

export function restApiArn(state: EmulatorState, restApiId: string): string {
  return `arn:aws:apigateway:${state.region}::/restapis/${restApiId}`
}

export const EMPTY_MODEL_SCHEMA = JSON.stringify({
  $schema: 'http://json-schema.org/draft-04/schema#',
  title: 'Empty Schema',
  type: 'object',
})
export const ERROR_MODEL_SCHEMA = JSON.stringify({
  $schema: 'http://json-schema.org/draft-04/schema#',
  title: 'Error Schema',
  type: 'object',
  properties: { message: { type: 'string' } },
})

export interface NewRestApi {
  name: string
  description?: string | undefined
  version?: string | undefined
  binaryMediaTypes?: string[] | undefined
  minimumCompressionSize?: number | undefined
  apiKeySource?: string | undefined
  endpointTypes?: string[] | undefined
  vpcEndpointIds?: string[] | undefined
  policy?: string | undefined
  disableExecuteApiEndpoint?: boolean | undefined
  /** CreateRestApi adds AWS's default `Empty` and `Error` models; an import does not. */
  defaultModels?: boolean
}

export function addRestApi(state: EmulatorState, input: NewRestApi, now: number): RestApiState {
  const id = newId(10, (candidate) => state.restApis.has(candidate))
  const rootResourceId = newId(10)
  const api: RestApiState = {
    id,
    name: input.name,
    createdDate: now,
    binaryMediaTypes: input.binaryMediaTypes ?? [],
    apiKeySource: input.apiKeySource ?? 'HEADER',
    endpointConfiguration: { types: input.endpointTypes ?? ['EDGE'], ipAddressType: 'ipv4' },
    disableExecuteApiEndpoint: input.disableExecuteApiEndpoint ?? false,
    rootResourceId,
    resources: new Map([[rootResourceId, { id: rootResourceId, path: '/', methods: {} }]]),
    models: new Map(),
    authorizers: new Map(),
    requestValidators: new Map(),
    gatewayResponses: new Map(),
    deployments: new Map(),
    stages: new Map(),
  }
  if (input.description !== undefined) api.description = input.description
  if (input.version !== undefined) api.version = input.version
  if (input.minimumCompressionSize !== undefined) api.minimumCompressionSize = input.minimumCompressionSize
  if (input.policy !== undefined) api.policy = input.policy
  if (input.vpcEndpointIds?.length) api.endpointConfiguration.vpcEndpointIds = [...input.vpcEndpointIds]
  if (input.defaultModels) {
    addModel(api, { name: 'Empty', contentType: 'application/json', schema: EMPTY_MODEL_SCHEMA })
    addModel(api, {
      name: 'Error',
      contentType: 'application/json',
      schema: ERROR_MODEL_SCHEMA,
      description: 'This is a default error schema model',
    })
  }
  state.restApis.set(id, api)
  return api
}

export function addModel(api: RestApiState, model: Omit<ModelState, 'id'>): ModelState {
  const stored: ModelState = { id: newId(6), ...model }
  api.models.set(model.name, stored)
  return stored
}

/** Creates (or finds) the resource for `path`, creating every missing parent on the way. */
export function ensureResourcePath(api: RestApiState, path: string): ResourceState {
  let current = getResource(api, api.rootResourceId)
  for (const part of path.split('/').filter(Boolean)) {
    const existing = [...api.resources.values()].find((r) => r.parentId === current.id && r.pathPart === part)
    current = existing ?? addResource(api, current, part)
  }
  return current
}

export function addResource(api: RestApiState, parent: ResourceState, pathPart: string): ResourceState {
  const id = newId(6, (candidate) => api.resources.has(candidate))
  const path = parent.path === '/' ? `/${pathPart}` : `${parent.path}/${pathPart}`
  const resource: ResourceState = { id, parentId: parent.id, pathPart, path, methods: {} }
  api.resources.set(id, resource)
  return resource
}

/** Removes a resource and all of its descendants. */
export function removeResource(api: RestApiState, resourceId: string): void {
  api.resources.delete(resourceId)
  for (const child of [...api.resources.values()]) {
    if (child.parentId === resourceId) removeResource(api, child.id)
  }
}
