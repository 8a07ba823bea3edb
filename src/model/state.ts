// The state of API Gateway as the project sees it: apigateway/ converts SDK shapes into these;
// planners, the diff and the report work on them only.

import type { CacheControlStrategy, LoggingLevel } from './vocabulary.js'

/** One MethodSetting, in AWS's field names. Every field optional: inputs name only what they change. */
export interface MethodSettingValues {
  metricsEnabled?: boolean
  loggingLevel?: LoggingLevel
  dataTraceEnabled?: boolean
  throttlingBurstLimit?: number
  throttlingRateLimit?: number
  cachingEnabled?: boolean
  cacheTtlInSeconds?: number
  cacheDataEncrypted?: boolean
  requireAuthorizationForCacheControl?: boolean
  unauthorizedCacheControlHeaderStrategy?: CacheControlStrategy
}

export interface CanaryState {
  deploymentId: string
  percentTraffic: number
  stageVariableOverrides: Record<string, string>
  useStageCache: boolean
}

export interface AccessLogSettings {
  destinationArn?: string
  format?: string
}

export interface StageState {
  stageName: string
  deploymentId: string
  description?: string
  variables: Record<string, string>
  canary?: CanaryState
  cacheClusterEnabled: boolean
  cacheClusterSize?: string
  cacheClusterStatus?: string
  /** Keyed as AWS keys them: `*\/*`, `~1pets/GET`. */
  methodSettings: Record<string, MethodSettingValues>
  tracingEnabled: boolean
  clientCertificateId?: string
  accessLogSettings?: AccessLogSettings
  tags: Record<string, string>
  createdDate?: string
  lastUpdatedDate?: string
}

/** What the API has beyond the defaults, among the settings a definition file can carry. */
export interface ApiLevelSettings {
  binaryMediaTypes?: string[]
  /** Only when not the default (HEADER). */
  apiKeySource?: string
  minimumCompressionSize?: number
  policy?: string
  vpcEndpointIds?: string[]
  /** Only when true (the default is false). */
  disableExecuteApiEndpoint?: true
}

export interface RestApiInfo {
  id: string
  name: string
  endpointTypes: string[]
  disableExecuteApiEndpoint: boolean
  /** API-level settings an overwrite import resets when the file does not carry them; only those set. */
  settings?: ApiLevelSettings
}

/** A resource of the REST API with the HTTP methods it defines (`ANY` included as written). */
export interface ApiResource {
  id: string
  /** Resource path as AWS shows it: `/`, `/pets/{petId}`, `/{proxy+}`. */
  path: string
  methods: string[]
}

/** A base path mapping of a custom domain; basePath `(none)` is the empty path, stage `(none)` none. */
export interface BasePathMappingState {
  domainName: string
  basePath: string
  restApiId: string
  stage: string
}

export interface UsagePlanState {
  id: string
  name: string
  apiStages: Array<{ apiId: string; stage: string }>
}

/** What the read step found, before anything changes. */
export interface ReadState {
  api: RestApiInfo
  region: string
  /** Undefined when the stage does not exist. */
  stage?: StageState
  /** `promote`: the source stage (promote-from). */
  sourceStage?: StageState
  /** The API's resources; read when `method-settings` is given. */
  resources?: ApiResource[]
  /** The custom domain of `domain-name` and its mapping for `base-path`, when that input is given. */
  domain?: { exists: boolean; mapping?: BasePathMappingState }
  /** The plans of `usage-plan-ids` that exist; an id missing here was not found. */
  usagePlans?: UsagePlanState[]
  /** Pruning: the other stages matching delete-stage-pattern, with their dates. */
  previewStages?: StageState[]
  /** Base path mappings pointing at the stages this run may delete (delete, prune). */
  stageMappings?: BasePathMappingState[]
  /**
   * The API definition (oas30 export) a stage served before this run, for the diff; `definition` undefined:
   * the stage did not exist; `failed`: the read failed (the diff is then unavailable, never wrong).
   */
  definitionBefore?: { stageName: string; definition?: object; failed?: string }
}

/** Where one side of the API diff comes from: a stage's export, or a deployment's route summary. */
export type DefinitionSource = { kind: 'stage'; stageName: string } | { kind: 'deployment'; deploymentId: string }
