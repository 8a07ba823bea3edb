// deploy with `definition`: import the repository's file, snapshot it, check the snapshot is the reviewed file, then
// switch the stage (or its canary) to it; or nothing at all when the stage already runs a deployment of that file.
import { API_LEVEL_SETTINGS, type ApiLevelSetting } from '../definition/api-settings.js'
import {
  type DefinitionRecord,
  formatDefinitionRecord,
  parseDefinitionRecord,
  recordMatches,
} from '../definition/record.js'
import type { ApiLevelSettings, StageState } from '../model/state.js'
import { CANARY_DEFINITION_TAG, DEFINITION_TAG } from '../model/tags.js'
import { stageArn } from '../model/urls.js'
import { canaryPatchOps } from './canary-ops.js'
import { type DefinitionImport, type PlanContext, updateStage } from './context.js'
import { variablePatchOps } from './patch-ops.js'
import { NEW_DEPLOYMENT_ID, type Plan, type PlannedCall } from './types.js'
import { refuseTooManyInputVariables } from './variable-limit.js'

/** `plain` plans the deployment as without a file (planDeploy or planCanaryDeploy); this adds the import. */
export function planDefinitionDeploy(ctx: PlanContext, def: DefinitionImport, plain: (ctx: PlanContext) => Plan): Plan {
  const canary = ctx.inputs.canary.percent !== undefined
  const stage = ctx.state.stage
  const wanted = { sha256: def.loaded.sha256, mode: def.options.mode, basePath: def.options.basePath }
  if (!def.options.force && stage) {
    const runs = canary ? stage.canary?.deploymentId : stage.deploymentId
    const record = parseDefinitionRecord(stage.tags[canary ? CANARY_DEFINITION_TAG : DEFINITION_TAG])
    if (runs && recordMatches(record, wanted, runs)) return unchangedPlan(ctx, stage, runs)
  }
  return importThenDeploy(ctx, def, plain(ctx), wanted)
}

/** The stage already runs this file: nothing to import or deploy; only variables or canary settings may change. */
function unchangedPlan(ctx: PlanContext, stage: StageState, runs: string): Plan {
  const { inputs, state } = ctx
  const canary = inputs.canary.percent !== undefined
  if (!canary) refuseTooManyInputVariables(inputs, stage.variables)
  const ops = canary
    ? canaryPatchOps(inputs, stage.canary, runs)
    : variablePatchOps('/variables', stage.variables, inputs.variables, inputs.removeVariables)
  const what = canary ? 'canary' : 'stage'
  return {
    operation: 'deploy',
    restApiId: state.api.id,
    stageName: inputs.stage,
    calls: ops.length ? [updateStage(state.api.id, inputs.stage, ops)] : [],
    expected: canary
      ? { deploymentId: stage.deploymentId, variables: {}, absentVariables: [], canary: { deploymentId: runs } }
      : { deploymentId: runs, variables: inputs.variables, absentVariables: inputs.removeVariables },
    notes: [
      `The ${what} already runs deployment ${runs}, made from this file imported the same way: nothing is imported or deployed (force-deploy: true would redo both).`,
      ...(ops.length ? [`One UpdateStage changes only what the inputs name (${ops.length} operation(s)).`] : []),
    ],
  }
}

function importThenDeploy(
  ctx: PlanContext,
  def: DefinitionImport,
  base: Plan,
  wanted: Omit<DefinitionRecord, 'deployment'>,
): Plan {
  const { inputs, state } = ctx
  const restApiId = state.api.id
  const stageName = inputs.stage
  const stage = state.stage
  const canary = inputs.canary.percent !== undefined
  const recordTags = {
    [canary ? CANARY_DEFINITION_TAG : DEFINITION_TAG]: formatDefinitionRecord({
      ...wanted,
      deployment: NEW_DEPLOYMENT_ID,
    }),
  }
  const { loaded, options } = def
  const put: PlannedCall = {
    action: 'PutRestApi',
    restApiId,
    stageName,
    mode: options.mode,
    failOnWarnings: options.failOnWarnings,
    basePath: options.basePath,
    body: loaded.text,
    sha256: loaded.sha256,
  }
  const verify: PlannedCall = {
    action: 'VerifyDeployment',
    restApiId,
    stageName,
    deploymentId: NEW_DEPLOYMENT_ID,
    routes: loaded.routes,
    exact: options.mode === 'overwrite',
  }
  const calls: PlannedCall[] = []
  let tagged = false
  for (const call of base.calls) {
    if (call.action === 'CreateDeployment') {
      calls.push(put, { action: 'CreateDeployment', restApiId, description: call.description ?? '' }, verify)
      const attach = attachCall(ctx, call, recordTags)
      if (attach) calls.push(attach)
      tagged ||= attach?.action === 'CreateStage'
    } else if (call.action === 'TagResource') {
      calls.push({ ...call, tags: { ...call.tags, ...recordTags } })
      tagged = true
    } else calls.push(call)
  }
  if (!tagged)
    calls.push({ action: 'TagResource', resourceArn: stageArn(state.region, restApiId, stageName), tags: recordTags })
  const switchNote = canary
    ? `One UpdateStage makes it the canary at ${inputs.canary.percent}%; production stays on ${stage?.deploymentId}.`
    : stage
      ? `One UpdateStage then switches '${stageName}' from ${stage.deploymentId} to it${variableNote(base)}.`
      : `CreateStage then creates '${stageName}' on it.`
  return {
    ...base,
    calls,
    notes: [
      `PutRestApi imports ${loaded.file} (sha256 ${loaded.sha256.slice(0, 12)}…, ${loaded.routes.length} route(s)) into the API's working copy: mode ${options.mode}, fail-on-warnings ${options.failOnWarnings}, basepath ${options.basePath}.`,
      `CreateDeployment snapshots it; GetDeployment then checks the snapshot serves ${options.mode === 'overwrite' ? 'exactly' : 'at least'} the file's routes before anything switches (another run may import into the same API in between).`,
      switchNote,
      ...definitionWarnings(ctx, def),
    ],
  }
}

