// SDK shapes → domain types. SDK field names stay inside this folder.
import type { CanarySettings, MethodSetting, RestApi, Stage } from '@aws-sdk/client-api-gateway'
import type { ApiLevelSettings, MethodSettingValues, RestApiInfo, StageState } from '../model/state.js'

type Defined<T> = { [K in keyof T]?: Exclude<T[K], undefined> }

/** Drops undefined fields: with exactOptionalPropertyTypes an absent field and `undefined` differ. */
function definedEntries<T extends object>(obj: T): Defined<T> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as Defined<T>
}

function toMethodSetting(ms: MethodSetting): MethodSettingValues {
  return definedEntries({
    metricsEnabled: ms.metricsEnabled,
    loggingLevel: ms.loggingLevel as MethodSettingValues['loggingLevel'],
    dataTraceEnabled: ms.dataTraceEnabled,
    throttlingBurstLimit: ms.throttlingBurstLimit,
    throttlingRateLimit: ms.throttlingRateLimit,
    cachingEnabled: ms.cachingEnabled,
    cacheTtlInSeconds: ms.cacheTtlInSeconds,
    cacheDataEncrypted: ms.cacheDataEncrypted,
    requireAuthorizationForCacheControl: ms.requireAuthorizationForCacheControl,
    unauthorizedCacheControlHeaderStrategy:
      ms.unauthorizedCacheControlHeaderStrategy as MethodSettingValues['unauthorizedCacheControlHeaderStrategy'],
  }) as MethodSettingValues
}

function toCanary(c: CanarySettings | undefined): StageState['canary'] {
  if (!c) return undefined
  return {
    deploymentId: c.deploymentId ?? '',
    percentTraffic: c.percentTraffic ?? 0,
    stageVariableOverrides: { ...(c.stageVariableOverrides ?? {}) },
    useStageCache: c.useStageCache ?? false,
  }
}

export function toStageState(s: Stage): StageState {
  const state: StageState = {
    stageName: s.stageName ?? '',
    deploymentId: s.deploymentId ?? '',
    variables: { ...(s.variables ?? {}) },
    cacheClusterEnabled: s.cacheClusterEnabled ?? false,
    methodSettings: Object.fromEntries(
      Object.entries(s.methodSettings ?? {}).map(([key, ms]) => [key, toMethodSetting(ms)]),
    ),
    tracingEnabled: s.tracingEnabled ?? false,
    tags: { ...(s.tags ?? {}) },
  }
  const canary = toCanary(s.canarySettings)
  if (canary) state.canary = canary
  if (s.description !== undefined) state.description = s.description
  if (s.cacheClusterSize !== undefined) state.cacheClusterSize = s.cacheClusterSize
  if (s.cacheClusterStatus !== undefined) state.cacheClusterStatus = s.cacheClusterStatus
  if (s.clientCertificateId !== undefined) state.clientCertificateId = s.clientCertificateId
  if (s.accessLogSettings) {
    state.accessLogSettings = definedEntries({
      destinationArn: s.accessLogSettings.destinationArn,
      format: s.accessLogSettings.format,
    })
  }
  if (s.createdDate) state.createdDate = s.createdDate.toISOString()
  if (s.lastUpdatedDate) state.lastUpdatedDate = s.lastUpdatedDate.toISOString()
  return state
}

export function toRestApiInfo(api: RestApi): RestApiInfo {
  const info: RestApiInfo = {
    id: api.id ?? '',
    name: api.name ?? '',
    endpointTypes: [...(api.endpointConfiguration?.types ?? [])],
    disableExecuteApiEndpoint: api.disableExecuteApiEndpoint ?? false,
  }
  const settings = apiLevelSettings(api)
  if (Object.keys(settings).length > 0) info.settings = settings
  return info
}

function apiLevelSettings(api: RestApi): ApiLevelSettings {
  const settings: ApiLevelSettings = {}
  if (api.binaryMediaTypes?.length) settings.binaryMediaTypes = [...api.binaryMediaTypes]
  if (api.apiKeySource && api.apiKeySource !== 'HEADER') settings.apiKeySource = api.apiKeySource
  if (api.minimumCompressionSize !== undefined) settings.minimumCompressionSize = api.minimumCompressionSize
  if (api.policy) settings.policy = api.policy
  if (api.endpointConfiguration?.vpcEndpointIds?.length) {
    settings.vpcEndpointIds = [...api.endpointConfiguration.vpcEndpointIds]
  }
  if (api.disableExecuteApiEndpoint) settings.disableExecuteApiEndpoint = true
  return settings
}
