// Stage settings and per-method overrides → the UpdateStage patch operations that change something. Pure.

import type { MethodSettingOverride, StageSettingsInput } from '../inputs/types.js'
import type { ApiResource, MethodSettingValues, StageState } from '../model/state.js'
import { resolveOverrides, withoutUndefined } from './method-setting-keys.js'
import { PlanRefusal } from './refusal.js'
import type { PatchOp } from './types.js'

/** AWS's stage-wide method-settings key. */
const STAGE_WIDE_KEY = '*/*'

/** Most patch operations sent in one UpdateStage (AWS answers "Update size too large" beyond some size). */
export const MAX_OPS_PER_UPDATE_STAGE = 80

/** What AWS fills into a method-settings entry that a patch creates (no `*\/*` to inherit from). */
export const NEW_METHOD_SETTING_DEFAULTS: Readonly<MethodSettingValues> = {
  metricsEnabled: false,
  dataTraceEnabled: false,
  throttlingBurstLimit: 5000,
  throttlingRateLimit: 10000,
  cachingEnabled: false,
  cacheTtlInSeconds: 300,
  cacheDataEncrypted: false,
  requireAuthorizationForCacheControl: true,
  unauthorizedCacheControlHeaderStrategy: 'SUCCEED_WITH_RESPONSE_HEADER',
}

type SettingField = keyof MethodSettingValues

/** Patch path suffix of every MethodSetting field, in the order operations are emitted. */
const SUFFIXES: ReadonlyArray<[SettingField, string]> = [
  ['metricsEnabled', 'metrics/enabled'],
  ['loggingLevel', 'logging/loglevel'],
  ['dataTraceEnabled', 'logging/dataTrace'],
  ['throttlingBurstLimit', 'throttling/burstLimit'],
  ['throttlingRateLimit', 'throttling/rateLimit'],
  ['cachingEnabled', 'caching/enabled'],
  ['cacheTtlInSeconds', 'caching/ttlInSeconds'],
  ['cacheDataEncrypted', 'caching/dataEncrypted'],
  ['requireAuthorizationForCacheControl', 'caching/requireAuthorizationForCacheControl'],
  ['unauthorizedCacheControlHeaderStrategy', 'caching/unauthorizedCacheControlHeaderStrategy'],
]

/** Patch values are strings: booleans `true`/`false`, integers plain, the rate limit a decimal (`100.0`). */
function settingValue(field: SettingField, value: string | number | boolean): string {
  if (field === 'throttlingRateLimit' && typeof value === 'number') {
    return Number.isInteger(value) ? value.toFixed(1) : String(value)
  }
  return String(value)
}

function settingOps(key: string, current: MethodSettingValues, wanted: MethodSettingValues): PatchOp[] {
  const ops: PatchOp[] = []
  for (const [field, suffix] of SUFFIXES) {
    const value = wanted[field]
    if (value === undefined || current[field] === value) continue
    ops.push({ op: 'replace', path: `/${key}/${suffix}`, value: settingValue(field, value) })
  }
  return ops
}

/** True when the inputs name at least one stage setting or method override. */
export function namesStageSettings(settings: StageSettingsInput, overrides: MethodSettingOverride[]): boolean {
  return (
    overrides.length > 0 ||
    Object.values(settings.defaults).some((v) => v !== undefined) ||
    settings.cacheCluster !== undefined ||
    settings.tracingEnabled !== undefined ||
    settings.clientCertificateId !== undefined ||
    settings.accessLogDestinationArn !== undefined ||
    settings.accessLogFormat !== undefined
  )
}

/** What the stage holds now; a stage that does not exist yet is compared with a fresh one. */
function currentStage(
  stage: StageState | undefined,
): Pick<StageState, 'cacheClusterEnabled' | 'tracingEnabled' | 'methodSettings'> &
  Partial<Pick<StageState, 'cacheClusterSize' | 'cacheClusterStatus' | 'clientCertificateId' | 'accessLogSettings'>> {
  return stage ?? { cacheClusterEnabled: false, tracingEnabled: false, methodSettings: {} }
}

function cacheClusterOps(
  settings: StageSettingsInput,
  stage: ReturnType<typeof currentStage>,
  notes: string[],
): PatchOp[] {
  const want = settings.cacheCluster
  if (!want) return []
  const ops: PatchOp[] = []
  const status = stage.cacheClusterStatus ? ` (status now ${stage.cacheClusterStatus})` : ''
  if (want.enabled) {
    if (!stage.cacheClusterEnabled) {
      ops.push({ op: 'replace', path: '/cacheClusterEnabled', value: 'true' })
      ops.push({ op: 'replace', path: '/cacheClusterSize', value: want.size })
      notes.push(
        `The ${want.size} GB cache cluster is created${status}; AWS takes about 4 minutes, the stage shows ` +
          'cacheClusterStatus CREATE_IN_PROGRESS until it is AVAILABLE.',
      )
    } else if (stage.cacheClusterSize !== want.size) {
      ops.push({ op: 'replace', path: '/cacheClusterSize', value: want.size })
      notes.push(
        `The cache cluster is resized from ${stage.cacheClusterSize ?? 'unknown'} to ${want.size} GB${status}; ` +
          'AWS takes about 4 minutes and resizing deletes all cached data.',
      )
    }
  } else if (stage.cacheClusterEnabled) {
    ops.push({ op: 'replace', path: '/cacheClusterEnabled', value: 'false' })
    notes.push(
      `The cache cluster is deleted${status}; AWS takes a few minutes (cacheClusterStatus DELETE_IN_PROGRESS).`,
    )
  }
  if (!ops.length && stage.cacheClusterStatus && stage.cacheClusterStatus.endsWith('_IN_PROGRESS')) {
    notes.push(`The cache cluster is still changing: cacheClusterStatus ${stage.cacheClusterStatus}.`)
  }
  return ops
}

