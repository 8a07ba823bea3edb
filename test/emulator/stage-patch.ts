// UpdateStage: applies patch operations in order on a copy; any error rejects the whole request.
import { deploymentIdMustExist, ensureCanary, validatePercent } from './canary.js'
import { badRequest } from './errors.js'
import type { PatchOperation } from './input.js'
import { cannotRemove, invalidStagePath, removeMethodSetting, setMethodSetting } from './method-settings.js'
import type { RestApiState, StageState } from './types.js'
import { parseBool, validateVariableName, validateVariableValue } from './validation.js'

export const CACHE_CLUSTER_SIZES = ['0.5', '1.6', '6.1', '13.5', '28.4', '58.2', '118', '237']

const invalidOperation = (op: PatchOperation) => badRequest(`Invalid ${op.op} operation with path: ${op.path}`)

const INVALID_ACCESS_LOG_PATH =
  'Invalid accessLogSettings path. Must be one of : [/accessLogSettings/destinationArn, /accessLogSettings/format]'

export function applyStagePatch(
  api: RestApiState,
  current: StageState,
  operations: PatchOperation[],
  now: number,
  cacheClusterTransitionMs = 0,
): StageState {
  const stage = structuredClone(current)
  for (const op of operations) applyOne(api, stage, op)
  stage.lastUpdatedDate = now
  const cacheChanged =
    stage.cacheClusterEnabled !== current.cacheClusterEnabled ||
    (stage.cacheClusterEnabled && stage.cacheClusterSize !== current.cacheClusterSize)
  if (cacheChanged && cacheClusterTransitionMs > 0) {
    // AWS takes minutes to create, resize or delete the cluster; a resize shows CREATE_IN_PROGRESS here too.
    stage.cacheClusterStatus = stage.cacheClusterEnabled ? 'CREATE_IN_PROGRESS' : 'DELETE_IN_PROGRESS'
    stage.cacheClusterSettlesAt = now + cacheClusterTransitionMs
  }
  return stage
}

/** Ends a cache cluster transition whose time has come (called before a stage is shown). */
export function settleCacheCluster(stage: StageState, now: number): void {
  if (stage.cacheClusterSettlesAt === undefined || now < stage.cacheClusterSettlesAt) return
  stage.cacheClusterStatus = stage.cacheClusterEnabled ? 'AVAILABLE' : 'NOT_AVAILABLE'
  delete stage.cacheClusterSettlesAt
}

function applyOne(api: RestApiState, stage: StageState, op: PatchOperation): void {
  if (op.op === 'copy') {
    applyCopy(stage, op)
    return
  }
  if (op.op !== 'add' && op.op !== 'replace' && op.op !== 'remove') throw invalidOperation(op)
  const segments = op.path.split('/').slice(1)
  const scalar = segments.length === 1 ? SCALARS[op.path] : undefined
  if (segments[0] === 'accessLogSettings') applyAccessLog(stage, op, segments.slice(1))
  else if (segments[0] === 'canarySettings') applyCanary(api, stage, op, segments.slice(1))
  else if (segments[0] === 'variables' && segments.length === 2) applyVariable(stage, op, segments[1] as string)
  else if (scalar) scalar(api, stage, op)
  else if (op.op !== 'remove') setMethodSetting(stage.methodSettings, op.path, op.value)
  else if (segments.length === 2 || segments.length === 4) removeMethodSetting(stage.methodSettings, op.path)
  else throw invalidStagePath(op.path)
}

type ScalarPatch = (api: RestApiState, stage: StageState, op: PatchOperation) => void

/** Top-level stage fields. `replace` is what AWS documents; other ops are refused like the recorded `add`. */
const SCALARS: Record<string, ScalarPatch> = {
  '/deploymentId': (api, stage, op) => {
    if (op.op !== 'replace') throw invalidOperation(op)
    stage.deploymentId = deploymentIdMustExist(api, op.value)
  },
  '/description': (_api, stage, op) => {
    if (op.op === 'remove' || !op.value) delete stage.description
    else stage.description = op.value
  },
  '/cacheClusterEnabled': (_api, stage, op) => {
    if (op.op !== 'replace') throw invalidOperation(op)
    stage.cacheClusterEnabled = parseBool(op.value)
    // AWS passes through CREATE_IN_PROGRESS / DELETE_IN_PROGRESS for minutes; the emulator settles at once.
    stage.cacheClusterStatus = stage.cacheClusterEnabled ? 'AVAILABLE' : 'NOT_AVAILABLE'
    if (stage.cacheClusterEnabled) stage.cacheClusterSize ??= '0.5'
  },
  '/cacheClusterSize': (_api, stage, op) => {
    if (op.op !== 'replace') throw invalidOperation(op)
    if (!CACHE_CLUSTER_SIZES.includes(op.value ?? '')) {
      throw badRequest(`Invalid cache cluster size specified: ${op.value}. Must be one of ${CACHE_CLUSTER_SIZES}`)
    }
    stage.cacheClusterSize = op.value as string
  },
  '/clientCertificateId': (_api, stage, op) => {
    if (op.op === 'add') throw invalidOperation(op)
    if (op.op === 'remove' || !op.value) delete stage.clientCertificateId
    else stage.clientCertificateId = op.value
  },
  '/tracingEnabled': (_api, stage, op) => {
    if (op.op !== 'replace') throw invalidOperation(op)
    stage.tracingEnabled = parseBool(op.value)
  },
}

