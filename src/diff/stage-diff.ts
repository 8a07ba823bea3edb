// Pure diff of a stage before and after a run (or of two stages, for `diff-against`). Deterministic: every list is
// sorted. Variable values stay in the structure so the renderer can show them when the user opted in; nothing here
// decides what is shown.

import type { AccessLogSettings, CanaryState, MethodSettingValues, StageState } from '../model/state.js'

type SettingValue = string | number | boolean

export interface VariableChange {
  name: string
  /** Value before (absent for an added variable). Secret by default: render only when opted in. */
  before?: string
  /** Value after (absent for a removed variable). Secret by default: render only when opted in. */
  after?: string
}

export interface VariablesDiff {
  added: VariableChange[]
  removed: VariableChange[]
  changed: VariableChange[]
}

interface ValueChange<T> {
  before?: T
  after?: T
}

interface CanarySnapshot {
  deploymentId: string
  percentTraffic: number
  useStageCache: boolean
}

interface CanaryDiff {
  /** `none`: no canary before or after. */
  change: 'added' | 'removed' | 'changed' | 'unchanged' | 'none'
  before?: CanarySnapshot
  after?: CanarySnapshot
  deploymentId?: ValueChange<string>
  percentTraffic?: ValueChange<number>
  useStageCache?: ValueChange<boolean>
  overrides: VariablesDiff
}

export interface SettingChange {
  /**
   * `stage` for stage-level settings; otherwise the method-settings key as AWS keys it (`*\/*`, `~1pets/GET`).
   * Render it with `methodSettingLabel`.
   */
  scope: string
  /** Setting name: a MethodSetting field, or cacheClusterEnabled, cacheClusterSize, tracingEnabled, clientCertificateId,
   *  accessLogSettings.destinationArn, accessLogSettings.format, description. */
  setting: string
  before?: SettingValue
  after?: SettingValue
}

export interface StageDiff {
  stageName: string
  change: 'created' | 'deleted' | 'updated' | 'unchanged' | 'none'
  deploymentId?: ValueChange<string>
  canary: CanaryDiff
  variables: VariablesDiff
  settings: SettingChange[]
  changed: boolean
}

const METHOD_SETTING_FIELDS: Array<keyof MethodSettingValues> = [
  'throttlingRateLimit',
  'throttlingBurstLimit',
  'metricsEnabled',
  'loggingLevel',
  'dataTraceEnabled',
  'cachingEnabled',
  'cacheTtlInSeconds',
  'cacheDataEncrypted',
  'requireAuthorizationForCacheControl',
  'unauthorizedCacheControlHeaderStrategy',
]

export function diffStages(before: StageState | undefined, after: StageState | undefined): StageDiff {
  const stageName = after?.stageName ?? before?.stageName ?? ''
  const deploymentId = valueChange(before?.deploymentId, after?.deploymentId)
  const canary = diffCanary(before?.canary, after?.canary)
  const variables = diffVariables(before?.variables ?? {}, after?.variables ?? {})
  const settings = diffSettings(before, after)
  const changed =
    deploymentId !== undefined ||
    canary.change === 'added' ||
    canary.change === 'removed' ||
    canary.change === 'changed' ||
    hasVariableChanges(variables) ||
    settings.length > 0
  const change =
    before === undefined && after === undefined
      ? 'none'
      : before === undefined
        ? 'created'
        : after === undefined
          ? 'deleted'
          : changed
            ? 'updated'
            : 'unchanged'
  const result: StageDiff = { stageName, change, canary, variables, settings, changed: changed || change === 'created' }
  if (deploymentId !== undefined) result.deploymentId = deploymentId
  return result
}

function hasVariableChanges(diff: VariablesDiff): boolean {
  return diff.added.length + diff.removed.length + diff.changed.length > 0
}

export function diffVariables(before: Record<string, string>, after: Record<string, string>): VariablesDiff {
  const out: VariablesDiff = { added: [], removed: [], changed: [] }
  for (const name of sortedKeys(after)) {
    const a = after[name] as string
    if (!Object.hasOwn(before, name)) out.added.push({ name, after: a })
    else if (before[name] !== a) out.changed.push({ name, before: before[name] as string, after: a })
  }
  for (const name of sortedKeys(before)) {
    if (!Object.hasOwn(after, name)) out.removed.push({ name, before: before[name] as string })
  }
  return out
}

