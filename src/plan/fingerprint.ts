// The drift fingerprint (model/stage-fingerprint.ts) written by the plan's own closing TagResource, instead of by a
// TagResource of its own after the read-back: one sequential round trip fewer. Only where the stage the plan leaves
// can be predicted exactly (the deployment and variables change, nothing else); the apply step still compares the
// fingerprint with the stage as read back and writes it again in the rare case the prediction was wrong.
import { fingerprintTags } from '../model/stage-fingerprint.js'
import type { StageState } from '../model/state.js'
import { stageArn } from '../model/urls.js'
import type { PlanContext } from './context.js'
import { NEW_DEPLOYMENT_ID, type Plan, type PlannedCall } from './types.js'

const VARIABLE_PATH = /^\/variables\/([^/]+)$/

/** The plan with the fingerprint of the stage it will leave folded into its closing TagResource, when it can be. */
export function withFingerprint(plan: Plan, ctx: PlanContext): Plan {
  const before = ctx.state.stage
  if (plan.calls.length === 0) return plan
  if (before === undefined) return withNewStageFingerprint(plan, ctx)
  const closing = closingStageTag(plan)
  if (closing === undefined) return plan
  const after = predictStage(before, plan)
  if (after === undefined) return plan
  const tags = fingerprintTags(after)
  if (Object.entries(tags).every(([key, value]) => before.tags[key] === value)) return plan
  const calls = plan.calls.map((call, i) =>
    i === closing.index && call.action === 'TagResource' ? { ...call, tags: { ...call.tags, ...tags } } : call,
  )
  return { ...plan, calls }
}

/**
 * A stage the plan creates (CreateDeployment with the stage's name) is as AWS makes a new stage: the deployment,
 * the variables given, no settings, no canary. Its fingerprint is a best-effort TagResource at the end of the plan,
 * sent together with the read-back; a failure only warns, as the fingerprint's own call after the read-back would.
 */
function withNewStageFingerprint(plan: Plan, ctx: PlanContext): Plan {
  const touching = plan.calls.filter((call) => touchesStage(call, plan))
  const [create] = touching
  if (touching.length !== 1 || create?.action !== 'CreateDeployment' || create.canarySettings) return plan
  const created: StageState = {
    stageName: plan.stageName,
    deploymentId: NEW_DEPLOYMENT_ID,
    variables: { ...(create.variables ?? {}) },
    cacheClusterEnabled: false,
    methodSettings: {},
    tracingEnabled: false,
    tags: {},
  }
  const resourceArn = stageArn(ctx.state.region, plan.restApiId, plan.stageName)
  const tag: PlannedCall = { action: 'TagResource', resourceArn, tags: fingerprintTags(created), bestEffort: true }
  return { ...plan, calls: [...plan.calls, tag] }
}

/** The last call, when it is a TagResource on the plan's stage (so every change to the stage comes before it). */
function closingStageTag(plan: Plan): { index: number } | undefined {
  const index = plan.calls.length - 1
  const last = plan.calls[index]
  const suffix = `/restapis/${plan.restApiId}/stages/${plan.stageName}`
  return last?.action === 'TagResource' && last.resourceArn.endsWith(suffix) ? { index } : undefined
}

/**
 * The stage after the plan's calls, when they only re-point it and change its variables; undefined when any call
 * touches the stage in another way (settings, canary, deletion), so no guess is ever written.
 */
function predictStage(before: StageState, plan: Plan): StageState | undefined {
  let deploymentId = before.deploymentId
  const variables = { ...before.variables }
  for (const call of plan.calls) {
    if (!touchesStage(call, plan)) continue
    if (call.action === 'CreateDeployment') {
      if (call.canarySettings || call.variables) return undefined
      deploymentId = NEW_DEPLOYMENT_ID
      continue
    }
    if (call.action !== 'UpdateStage') return undefined
    for (const op of call.patchOperations) {
      const variable = VARIABLE_PATH.exec(op.path)?.[1]
      if (op.path === '/deploymentId' && op.op === 'replace' && op.value !== undefined) deploymentId = op.value
      else if (variable !== undefined && op.op === 'remove') delete variables[variable]
      else if (variable !== undefined && (op.op === 'replace' || op.op === 'add') && op.value !== undefined)
        variables[variable] = op.value
      else return undefined
    }
  }
  return { ...before, deploymentId, variables }
}

/**
 * Whether the call can change the plan's stage. Calls on other stages (pruning), on mappings and usage plans, on the
 * API's working copy and tags cannot; anything unknown counts as a change, so nothing is predicted for it.
 */
function touchesStage(call: PlannedCall, plan: Plan): boolean {
  switch (call.action) {
    case 'TagResource':
    case 'VerifyDeployment':
    case 'PutRestApi':
    case 'CreateBasePathMapping':
    case 'UpdateBasePathMapping':
    case 'DeleteBasePathMapping':
    case 'UpdateUsagePlan':
      return false
    case 'CreateDeployment':
      return call.restApiId === plan.restApiId && call.stageName === plan.stageName
    case 'UpdateStage':
    case 'DeleteStage':
      return call.restApiId === plan.restApiId && call.stageName === plan.stageName
    default:
      return true
  }
}