function applyVariable(stage: StageState, op: PatchOperation, name: string): void {
  if (op.op === 'remove') {
    delete stage.variables[name]
    return
  }
  validateVariableName(name)
  validateVariableValue(op.value ?? '')
  stage.variables[name] = op.value as string
}

/** Recorded rules (TestApiGatewayStage::test_stage_access_log_settings*). */
function applyAccessLog(stage: StageState, op: PatchOperation, rest: string[]): void {
  if (op.op === 'remove') {
    if (rest.length === 0) {
      delete stage.accessLogSettings
      return
    }
    throw cannotRemove(['accessLogSettings', ...rest].join('/'))
  }
  const field = rest.length === 1 && (rest[0] === 'destinationArn' || rest[0] === 'format') ? rest[0] : undefined
  if (!field) throw badRequest(INVALID_ACCESS_LOG_PATH)
  if (!op.value) throw badRequest('Access Log value must not be empty')
  stage.accessLogSettings = { ...stage.accessLogSettings, [field]: op.value }
}

/** Recorded rules (TestStageCrudCanary::*): replace creates the canary, add is refused, remove only some. */
function applyCanary(api: RestApiState, stage: StageState, op: PatchOperation, rest: string[]): void {
  if (op.op === 'add') throw invalidOperation(op)
  const [field, name] = rest
  if (op.op === 'remove') {
    if (rest.length === 0) {
      delete stage.canarySettings
      return
    }
    if (field === 'stageVariableOverrides' && rest.length === 2 && stage.canarySettings) {
      const overrides = stage.canarySettings.stageVariableOverrides ?? {}
      delete overrides[name as string]
      if (Object.keys(overrides).length === 0) delete stage.canarySettings.stageVariableOverrides
      else stage.canarySettings.stageVariableOverrides = overrides
      return
    }
    throw cannotRemove(['canarySettings', ...rest].join('/'))
  }
  if (rest.length === 1 && field === 'percentTraffic') {
    const percent = validatePercent(op.value?.trim() ? Number(op.value) : Number.NaN)
    ensureCanary(stage).percentTraffic = percent
  } else if (rest.length === 1 && field === 'deploymentId') {
    const deploymentId = deploymentIdMustExist(api, op.value)
    ensureCanary(stage).deploymentId = deploymentId
  } else if (rest.length === 1 && field === 'useStageCache') {
    ensureCanary(stage).useStageCache = parseBool(op.value)
  } else if (rest.length === 2 && field === 'stageVariableOverrides' && name) {
    validateVariableName(name)
    validateVariableValue(op.value ?? '')
    const canary = ensureCanary(stage)
    canary.stageVariableOverrides = { ...canary.stageVariableOverrides, [name]: op.value as string }
  } else {
    throw invalidStagePath(op.path)
  }
}

const VALID_COPIES: Record<string, string> = {
  '/deploymentId': '/canarySettings/deploymentId',
  '/variables': '/canarySettings/stageVariableOverrides',
}

/** The two promotion copies; overrides are merged into the variables (recorded). */
function applyCopy(stage: StageState, op: PatchOperation): void {
  if (op.from === undefined || VALID_COPIES[op.path] !== op.from) {
    throw badRequest(
      `Invalid copy operation with path: ${op.path} and from ${op.from ?? 'null'}. Valid copy:path are [/deploymentId, /variables] and valid copy:from are [/canarySettings/deploymentId, /canarySettings/stageVariableOverrides]`,
    )
  }
  const canary = stage.canarySettings
  if (!canary) throw badRequest('Promotion not available. Canary does not exist.')
  if (op.path === '/deploymentId') stage.deploymentId = canary.deploymentId
  else stage.variables = { ...stage.variables, ...canary.stageVariableOverrides }
}