function diffCanary(before: CanaryState | undefined, after: CanaryState | undefined): CanaryDiff {
  const overrides = diffVariables(before?.stageVariableOverrides ?? {}, after?.stageVariableOverrides ?? {})
  const out: CanaryDiff = { change: 'none', overrides }
  if (before !== undefined) out.before = snapshot(before)
  if (after !== undefined) out.after = snapshot(after)
  if (before === undefined && after === undefined) return out
  if (before === undefined) return { ...out, change: 'added' }
  if (after === undefined) return { ...out, change: 'removed' }
  const deploymentId = valueChange(before.deploymentId, after.deploymentId)
  const percentTraffic = valueChange(before.percentTraffic, after.percentTraffic)
  const useStageCache = valueChange(before.useStageCache, after.useStageCache)
  if (deploymentId !== undefined) out.deploymentId = deploymentId
  if (percentTraffic !== undefined) out.percentTraffic = percentTraffic
  if (useStageCache !== undefined) out.useStageCache = useStageCache
  const changed =
    deploymentId !== undefined ||
    percentTraffic !== undefined ||
    useStageCache !== undefined ||
    hasVariableChanges(overrides)
  out.change = changed ? 'changed' : 'unchanged'
  return out
}

function snapshot(canary: CanaryState): CanarySnapshot {
  return {
    deploymentId: canary.deploymentId,
    percentTraffic: canary.percentTraffic,
    useStageCache: canary.useStageCache,
  }
}

function diffSettings(before: StageState | undefined, after: StageState | undefined): SettingChange[] {
  const out: SettingChange[] = []
  const push = (scope: string, setting: string, a: SettingValue | undefined, b: SettingValue | undefined) => {
    if (a === b) return
    const change: SettingChange = { scope, setting }
    if (a !== undefined) change.before = a
    if (b !== undefined) change.after = b
    out.push(change)
  }
  // Only compare what exists on both sides: a created or deleted stage is reported as such, not field by field.
  if (before !== undefined && after !== undefined) {
    push('stage', 'description', before.description, after.description)
    push('stage', 'cacheClusterEnabled', before.cacheClusterEnabled, after.cacheClusterEnabled)
    push('stage', 'cacheClusterSize', before.cacheClusterSize, after.cacheClusterSize)
    push('stage', 'tracingEnabled', before.tracingEnabled, after.tracingEnabled)
    push('stage', 'clientCertificateId', before.clientCertificateId, after.clientCertificateId)
    const logA: AccessLogSettings = before.accessLogSettings ?? {}
    const logB: AccessLogSettings = after.accessLogSettings ?? {}
    push('stage', 'accessLogSettings.destinationArn', logA.destinationArn, logB.destinationArn)
    push('stage', 'accessLogSettings.format', logA.format, logB.format)
  }
  const msA = before?.methodSettings ?? {}
  const msB = after?.methodSettings ?? {}
  if (before !== undefined && after !== undefined) {
    const keys = [...new Set([...Object.keys(msA), ...Object.keys(msB)])].sort(compareMethodKeys)
    for (const key of keys) {
      const a = msA[key] ?? {}
      const b = msB[key] ?? {}
      for (const field of METHOD_SETTING_FIELDS) push(key, field, a[field], b[field])
    }
  }
  return out
}

/** `*\/*` first, then by decoded resource path, then method. */
function compareMethodKeys(x: string, y: string): number {
  if (x === y) return 0
  if (x === '*/*') return -1
  if (y === '*/*') return 1
  const [px, mx] = splitMethodKey(x)
  const [py, my] = splitMethodKey(y)
  if (px !== py) return px < py ? -1 : 1
  return mx < my ? -1 : mx > my ? 1 : 0
}

function splitMethodKey(key: string): [string, string] {
  const slash = key.lastIndexOf('/')
  if (slash === -1) return [key, '']
  return [key.slice(0, slash).replace(/~1/g, '/').replace(/~0/g, '~'), key.slice(slash + 1)]
}

/**
 * Human label for a method-settings key: `*\/*` → `all methods`, `~1pets~1{id}/GET` → `GET /pets/{id}`,
 * `stage` → `stage`.
 */
export function methodSettingLabel(scope: string): string {
  if (scope === 'stage') return 'stage'
  if (scope === '*/*') return 'all methods'
  const slash = scope.lastIndexOf('/')
  if (slash === -1) return scope
  const path = scope.slice(0, slash).replace(/~1/g, '/').replace(/~0/g, '~')
  const method = scope.slice(slash + 1)
  return `${method === '*' ? 'all methods' : method} ${path === '*' ? '(all paths)' : path}`
}

function valueChange<T extends SettingValue>(before: T | undefined, after: T | undefined): ValueChange<T> | undefined {
  if (before === after) return undefined
  const out: ValueChange<T> = {}
  if (before !== undefined) out.before = before
  if (after !== undefined) out.after = after
  return out
}

function sortedKeys(record: Record<string, string>): string[] {
  return Object.keys(record).sort((x, y) => (x < y ? -1 : x > y ? 1 : 0))
}
