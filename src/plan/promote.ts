// promote: re-point a stage at another stage's deployment (no new snapshot) and/or switch stage variables.

import type { StageState } from '../model/state.js'
import { DEFINITION_TAG } from '../model/tags.js'
import { canaryPatchOps } from './canary-ops.js'
import { describeCanary, type PlanContext, recordPreviousCall, updateStage } from './context.js'
import { carriedRecord } from './definition.js'
import { variablePatchOps } from './patch-ops.js'
import { PlanRefusal } from './refusal.js'
import type { PatchOp, Plan } from './types.js'
import { refuseTooManyInputVariables } from './variable-limit.js'

/** A stage with a canary cannot simply be re-pointed: say what to do first. */
export function refuseCanaryTarget(stage: StageState, operation: string): void {
  if (!stage.canary) return
  throw new PlanRefusal(
    `Stage '${stage.stageName}' has an active canary (${describeCanary(stage.canary)}). '${operation}' would leave that canary ` +
      "serving traffic next to the new production deployment, so it is refused. Run operation 'promote-canary' or " +
      "'rollback-canary' first, then repeat this step.",
  )
}

export function planPromote(ctx: PlanContext): Plan {
  const { inputs, state } = ctx
  const restApiId = state.api.id
  const stageName = inputs.stage
  const target = state.stage
  const base = { operation: 'promote' as const, restApiId, stageName }
  const expected = { variables: inputs.variables, absentVariables: inputs.removeVariables }

  let sourceDeploymentId: string | undefined
  if (inputs.promoteFrom) {
    const source = state.sourceStage
    if (!source) {
      throw new PlanRefusal(
        `Input 'promote-from': stage '${inputs.promoteFrom}' does not exist, so there is nothing to promote.`,
      )
    }
    sourceDeploymentId = source.deploymentId
  }

  if (!target) {
    if (inputs.canary.percent !== undefined) {
      throw new PlanRefusal(
        `Stage '${stageName}' does not exist, so it cannot get a canary. Promote without canary-percent to create it on '${inputs.promoteFrom}''s deployment.`,
      )
    }
    if (!sourceDeploymentId) {
      throw new PlanRefusal(
        `Stage '${stageName}' does not exist. A variable-only promotion needs an existing stage; set 'promote-from' to create it on another stage's deployment.`,
      )
    }
    const call: Plan['calls'][number] = {
      action: 'CreateStage',
      restApiId,
      stageName,
      deploymentId: sourceDeploymentId,
    }
    if (Object.keys(inputs.variables).length) call.variables = { ...inputs.variables }
    const record = carriedRecord(state.sourceStage, DEFINITION_TAG, sourceDeploymentId)
    if (Object.keys(record).length) call.tags = record
    return {
      ...base,
      calls: [call],
      expected: { ...expected, deploymentId: sourceDeploymentId, absentVariables: [] },
      notes: [
        `CreateStage creates '${stageName}' on deployment ${sourceDeploymentId}, the one '${inputs.promoteFrom}' runs; no new deployment.`,
      ],
    }
  }

  if (inputs.canary.percent !== undefined && sourceDeploymentId)
    return planCanaryPromote(ctx, target, sourceDeploymentId)
  refuseCanaryTarget(target, 'promote')
  refuseTooManyInputVariables(inputs, target.variables)
  const ops: PatchOp[] = []
  if (sourceDeploymentId && sourceDeploymentId !== target.deploymentId) {
    ops.push({ op: 'replace', path: '/deploymentId', value: sourceDeploymentId })
  }
  ops.push(...variablePatchOps('/variables', target.variables, inputs.variables, inputs.removeVariables))
  const notes: string[] = []
  if (sourceDeploymentId) {
    notes.push(
      sourceDeploymentId === target.deploymentId
        ? `'${stageName}' already runs deployment ${sourceDeploymentId}, the one '${inputs.promoteFrom}' runs.`
        : `'${stageName}' moves from ${target.deploymentId} to ${sourceDeploymentId}, the deployment '${inputs.promoteFrom}' runs; no new deployment.`,
    )
  }
  if (!ops.length) notes.push('Nothing to change.')
  const calls: Plan['calls'] = []
  if (sourceDeploymentId && sourceDeploymentId !== target.deploymentId)
    calls.push(
      recordPreviousCall(
        ctx,
        target.deploymentId,
        carriedRecord(state.sourceStage, DEFINITION_TAG, sourceDeploymentId),
      ),
    )
  if (ops.length) calls.push(updateStage(restApiId, stageName, ops))
  return { ...base, calls, expected: { ...expected, deploymentId: sourceDeploymentId ?? target.deploymentId }, notes }
}

/**
 * promote + promote-from + canary-percent: the source stage's deployment (no new snapshot) becomes the canary
 * of `stage`, taking that share of traffic; production is untouched. An existing canary is re-pointed.
 * AWS creates a canary from `replace /canarySettings/deploymentId`; the later operations of the same
 * request then set its traffic and overrides.
 */
function planCanaryPromote(ctx: PlanContext, target: StageState, sourceDeploymentId: string): Plan {
  const { inputs, state } = ctx
  const percent = inputs.canary.percent as number
  const current = target.canary
  const ops = canaryPatchOps(inputs, current, sourceDeploymentId)
  const notes = [
    `One UpdateStage makes deployment ${sourceDeploymentId} (what '${inputs.promoteFrom}' runs) the canary of '${target.stageName}' at ${percent}%; production stays on ${target.deploymentId}; no new deployment.`,
  ]
  if (current) notes.push(`The existing canary (${describeCanary(current)}) is re-pointed.`)
  if (!ops.length) notes.push('The canary already runs that deployment with these settings: nothing to change.')
  return {
    operation: 'promote',
    restApiId: state.api.id,
    stageName: target.stageName,
    calls: ops.length ? [updateStage(state.api.id, target.stageName, ops)] : [],
    expected: {
      deploymentId: target.deploymentId,
      variables: {},
      absentVariables: [],
      canary: { deploymentId: sourceDeploymentId, percentTraffic: percent },
    },
    notes,
  }
}