/** The call that puts the new (detached) deployment where `call` would have: a new stage, production or the canary. */
function attachCall(
  ctx: PlanContext,
  call: Extract<PlannedCall, { action: 'CreateDeployment' }>,
  recordTags: Record<string, string>,
): PlannedCall | undefined {
  const { inputs, state } = ctx
  const restApiId = state.api.id
  if (call.canarySettings)
    return updateStage(restApiId, inputs.stage, canaryPatchOps(inputs, state.stage?.canary, NEW_DEPLOYMENT_ID))
  if (!call.stageName) return undefined // already detached: the plan's own UpdateStage switches it
  if (!state.stage) {
    return {
      action: 'CreateStage',
      restApiId,
      stageName: call.stageName,
      deploymentId: NEW_DEPLOYMENT_ID,
      ...(call.variables ? { variables: call.variables } : {}),
      tags: recordTags,
    }
  }
  return updateStage(restApiId, call.stageName, [{ op: 'replace', path: '/deploymentId', value: NEW_DEPLOYMENT_ID }])
}

function variableNote(base: Plan): string {
  const update = base.calls.find((c) => c.action === 'UpdateStage')
  const count =
    update?.action === 'UpdateStage'
      ? update.patchOperations.filter((op) => op.path.startsWith('/variables/')).length
      : 0
  return count ? ` and changes ${count} variable(s) in the same request` : ''
}

/** What the user should know before importing: a rename, and API-level settings an overwrite would drop. */
function definitionWarnings(ctx: PlanContext, def: DefinitionImport): string[] {
  const api = ctx.state.api
  const warnings: string[] = []
  if (def.loaded.title && def.loaded.title !== api.name && !def.keepsName) {
    warnings.push(
      `⚠️ The file's info.title '${def.loaded.title}' differs from the API's name '${api.name}': the import renames the API, and its CloudWatch metrics (dimension ApiName) move to the new name.`,
    )
  }
  if (def.options.mode === 'overwrite') {
    const dropped = droppedSettings(api.settings ?? {}, def.loaded.settings)
    if (dropped.length) {
      warnings.push(
        `⚠️ Overwrite resets what the file does not carry: the API's ${dropped.map((d) => `${d.name} (${d.extension})`).join(', ')} would be removed. Add them to the file to keep them.`,
      )
    }
  }
  return warnings
}

function droppedSettings(
  has: ApiLevelSettings,
  inFile: ReadonlySet<ApiLevelSetting>,
): (typeof API_LEVEL_SETTINGS)[number][] {
  const present: Record<ApiLevelSetting, boolean> = {
    'binary media types': (has.binaryMediaTypes?.length ?? 0) > 0,
    'API key source': has.apiKeySource !== undefined,
    'minimum compression size': has.minimumCompressionSize !== undefined,
    'resource policy': has.policy !== undefined,
    'endpoint configuration': (has.vpcEndpointIds?.length ?? 0) > 0 || has.disableExecuteApiEndpoint === true,
  }
  return API_LEVEL_SETTINGS.filter((s) => present[s.name] && !inFile.has(s.name))
}

/**
 * The definition record a promotion carries along: `from`'s record under `fromTag`, when it describes the deployment
 * that now moves (`deploymentId`), as the target's production record. Otherwise nothing: no record is better than a
 * wrong one.
 */
export function carriedRecord(
  from: StageState | undefined,
  fromTag: string,
  deploymentId: string,
): Record<string, string> {
  const record = parseDefinitionRecord(from?.tags[fromTag])
  return record?.deployment === deploymentId ? { [DEFINITION_TAG]: formatDefinitionRecord(record) } : {}
}
