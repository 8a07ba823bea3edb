// Domain types shared by every layer. Nothing here imports the AWS SDK or @actions/*:
// apigateway/ converts SDK shapes into these, planners and renderers work on them only.

export const OPERATIONS = [
  'deploy',
  'promote',
  'update-canary',
  'promote-canary',
  'rollback-canary',
  'rollback',
  'delete',
] as const
export type Operation = (typeof OPERATIONS)[number]

/** Which REST API the run targets: exactly one of id or name. */
export type RestApiSelector = { kind: 'id'; id: string } | { kind: 'name'; name: string }

/** One MethodSetting, in AWS's field names. Every field optional: inputs name only what they change. */
export interface MethodSettingValues {
  metricsEnabled?: boolean
  loggingLevel?: 'OFF' | 'ERROR' | 'INFO'
  dataTraceEnabled?: boolean
  throttlingBurstLimit?: number
  throttlingRateLimit?: number
  cachingEnabled?: boolean
  cacheTtlInSeconds?: number
  cacheDataEncrypted?: boolean
  requireAuthorizationForCacheControl?: boolean
  unauthorizedCacheControlHeaderStrategy?:
    | 'FAIL_WITH_403'
    | 'SUCCEED_WITH_RESPONSE_HEADER'
    | 'SUCCEED_WITHOUT_RESPONSE_HEADER'
}

/** A per-method override from the `method-settings` input, e.g. `GET /pets/{id}`. */
export interface MethodSettingOverride {
  /** HTTP verb as written, upper-cased; `ANY` is expanded by the planner. */
  httpMethod: string
  /** Resource path as written, always starting with `/`. */
  resourcePath: string
  settings: MethodSettingValues
}

/** Stage-level settings named by inputs. Undefined means "not named: leave as it is". */
export interface StageSettingsInput {
  /** Stage-wide (`*\/*`) method setting values from throttling-*, caching-enabled, cache-ttl, logging-level, data-trace, metrics. */
  defaults: MethodSettingValues
  /** From `cache-cluster-size`: a size enables the cluster at that size, `disabled` turns it off. */
  cacheCluster?: { enabled: true; size: CacheClusterSize } | { enabled: false }
  tracingEnabled?: boolean
  clientCertificateId?: string
  accessLogDestinationArn?: string
  accessLogFormat?: string
}

export const CACHE_CLUSTER_SIZES = ['0.5', '1.6', '6.1', '13.5', '28.4', '58.2', '118', '237'] as const
export type CacheClusterSize = (typeof CACHE_CLUSTER_SIZES)[number]

export interface CanaryInput {
  /** 0 < percent <= 100; required for a canary deploy, optional for update-canary. */
  percent?: number
  /** Overrides to set on the canary (KEY=VALUE lines or YAML map). */
  variables: Record<string, string>
  /** Override names to remove from the canary (`remove-canary-variables`). */
  removeVariables: string[]
  useStageCache?: boolean
}

export interface ExportInput {
  type: 'oas30' | 'swagger'
  format: 'json' | 'yaml'
  extensions: Array<'integrations' | 'apigateway' | 'authorizers' | 'postman'>
  file: string
}

export interface SdkInput {
  type: 'javascript' | 'java' | 'android' | 'objectivec' | 'swift' | 'ruby'
  parameters: Record<string, string>
  file: string
}

/** Every input, read and validated once by inputs.ts. Nothing downstream reads inputs again. */
export interface ActionInputs {
  api: RestApiSelector
  /** Region from the input; undefined means the SDK's own resolution (AWS_REGION). */
  region?: string
  stage: string
  operation: Operation
  /** Deployment description; undefined means main.ts builds one from commit, ref and run. */
  description?: string
  /** Stage variables to set, in input order. */
  variables: Record<string, string>
  /** Stage variable names to remove. */
  removeVariables: string[]
  canary: CanaryInput
  /** `promote`: the stage whose deployment becomes `stage`'s. */
  promoteFrom?: string
  /** `rollback`: explicit deployment id. */
  rollbackTo?: string
  settings: StageSettingsInput
  methodSettings: MethodSettingOverride[]
  /**
   * `domain-name` + `base-path`; basePath is `(none)` for the empty path. `repoint`: a mapping that points at
   * another API or stage may be moved to this stage (`repoint-base-path`).
   */
  domain?: { name: string; basePath: string; repoint: boolean }
  usagePlanIds: string[]
  export?: ExportInput
  sdk?: SdkInput
  /** `previous` or another stage's name. */
  diffAgainst: { kind: 'previous' } | { kind: 'stage'; stage: string }
  /** `auto` = comment when the run has a pull request. */
  comment: boolean | 'auto'
  prNumber?: number
  environment?: string
  smokeTestPath?: string
  /** Base URL the smoke test calls instead of the stage's invoke URL (LocalStack, a proxy). */
  smokeTestBaseUrl?: string
  /** Attempts (3 s apart) before the smoke test fails: a new stage can take a few seconds to answer. */
  smokeTestAttempts: number
  rollbackOnFailure: boolean
  /** Regular expression source; a stage must match it whole to be deleted. */
  deleteStagePattern: string
  prunePreviewsOlderThanDays?: number
  dryRun: boolean
  /** Show stage variable values in the comment and summary (opt-in; masked otherwise). */
  showVariableValues: boolean
  /** SDK max attempts per AWS call, throttling included. */
  maxAttempts: number
  /** `wait-for-cache-cluster`: minutes to wait for a cache cluster change to finish; 0 = do not wait. */
  cacheWaitMinutes: number
  githubToken: string
}

