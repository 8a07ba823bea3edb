// What the inputs step hands to every later step: every input, read and validated once.

import type { BasePathMode, DefinitionMode } from '../definition/options.js'
import type { EndpointType, MethodSettingValues } from '../model/state.js'
import type { CacheClusterSize, ExportExtension, ExportFormat, ExportType, SdkType } from '../model/vocabulary.js'
import type { RolloutInput } from './rollout.js'

export const OPERATIONS = [
  'deploy',
  'promote',
  'update-canary',
  'promote-canary',
  'rollback-canary',
  'rollback',
  'delete',
  'rollout',
] as const
export type Operation = (typeof OPERATIONS)[number]

/** `stage`: a pull request's preview is a stage of the API; `api`: a REST API of its own. */
export const PREVIEW_ISOLATIONS = ['stage', 'api'] as const

/** `preview-isolation: api`: the preview API's name (undefined: `<source name>-<stage>`) and endpoint type. */
export interface PreviewApiInput {
  name?: string
  endpointType: EndpointType
}

/** Which REST API the run targets: exactly one of id or name. */
export type RestApiSelector = { kind: 'id'; id: string } | { kind: 'name'; name: string }

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
  type: ExportType
  format: ExportFormat
  extensions: ExportExtension[]
  file: string
}

export interface SdkInput {
  type: SdkType
  parameters: Record<string, string>
  file: string
}

/** `definition` and its options: the repository's OpenAPI file, imported before the deployment. */
export interface DefinitionInput {
  /** As given: relative to GITHUB_WORKSPACE, or absolute. */
  file: string
  mode: DefinitionMode
  /** `${KEY}` → value, replaced in the file before anything else reads it. */
  substitutions: Record<string, string>
  failOnWarnings: boolean
  basePath: BasePathMode
  /** `force-deploy`: import and deploy even when the stage already runs this file. */
  force: boolean
}

/** Every input, read and validated once by getInputs (read.ts). Nothing downstream reads inputs again. */
export interface ActionInputs {
  api: RestApiSelector
  /** Region from the input; undefined means the SDK's own resolution (AWS_REGION). */
  region?: string
  stage: string
  operation: Operation
  /** Deployment description; undefined means main.ts builds one from commit, ref and run. */
  description?: string
  /** The OpenAPI file to import first (operation deploy only). */
  definition?: DefinitionInput
  /** `preview-isolation: api`: `api` names the source API; the run targets this pull request's preview API. */
  preview?: PreviewApiInput
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
  /** `rollout`: the steps, bake interval and health thresholds; absent for other operations. */
  rollout?: RolloutInput
}
