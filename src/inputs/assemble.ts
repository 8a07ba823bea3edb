// Turns the input values, once every rule has passed, into the ActionInputs every later step reads.

import type { MethodSettingValues } from '../model/state.js'
import { formatOfFile } from './locations.js'
import { METHOD_SETTING_NAMES } from './method-settings.js'
import { rolloutInput } from './rollout-assemble.js'
import type { InputValues } from './table.js'
import type {
  ActionInputs,
  CanaryInput,
  DefinitionInput,
  ExportInput,
  PreviewApiInput,
  SdkInput,
  StageSettingsInput,
} from './types.js'

/** `{ key: value }`, or nothing when the value is undefined: unset optional fields stay absent. */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}

function stageSettings(v: InputValues): StageSettingsInput {
  const size = v['cache-cluster-size']
  const defaults: MethodSettingValues = {}
  for (const name of METHOD_SETTING_NAMES) Object.assign(defaults, v[name])
  return {
    defaults,
    ...optional(
      'cacheCluster',
      size === undefined ? undefined : size === 'disabled' ? { enabled: false } : { enabled: true, size },
    ),
    ...optional('tracingEnabled', v.tracing),
    ...optional('clientCertificateId', v['client-certificate-id']),
    ...optional('accessLogDestinationArn', v['access-log-destination-arn']),
    ...optional('accessLogFormat', v['access-log-format']),
  }
}

function canary(v: InputValues): CanaryInput {
  return {
    ...optional('percent', v['canary-percent']),
    variables: v['canary-variables'] ?? {},
    removeVariables: v['remove-canary-variables'] ?? [],
    ...optional('useStageCache', v['canary-use-stage-cache']),
  }
}

function exportInput(v: InputValues): ExportInput | undefined {
  const { 'export-type': type, 'export-file': file } = v
  if (type === undefined || file === undefined) return undefined
  const format = v['export-format'] ?? formatOfFile(file) ?? 'json'
  return { type, format, extensions: v['export-extensions'] ?? [], file }
}

function definitionInput(v: InputValues): DefinitionInput | undefined {
  const file = v.definition
  if (file === undefined) return undefined
  return {
    file,
    mode: v['definition-mode'],
    substitutions: v['definition-substitutions'] ?? {},
    failOnWarnings: v['fail-on-warnings'],
    basePath: v['definition-base-path'],
    force: v['force-deploy'],
  }
}

function previewInput(v: InputValues): PreviewApiInput | undefined {
  if (v['preview-isolation'] !== 'api') return undefined
  return { ...optional('name', v['preview-api-name']), endpointType: v['endpoint-type'] }
}

function sdkInput(v: InputValues): SdkInput | undefined {
  const { 'sdk-type': type, 'sdk-file': file } = v
  return type === undefined || file === undefined ? undefined : { type, parameters: v['sdk-parameters'] ?? {}, file }
}

/** The deeply frozen ActionInputs of valid input values. */
export function toActionInputs(v: InputValues): ActionInputs {
  const restApiId = v['rest-api-id']
  const domainName = v['domain-name']
  const diffAgainst = v['diff-against']
  const inputs: ActionInputs = {
    api: restApiId !== undefined ? { kind: 'id', id: restApiId } : { kind: 'name', name: v['rest-api-name'] ?? '' },
    ...optional('region', v.region),
    stage: v.stage ?? '',
    operation: v.operation,
    ...optional('description', v.description),
    ...optional('definition', definitionInput(v)),
    ...optional('preview', previewInput(v)),
    variables: v.variables ?? {},
    removeVariables: v['remove-variables'] ?? [],
    canary: canary(v),
    ...optional('promoteFrom', v['promote-from']),
    ...optional('rollbackTo', v['rollback-to']),
    settings: stageSettings(v),
    methodSettings: v['method-settings'] ?? [],
    ...optional(
      'domain',
      domainName === undefined
        ? undefined
        : { name: domainName, basePath: v['base-path'] ?? '(none)', repoint: v['repoint-base-path'] },
    ),
    usagePlanIds: v['usage-plan-ids'] ?? [],
    ...optional('export', exportInput(v)),
    ...optional('sdk', sdkInput(v)),
    diffAgainst: diffAgainst === 'previous' ? { kind: 'previous' } : { kind: 'stage', stage: diffAgainst },
    comment: v.comment === 'auto' ? 'auto' : v.comment === 'true',
    ...optional('prNumber', v['pr-number']),
    ...optional('environment', v.environment),
    ...optional('smokeTestPath', v['smoke-test-path']),
    ...optional('smokeTestBaseUrl', v['smoke-test-base-url']),
    smokeTestAttempts: v['smoke-test-attempts'],
    rollbackOnFailure: v['rollback-on-failure'],
    deleteStagePattern: v['delete-stage-pattern'],
    ...optional('prunePreviewsOlderThanDays', v['prune-previews-older-than']),
    dryRun: v['dry-run'],
    showVariableValues: v['show-variable-values'],
    maxAttempts: v['max-retries'] + 1,
    cacheWaitMinutes: v['wait-for-cache-cluster'],
    githubToken: v['github-token'] ?? '',
    ...optional('rollout', rolloutInput(v)),
  }
  return deepFreeze(inputs)
}