// ---- State read from AWS ----

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

export interface RestApiInfo {
  id: string
  name: string
  endpointTypes: string[]
  disableExecuteApiEndpoint: boolean
}

export interface DeploymentInfo {
  id: string
  description?: string
  createdDate?: string
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

// ---- Plan ----

export interface PatchOp {
  op: 'add' | 'remove' | 'replace' | 'copy'
  path: string
  value?: string
  from?: string
}

/**
 * Stage tag where the action records the deployment the stage ran before the last change it made,
 * so `rollback` works across workflow runs without any state on the runner.
 */
export const PREVIOUS_DEPLOYMENT_TAG = 'apigw-stage-action:previous-deployment'

/** Stage tag naming the canary deployment `promote-canary` made production: a re-run can see it is done. */
export const PROMOTED_CANARY_TAG = 'apigw-stage-action:promoted-canary'

/** Placeholder in a planned call for the id of the deployment created earlier in the same plan. */
export const NEW_DEPLOYMENT_ID = '<new-deployment-id>'

export interface DeploymentCanaryParams {
  percentTraffic: number
  stageVariableOverrides?: Record<string, string>
  useStageCache?: boolean
}

export type PlannedCall =
  | {
      action: 'CreateDeployment'
      restApiId: string
      stageName?: string
      description?: string
      variables?: Record<string, string>
      canarySettings?: DeploymentCanaryParams
    }
  | { action: 'UpdateStage'; restApiId: string; stageName: string; patchOperations: PatchOp[] }
  | {
      action: 'CreateStage'
      restApiId: string
      stageName: string
      deploymentId: string
      description?: string
      variables?: Record<string, string>
      tags?: Record<string, string>
    }
  | { action: 'DeleteStage'; restApiId: string; stageName: string }
  | { action: 'DeleteBasePathMapping'; domainName: string; basePath: string }
  | { action: 'TagResource'; resourceArn: string; tags: Record<string, string> }
  /** restApiId and stageName name the mapping's target (also used in error messages). */
  | { action: 'CreateBasePathMapping'; domainName: string; basePath: string; restApiId: string; stageName: string }
  | {
      action: 'UpdateBasePathMapping'
      domainName: string
      basePath: string
      restApiId: string
      stageName: string
      patchOperations: PatchOp[]
    }
  /** restApiId and stageName name the API stage being associated (also used in error messages). */
  | { action: 'UpdateUsagePlan'; usagePlanId: string; restApiId: string; stageName: string; patchOperations: PatchOp[] }

/** What the stage must look like after the plan ran; the executor reads it back and compares. */
export interface ExpectedStage {
  /** Deployment id production must point at (may be NEW_DEPLOYMENT_ID), or undefined if unchanged/unknown. */
  deploymentId?: string
  /** Variables that must have these values. */
  variables: Record<string, string>
  /** Variables that must be absent. */
  absentVariables: string[]
  /** `absent` when the canary must be gone; an object when it must be present. */
  canary?: 'absent' | { deploymentId?: string; percentTraffic?: number }
  /** The stage must not exist afterwards (delete). */
  deleted?: boolean
}

export interface Plan {
  operation: Operation
  restApiId: string
  stageName: string
  /** AWS calls in order, exact parameters. Empty when nothing needs to change. */
  calls: PlannedCall[]
  expected: ExpectedStage
  /** Human-readable lines saying what the plan does and why. */
  notes: string[]
}

// ---- Result ----

export interface ApplyResult {
  /** Deployment created by this run, if any. */
  createdDeploymentId?: string
  /** The stage as read back after the change (undefined after delete). */
  after?: StageState
}
