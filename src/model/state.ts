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

/** The endpoint types a preview API may have; ImportRestApi's default is EDGE. */
export const ENDPOINT_TYPES = ['REGIONAL', 'EDGE', 'PRIVATE'] as const
export type EndpointType = (typeof ENDPOINT_TYPES)[number]

/** A REST API carrying this action's preview tags (read from GetRestApis, which returns tags). */
export interface PreviewApi {
  id: string
  name: string
  endpointType: string
  /** The tags' values: the source API, the repository and pull request, the last deploy (ISO 8601). */
  sourceId: string
  repository: string
  pullRequest: string
  deployedAt?: string
  createdDate?: string
}

/** What `preview-isolation: api` read: the source API, this pull request's preview API and its neighbours. */
export interface PreviewState {
  /** The API `rest-api-id`/`rest-api-name` name; it is only read, never written. */
  source: RestApiInfo
  /** The preview API's name: `preview-api-name`, else `<source API name>-<stage>`. */
  name: string
  /** The repository and pull request that own the preview API (its tags; any API deleted must carry them). */
  owner: { repository: string; pullRequest: number }
  /** The preview APIs of this repository, pull request and source API (normally one; none before the first push). */
  mine: PreviewApi[]
  /** Every preview API of this repository (pruning candidates, and the list shown when the cap is reached). */
  repository: PreviewApi[]
  /** An API named like the preview that is not this pull request's: the first push refuses to create another. */
  nameTakenBy?: { id: string; name: string }
  /** REST APIs in the region with the preview's endpoint type (AWS caps them per region). */
  sameTypeCount: number
  /** Base path mappings pointing at the preview APIs this run may delete. */
  mappings: BasePathMappingState[]
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
  /** `preview-isolation: api`: `api` above is the preview API (a NEW_REST_API_ID placeholder before it exists). */
  preview?: PreviewState
}

/** Where one side of the API diff comes from: a stage's export, or a deployment's route summary. */
export type DefinitionSource = { kind: 'stage'; stageName: string } | { kind: 'deployment'; deploymentId: string }