function accessLogOps(settings: StageSettingsInput, stage: ReturnType<typeof currentStage>): PatchOp[] {
  const ops: PatchOp[] = []
  const fields = [
    ['destinationArn', settings.accessLogDestinationArn, 'access-log-destination-arn'],
    ['format', settings.accessLogFormat, 'access-log-format'],
  ] as const
  for (const [field, value, input] of fields) {
    if (value === undefined) continue
    if (value === '') {
      throw new PlanRefusal(
        `Input '${input}' is empty; AWS refuses an empty access log value ("Access Log value must not be empty").`,
      )
    }
    if (stage.accessLogSettings?.[field] !== value) {
      ops.push({ op: 'replace', path: `/accessLogSettings/${field}`, value })
    }
  }
  return ops
}

/**
 * The patch operations that bring the stage to the settings the inputs name, and nothing else:
 * stage-level fields, stage-wide (`*\/*`) method settings, then per-method overrides. An overridden method
 * gets the stage-wide values the inputs name plus its own. A field whose current (or, for an entry AWS
 * would create, inherited) value already matches gets no operation.
 */
export function stageSettingsOps(
  settings: StageSettingsInput,
  overrides: MethodSettingOverride[],
  stage: StageState | undefined,
  resources: ApiResource[] | undefined,
): { ops: PatchOp[]; notes: string[] } {
  if (!namesStageSettings(settings, overrides)) return { ops: [], notes: [] }
  const notes: string[] = []
  const current = currentStage(stage)
  // Resolve first: an unknown path or method refuses the plan before anything else is decided.
  const resolved = resolveOverrides(overrides, resources, notes)

  const ops: PatchOp[] = [...cacheClusterOps(settings, current, notes)]
  if (settings.tracingEnabled !== undefined && settings.tracingEnabled !== current.tracingEnabled) {
    ops.push({ op: 'replace', path: '/tracingEnabled', value: String(settings.tracingEnabled) })
  }
  if (
    settings.clientCertificateId !== undefined &&
    settings.clientCertificateId !== (current.clientCertificateId ?? '')
  ) {
    ops.push({ op: 'replace', path: '/clientCertificateId', value: settings.clientCertificateId })
  }
  ops.push(...accessLogOps(settings, current))

  // Stage-wide entry: compare with what exists, or with AWS's defaults for an entry the patch creates.
  const stageWideNow = current.methodSettings[STAGE_WIDE_KEY]
  const stageWideBase = stageWideNow ?? NEW_METHOD_SETTING_DEFAULTS
  const stageWideOps = settingOps(STAGE_WIDE_KEY, stageWideBase, settings.defaults)
  ops.push(...stageWideOps)
  // A specific entry created by a patch starts as a copy of `*/*` as it is at that point of the request.
  const stageWideAfter: MethodSettingValues | undefined =
    stageWideNow || stageWideOps.length ? { ...stageWideBase, ...withoutUndefined(settings.defaults) } : undefined

  const wantsCache =
    settings.defaults.cachingEnabled === true || resolved.some((r) => r.settings.cachingEnabled === true)
  const clusterAfter = settings.cacheCluster ? settings.cacheCluster.enabled : current.cacheClusterEnabled
  if (wantsCache && !clusterAfter) {
    notes.push(
      'caching-enabled is true but the stage has no cache cluster: set cache-cluster-size for caching to take effect.',
    )
  }

  // A method with its own entry no longer follows `*/*` (AWS copies `*/*` into a new entry once, and later
  // changes to `*/*` do not reach it). So an entry the inputs manage must carry the stage-level values the
  // inputs name, overridden by its own: otherwise changing e.g. cache-ttl later would leave every overridden
  // method at the old value, and the result would depend on the stage's history.
  const stageLevel = withoutUndefined(settings.defaults)
  for (const r of resolved) {
    const base = current.methodSettings[r.key] ?? stageWideAfter ?? NEW_METHOD_SETTING_DEFAULTS
    ops.push(...settingOps(r.key, base, { ...stageLevel, ...r.settings }))
  }

  notes.unshift(
    ops.length
      ? `Stage settings: ${ops.length} patch operation(s) change only the settings the inputs name.`
      : 'Stage settings already match the inputs: nothing to change.',
  )
  return { ops, notes }
}

/** Splits patch operations into UpdateStage-sized lists. */
export function chunkOps(ops: PatchOp[], size: number = MAX_OPS_PER_UPDATE_STAGE): PatchOp[][] {
  const chunks: PatchOp[][] = []
  for (let i = 0; i < ops.length; i += size) chunks.push(ops.slice(i, i + size))
  return chunks
}
