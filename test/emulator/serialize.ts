// State → wire JSON, leaving out every field AWS leaves out (empty maps, unset optionals).
import type {
  DeploymentState,
  Dict,
  IntegrationState,
  MethodState,
  ResourceState,
  RestApiState,
  StageState,
  UsagePlanState,
} from './types.js'

type Json = Dict<unknown>

/** AWS sends timestamps as epoch seconds. */
export const epochSeconds = (ms: number): number => ms / 1000

function setIf(out: Json, key: string, value: unknown): void {
  if (value === undefined) return
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0) return
  if (Array.isArray(value) && value.length === 0) return
  out[key] = value
}

export function stageToWire(stage: StageState, tags: Dict<string> | undefined): Json {
  const out: Json = { deploymentId: stage.deploymentId }
  setIf(out, 'clientCertificateId', stage.clientCertificateId)
  out.stageName = stage.stageName
  setIf(out, 'description', stage.description)
  out.cacheClusterEnabled = stage.cacheClusterEnabled
  setIf(out, 'cacheClusterSize', stage.cacheClusterSize)
  out.cacheClusterStatus = stage.cacheClusterStatus
  out.methodSettings = structuredClone(stage.methodSettings)
  setIf(out, 'variables', { ...stage.variables })
  setIf(out, 'documentationVersion', stage.documentationVersion)
  setIf(out, 'accessLogSettings', stage.accessLogSettings && { ...stage.accessLogSettings })
  if (stage.canarySettings) {
    const canary = stage.canarySettings
    const wire: Json = { deploymentId: canary.deploymentId, percentTraffic: canary.percentTraffic }
    setIf(wire, 'stageVariableOverrides', canary.stageVariableOverrides && { ...canary.stageVariableOverrides })
    wire.useStageCache = canary.useStageCache
    out.canarySettings = wire
  }
  out.tracingEnabled = stage.tracingEnabled
  setIf(out, 'webAclArn', stage.webAclArn)
  setIf(out, 'tags', tags && { ...tags })
  out.createdDate = epochSeconds(stage.createdDate)
  out.lastUpdatedDate = epochSeconds(stage.lastUpdatedDate)
  return out
}

export function deploymentToWire(deployment: DeploymentState, withSummary = false): Json {
  const out: Json = { id: deployment.id }
  setIf(out, 'description', deployment.description)
  out.createdDate = epochSeconds(deployment.createdDate)
  if (withSummary) out.apiSummary = apiSummary(deployment)
  return out
}

function apiSummary(deployment: DeploymentState): Json {
  const summary: Json = {}
  for (const resource of deployment.snapshot.resources) {
    const methods = Object.values(resource.methods)
    if (methods.length === 0) continue
    summary[resource.path] = Object.fromEntries(
      methods.map((m) => [m.httpMethod, { authorizationType: m.authorizationType, apiKeyRequired: m.apiKeyRequired }]),
    )
  }
  return summary
}

export function restApiToWire(api: RestApiState, tags: Dict<string> | undefined): Json {
  const out: Json = { id: api.id, name: api.name }
  setIf(out, 'description', api.description)
  out.createdDate = epochSeconds(api.createdDate)
  setIf(out, 'version', api.version)
  setIf(out, 'binaryMediaTypes', [...api.binaryMediaTypes])
  setIf(out, 'minimumCompressionSize', api.minimumCompressionSize)
  out.apiKeySource = api.apiKeySource
  const endpoint: Json = {
    types: [...api.endpointConfiguration.types],
    ipAddressType: api.endpointConfiguration.ipAddressType,
  }
  setIf(
    endpoint,
    'vpcEndpointIds',
    api.endpointConfiguration.vpcEndpointIds && [...api.endpointConfiguration.vpcEndpointIds],
  )
  out.endpointConfiguration = endpoint
  setIf(out, 'policy', api.policy)
  if (tags !== undefined) out.tags = { ...tags }
  out.disableExecuteApiEndpoint = api.disableExecuteApiEndpoint
  out.rootResourceId = api.rootResourceId
  return out
}

export function integrationToWire(integration: IntegrationState): Json {
  const out: Json = { type: integration.type }
  setIf(out, 'httpMethod', integration.httpMethod)
  setIf(out, 'uri', integration.uri)
  setIf(out, 'connectionType', integration.connectionType)
  setIf(out, 'connectionId', integration.connectionId)
  setIf(out, 'credentials', integration.credentials)
  setIf(out, 'requestParameters', integration.requestParameters && { ...integration.requestParameters })
  setIf(out, 'requestTemplates', integration.requestTemplates && { ...integration.requestTemplates })
  out.passthroughBehavior = integration.passthroughBehavior
  setIf(out, 'contentHandling', integration.contentHandling)
  out.timeoutInMillis = integration.timeoutInMillis
  out.cacheNamespace = integration.cacheNamespace
  out.cacheKeyParameters = [...integration.cacheKeyParameters]
  setIf(out, 'integrationResponses', structuredClone(integration.integrationResponses))
  return out
}

export function methodToWire(method: MethodState): Json {
  const out: Json = { httpMethod: method.httpMethod, authorizationType: method.authorizationType }
  setIf(out, 'authorizerId', method.authorizerId)
  out.apiKeyRequired = method.apiKeyRequired
  setIf(out, 'requestValidatorId', method.requestValidatorId)
  setIf(out, 'operationName', method.operationName)
  setIf(out, 'requestParameters', method.requestParameters && { ...method.requestParameters })
  setIf(out, 'requestModels', method.requestModels && { ...method.requestModels })
  setIf(out, 'methodResponses', structuredClone(method.methodResponses))
  if (method.methodIntegration) out.methodIntegration = integrationToWire(method.methodIntegration)
  setIf(out, 'authorizationScopes', method.authorizationScopes && [...method.authorizationScopes])
  return out
}

/** GetResources without `embed=methods` lists each method as an empty object, as AWS does. */
export function resourceToWire(resource: ResourceState, embedMethods: boolean): Json {
  const out: Json = { id: resource.id }
  setIf(out, 'parentId', resource.parentId)
  setIf(out, 'pathPart', resource.pathPart)
  out.path = resource.path
  const methods = Object.values(resource.methods)
  if (methods.length > 0) {
    out.resourceMethods = Object.fromEntries(methods.map((m) => [m.httpMethod, embedMethods ? methodToWire(m) : {}]))
  }
  return out
}

export function usagePlanToWire(plan: UsagePlanState, tags: Dict<string> | undefined): Json {
  const out: Json = { id: plan.id, name: plan.name }
  setIf(out, 'description', plan.description)
  out.apiStages = plan.apiStages.map((s) => {
    const wire: Json = { apiId: s.apiId, stage: s.stage }
    setIf(wire, 'throttle', s.throttle && structuredClone(s.throttle))
    return wire
  })
  setIf(out, 'throttle', plan.throttle && { ...plan.throttle })
  setIf(out, 'quota', plan.quota && { ...plan.quota })
  setIf(out, 'productCode', plan.productCode)
  if (tags !== undefined) out.tags = { ...tags }
  return out
}
